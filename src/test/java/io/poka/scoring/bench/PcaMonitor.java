package io.poka.scoring.bench;

import java.util.Arrays;

/**
 * The classical baseline of process monitoring: PCA on standardised normal data, Hotelling's T-squared in the
 * retained subspace and SPE (Q) in the residual space (MacGregor and Kourti, Control Eng. Practice 3, 1995).
 * Eigen-decomposition of the correlation matrix by cyclic Jacobi rotations (Golub and Van Loan, 8.5).
 */
final class PcaMonitor {
    private final double[][] loadings; // p x k
    private final double[] eigenvalues; // k

    private PcaMonitor(double[][] loadings, double[] eigenvalues) {
        this.loadings = loadings;
        this.eigenvalues = eigenvalues;
    }

    /** Fits on standardised rows, keeping the components that explain {@code varianceShare} of the variance. */
    static PcaMonitor fit(float[][] z, double varianceShare) {
        int n = z.length;
        int p = z[0].length;
        double[][] cov = new double[p][p];
        for (float[] row : z) {
            for (int a = 0; a < p; a++) {
                for (int b = a; b < p; b++) {
                    cov[a][b] += row[a] * row[b];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = a; b < p; b++) {
                cov[a][b] /= (n - 1);
                cov[b][a] = cov[a][b];
            }
        }
        double[][] vectors = new double[p][p];
        double[] values = jacobi(cov, vectors);
        Integer[] order = new Integer[p];
        for (int i = 0; i < p; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
        double total = Arrays.stream(values).sum();
        int k = 0;
        double explained = 0;
        while (k < p && explained / total < varianceShare) {
            explained += values[order[k]];
            k++;
        }
        double[][] loadings = new double[p][k];
        double[] eig = new double[k];
        for (int c = 0; c < k; c++) {
            eig[c] = values[order[c]];
            for (int a = 0; a < p; a++) {
                loadings[a][c] = vectors[a][order[c]];
            }
        }
        return new PcaMonitor(loadings, eig);
    }

    int components() {
        return eigenvalues.length;
    }

    /** {T-squared, SPE} of one standardised row. */
    double[] statistics(float[] x) {
        int p = x.length;
        int k = eigenvalues.length;
        double t2 = 0;
        double[] reconstructed = new double[p];
        for (int c = 0; c < k; c++) {
            double t = 0;
            for (int a = 0; a < p; a++) {
                t += x[a] * loadings[a][c];
            }
            t2 += t * t / eigenvalues[c];
            for (int a = 0; a < p; a++) {
                reconstructed[a] += t * loadings[a][c];
            }
        }
        double spe = 0;
        for (int a = 0; a < p; a++) {
            double r = x[a] - reconstructed[a];
            spe += r * r;
        }
        return new double[] {t2, spe};
    }

    /** Cyclic Jacobi eigenvalue algorithm for a symmetric matrix; fills {@code vectors} column-wise. */
    static double[] jacobi(double[][] symmetric, double[][] vectors) {
        int p = symmetric.length;
        double[][] a = new double[p][];
        for (int i = 0; i < p; i++) {
            a[i] = symmetric[i].clone();
            Arrays.fill(vectors[i], 0);
            vectors[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int i = 0; i < p; i++) {
                for (int j = i + 1; j < p; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off < 1e-22) {
                break;
            }
            for (int i = 0; i < p; i++) {
                for (int j = i + 1; j < p; j++) {
                    if (Math.abs(a[i][j]) < 1e-300) {
                        continue;
                    }
                    double theta = (a[j][j] - a[i][i]) / (2 * a[i][j]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int r = 0; r < p; r++) {
                        double ari = a[r][i];
                        double arj = a[r][j];
                        a[r][i] = c * ari - s * arj;
                        a[r][j] = s * ari + c * arj;
                    }
                    for (int r = 0; r < p; r++) {
                        double air = a[i][r];
                        double ajr = a[j][r];
                        a[i][r] = c * air - s * ajr;
                        a[j][r] = s * air + c * ajr;
                    }
                    for (int r = 0; r < p; r++) {
                        double vri = vectors[r][i];
                        double vrj = vectors[r][j];
                        vectors[r][i] = c * vri - s * vrj;
                        vectors[r][j] = s * vri + c * vrj;
                    }
                }
            }
        }
        double[] values = new double[p];
        for (int i = 0; i < p; i++) {
            values[i] = a[i][i];
        }
        return values;
    }
}
