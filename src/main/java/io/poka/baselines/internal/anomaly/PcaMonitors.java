package io.poka.baselines.internal.anomaly;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;

/**
 * PCA process monitoring, the standard of industrial practice (MacGregor and Kourti, Control Eng. Practice 3, 1995):
 * principal components of the standardised normal rows keep {@code varianceShare} of the variance; Hotelling's T² is
 * the squared score in the retained subspace scaled by each component's variance, SPE (Q) the squared residual
 * outside it. The eigen-decomposition of the covariance matrix is Tribuo's ({@code DenseMatrix.eigenDecomposition}).
 */
public final class PcaMonitors implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final double[][] loadings; // k x p, unit eigenvectors
    private final double[] eigenvalues; // k
    private final double varianceShare;

    private PcaMonitors(double[][] loadings, double[] eigenvalues, double varianceShare) {
        this.loadings = loadings;
        this.eigenvalues = eigenvalues;
        this.varianceShare = varianceShare;
    }

    /** Fits on standardised training rows. */
    public static PcaMonitors fit(double[][] z, double varianceShare) {
        int n = z.length;
        int p = z[0].length;
        double[] mean = new double[p];
        for (double[] row : z) {
            for (int a = 0; a < p; a++) {
                mean[a] += row[a] / n;
            }
        }
        double[][] cov = new double[p][p];
        for (double[] row : z) {
            for (int a = 0; a < p; a++) {
                for (int b = a; b < p; b++) {
                    cov[a][b] += (row[a] - mean[a]) * (row[b] - mean[b]) / (n - 1);
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                cov[a][b] = cov[b][a];
            }
        }
        DenseMatrix.EigenDecomposition eig = DenseMatrix.createDenseMatrix(cov).eigenDecomposition()
                .orElseThrow(() -> new IllegalStateException("covariance matrix has no eigen-decomposition"));
        double[] values = eig.eigenvalues().toArray();
        Integer[] order = new Integer[p];
        for (int i = 0; i < p; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
        double total = Arrays.stream(values).filter(v -> v > 0).sum();
        int k = 0;
        double explained = 0;
        while (k < p && explained < varianceShare * total && values[order[k]] > 1e-12) {
            explained += values[order[k]];
            k++;
        }
        double[][] loadings = new double[k][];
        double[] kept = new double[k];
        for (int c = 0; c < k; c++) {
            DenseVector v = eig.getEigenVector(order[c]);
            loadings[c] = v.toArray();
            kept[c] = values[order[c]];
        }
        return new PcaMonitors(loadings, kept, varianceShare);
    }

    public int components() {
        return eigenvalues.length;
    }

    /** {T², SPE} of one standardised row. */
    double[] statistics(double[] x) {
        int p = x.length;
        double t2 = 0;
        double[] reconstructed = new double[p];
        for (int c = 0; c < eigenvalues.length; c++) {
            double t = 0;
            for (int a = 0; a < p; a++) {
                t += x[a] * loadings[c][a];
            }
            t2 += t * t / eigenvalues[c];
            for (int a = 0; a < p; a++) {
                reconstructed[a] += t * loadings[c][a];
            }
        }
        double spe = 0;
        for (int a = 0; a < p; a++) {
            spe += (x[a] - reconstructed[a]) * (x[a] - reconstructed[a]);
        }
        return new double[] {t2, spe};
    }

    /**
     * Per variable a, the terms that sum to T² and to SPE of one standardised row: T²_a = x_a sum_c t_c p_ca / lambda_c
     * (Westerhuis, Gurden and Smilde, Chemometrics Intell. Lab. Syst. 51, 2000), SPE_a = (x_a - x̂_a)² (the residual of
     * the variable; Miller, Swanson and Heckler 1998).
     */
    double[][] contributions(double[] x) {
        int p = x.length;
        double[] weight = new double[p];
        double[] reconstructed = new double[p];
        for (int c = 0; c < eigenvalues.length; c++) {
            double t = 0;
            for (int a = 0; a < p; a++) {
                t += x[a] * loadings[c][a];
            }
            for (int a = 0; a < p; a++) {
                weight[a] += t * loadings[c][a] / eigenvalues[c];
                reconstructed[a] += t * loadings[c][a];
            }
        }
        double[][] out = new double[2][p];
        for (int a = 0; a < p; a++) {
            out[0][a] = x[a] * weight[a];
            out[1][a] = (x[a] - reconstructed[a]) * (x[a] - reconstructed[a]);
        }
        return out;
    }

    /** The two monitors of this fit: T² then SPE. */
    public List<AnomalyMonitor> monitors() {
        return List.of(view("pca-t2", 0, "Hotelling's T² in the retained principal subspace"),
                view("pca-spe", 1, "SPE (Q), squared residual outside the retained principal subspace"));
    }

    private AnomalyMonitor view(String name, int statistic, String what) {
        return new Statistic(this, name, statistic, what);
    }

    /** One of the two statistics of a fit as a monitor (a named class, so a stored monitor reads back reliably). */
    private record Statistic(PcaMonitors pca, String name, int statistic, String what) implements AnomalyMonitor {
        @Override
        public Map<String, Object> hyperparameters() {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("varianceShare", pca.varianceShare);
            h.put("components", pca.components());
            return h;
        }

        @Override
        public String provenance() {
            return "PCA on standardised training rows (covariance eigen-decomposition by Tribuo DenseMatrix), "
                    + pca.components() + " components for " + pca.varianceShare + " of the variance; " + what;
        }

        @Override
        public double[] scores(double[][] z) {
            return Arrays.stream(z).mapToDouble(row -> pca.statistics(row)[statistic]).toArray();
        }

        @Override
        public double[] contributions(double[][] z, int i) {
            return pca.contributions(z[i])[statistic];
        }
    }
}
