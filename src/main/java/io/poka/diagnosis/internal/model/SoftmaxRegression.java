package io.poka.diagnosis.internal.model;

import java.util.Random;

/**
 * Multinomial logistic regression fitted by full-batch gradient descent with L2 and Adam steps: small, deterministic,
 * plain Java, and its probabilities are calibrated enough for the open-set rule to lean on.
 */
public final class SoftmaxRegression {
    private final double[][] weights; // classes x (features + 1), last column = bias

    public SoftmaxRegression(double[][] weights) {
        this.weights = weights;
    }

    public double[][] weights() {
        return weights;
    }

    /**
     * Fits on standardised features.
     *
     * @param labels class index of each row, 0..classes-1
     * @param epochs full-batch steps
     * @param l2 penalty on the weights (not the bias)
     */
    public static SoftmaxRegression fit(double[][] x, int[] labels, int classes, int epochs, double l2, long seed) {
        int d = x[0].length;
        int n = x.length;
        double[][] w = new double[classes][d + 1];
        Random random = new Random(seed);
        for (double[] row : w) {
            for (int j = 0; j < d; j++) {
                row[j] = random.nextGaussian() * 0.01;
            }
        }
        double[][] m = new double[classes][d + 1];
        double[][] v = new double[classes][d + 1];
        double rate = 0.05;
        double b1 = 0.9;
        double b2 = 0.999;
        double[] p = new double[classes];
        double[][] g = new double[classes][d + 1];
        for (int epoch = 1; epoch <= epochs; epoch++) {
            for (double[] row : g) {
                java.util.Arrays.fill(row, 0);
            }
            for (int i = 0; i < n; i++) {
                probabilities(w, x[i], p);
                p[labels[i]] -= 1;
                for (int c = 0; c < classes; c++) {
                    double e = p[c] / n;
                    if (e == 0) {
                        continue;
                    }
                    double[] gc = g[c];
                    double[] xi = x[i];
                    for (int j = 0; j < d; j++) {
                        gc[j] += e * xi[j];
                    }
                    gc[d] += e;
                }
            }
            double c1 = 1 - Math.pow(b1, epoch);
            double c2 = 1 - Math.pow(b2, epoch);
            for (int c = 0; c < classes; c++) {
                for (int j = 0; j <= d; j++) {
                    double grad = g[c][j] + (j < d ? l2 * w[c][j] : 0);
                    m[c][j] = b1 * m[c][j] + (1 - b1) * grad;
                    v[c][j] = b2 * v[c][j] + (1 - b2) * grad * grad;
                    w[c][j] -= rate * (m[c][j] / c1) / (Math.sqrt(v[c][j] / c2) + 1e-8);
                }
            }
        }
        return new SoftmaxRegression(w);
    }

    public double[] probabilities(double[] x) {
        double[] p = new double[weights.length];
        probabilities(weights, x, p);
        return p;
    }

    private static void probabilities(double[][] w, double[] x, double[] out) {
        int d = x.length;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w.length; c++) {
            double s = w[c][d];
            for (int j = 0; j < d; j++) {
                s += w[c][j] * x[j];
            }
            out[c] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < w.length; c++) {
            out[c] = Math.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < w.length; c++) {
            out[c] /= sum;
        }
    }
}
