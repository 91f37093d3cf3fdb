package io.poka.diagnosis.internal.model;

/**
 * Linear discriminant analysis with a shrunk pooled covariance (Ledoit-Wolf style target: the mean variance on the
 * diagonal), equal class priors. Its discriminants are linear in the features, so the fitted model is a
 * {@link SoftmaxRegression} (weights = class means times the inverse covariance) whose softmax gives the posterior
 * probabilities. Closed form, no iterations: on the TEP windows it separates faults 4 and 5, which the gradient-fitted
 * softmax leaves mostly wrong (docs/diagnosis.md).
 */
public final class LinearDiscriminant {
    private LinearDiscriminant() {
    }

    /**
     * @param x standardised features, one row per window
     * @param labels class of each row, 0..classes-1 (every class must have a row)
     * @param shrinkage weight of the diagonal target in the covariance, in [0, 1]
     */
    public static SoftmaxRegression fit(double[][] x, int[] labels, int classes, double shrinkage) {
        int n = x.length;
        int d = x[0].length;
        double[][] means = new double[classes][d];
        int[] counts = new int[classes];
        for (int i = 0; i < n; i++) {
            counts[labels[i]]++;
            for (int j = 0; j < d; j++) {
                means[labels[i]][j] += x[i][j];
            }
        }
        for (int c = 0; c < classes; c++) {
            if (counts[c] == 0) {
                throw new IllegalArgumentException("class " + c + " has no training window");
            }
            for (int j = 0; j < d; j++) {
                means[c][j] /= counts[c];
            }
        }
        double[][] cov = new double[d][d];
        double[] r = new double[d];
        for (int i = 0; i < n; i++) {
            double[] mu = means[labels[i]];
            for (int j = 0; j < d; j++) {
                r[j] = x[i][j] - mu[j];
            }
            for (int a = 0; a < d; a++) {
                double ra = r[a];
                if (ra == 0) {
                    continue;
                }
                double[] row = cov[a];
                for (int b = a; b < d; b++) {
                    row[b] += ra * r[b];
                }
            }
        }
        double trace = 0;
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] /= n;
                cov[b][a] = cov[a][b];
            }
            trace += cov[a][a];
        }
        double target = Math.max(trace / d, 1e-6);
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                cov[a][b] *= 1 - shrinkage;
            }
            cov[a][a] += shrinkage * target + 1e-9;
        }
        double[][] l = cholesky(cov);
        double[][] weights = new double[classes][d + 1];
        for (int c = 0; c < classes; c++) {
            double[] a = solve(l, means[c]);
            double quad = 0;
            for (int j = 0; j < d; j++) {
                weights[c][j] = a[j];
                quad += a[j] * means[c][j];
            }
            weights[c][d] = -0.5 * quad;
        }
        return new SoftmaxRegression(weights);
    }

    /** Lower-triangular L with L L^T = m (m symmetric positive definite). */
    static double[][] cholesky(double[][] m) {
        int d = m.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = m[i][j];
                double[] li = l[i];
                double[] lj = l[j];
                for (int k = 0; k < j; k++) {
                    s -= li[k] * lj[k];
                }
                if (i == j) {
                    if (s <= 0) {
                        throw new IllegalStateException("covariance not positive definite; raise the shrinkage");
                    }
                    li[i] = Math.sqrt(s);
                } else {
                    li[j] = s / lj[j];
                }
            }
        }
        return l;
    }

    /** x with L L^T x = b. */
    static double[] solve(double[][] l, double[] b) {
        int d = b.length;
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[d];
        for (int i = d - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < d; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}
