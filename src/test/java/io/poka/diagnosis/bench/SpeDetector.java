package io.poka.diagnosis.bench;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.tribuo.math.la.DenseMatrix;

/**
 * The benchmark's own PCA SPE (Q statistic: squared residual of a standardised row outside the principal subspace that
 * explains a given share of the normal rows' variance), so diagnosis' test code does not reach into the baselines
 * module's internals; eigen-decomposition by Tribuo's {@code DenseMatrix}.
 */
final class SpeDetector {
    private final double[] means;
    private final double[] sds;
    private final double[][] components; // unit eigenvectors, largest eigenvalue first

    private SpeDetector(double[] means, double[] sds, double[][] components) {
        this.means = means;
        this.sds = sds;
        this.components = components;
    }

    /** Fits on normal rows (no missing values): column means and sample deviations, then the covariance's PCA. */
    static SpeDetector fit(double[][] normal, double varianceShare) {
        int n = normal.length;
        int p = normal[0].length;
        double[] means = new double[p];
        double[] sds = new double[p];
        for (int j = 0; j < p; j++) {
            int col = j;
            means[j] = Arrays.stream(normal).mapToDouble(r -> r[col]).average().orElse(0);
            double ss = Arrays.stream(normal).mapToDouble(r -> (r[col] - means[col]) * (r[col] - means[col])).sum();
            double sd = Math.sqrt(ss / Math.max(1, n - 1));
            sds[j] = sd > 1e-12 ? sd : 1.0; // a constant column stays finite
        }
        // standardised columns have mean 0: the covariance is z'z / (n - 1)
        double[][] cov = new double[p][p];
        double[] z = new double[p];
        for (double[] row : normal) {
            for (int a = 0; a < p; a++) {
                z[a] = (row[a] - means[a]) / sds[a];
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    cov[a][b] += z[a] * z[b] / (n - 1);
                }
            }
        }
        DenseMatrix.EigenDecomposition eig = DenseMatrix.createDenseMatrix(cov).eigenDecomposition()
                .orElseThrow(() -> new IllegalStateException("no eigen-decomposition of the covariance"));
        double[] values = eig.eigenvalues().toArray();
        int[] byValue = IntStream.range(0, p).boxed().sorted(Comparator.comparingDouble(i -> -values[i]))
                .mapToInt(Integer::intValue).toArray();
        double total = Arrays.stream(values).filter(v -> v > 0).sum();
        double explained = 0;
        int kept = 0;
        while (kept < p && explained < varianceShare * total && values[byValue[kept]] > 1e-12) {
            explained += values[byValue[kept++]];
        }
        double[][] components = new double[kept][];
        for (int c = 0; c < kept; c++) {
            components[c] = eig.getEigenVector(byValue[c]).toArray();
        }
        return new SpeDetector(means, sds, components);
    }

    /** Squared prediction error of one raw row: |z - P P' z|² with z the standardised row. */
    double spe(double[] row) {
        double[] residual = new double[row.length];
        for (int a = 0; a < row.length; a++) {
            residual[a] = (row[a] - means[a]) / sds[a];
        }
        for (double[] c : components) {
            double t = 0;
            for (int a = 0; a < row.length; a++) {
                t += residual[a] * c[a];
            }
            for (int a = 0; a < row.length; a++) {
                residual[a] -= t * c[a];
            }
        }
        return Arrays.stream(residual).map(r -> r * r).sum();
    }
}
