package io.poka.baselines.internal.anomaly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dynamic PCA (Ku, Storer and Georgakis, Chemometrics Intell. Lab. Syst. 30, 1995): PCA T² and SPE on lagged rows
 * [z_t, z_t-1, ..., z_t-L], so that faults that change the process dynamics rather than its levels become visible.
 * The first L rows of every scored series only serve as history and get no score (NaN).
 */
public final class DynamicPca {
    private DynamicPca() {
    }

    /** Row t of the result is [z_t+L, z_t+L-1, ..., z_t] for t = 0 .. n - L - 1 (the rows that have L rows of history). */
    public static double[][] lagged(double[][] z, int lags) {
        int p = z.length == 0 ? 0 : z[0].length;
        int n = Math.max(0, z.length - lags);
        double[][] out = new double[n][p * (lags + 1)];
        for (int t = 0; t < n; t++) {
            for (int l = 0; l <= lags; l++) {
                System.arraycopy(z[t + lags - l], 0, out[t], l * p, p);
            }
        }
        return out;
    }

    /** T² then SPE of a PCA fitted on the lagged standardised training rows; they score unlagged standardised rows. */
    public static List<AnomalyMonitor> fit(double[][] z, int lags, double varianceShare) {
        PcaMonitors pca = PcaMonitors.fit(lagged(z, lags), varianceShare);
        List<AnomalyMonitor> out = new ArrayList<>();
        for (AnomalyMonitor m : pca.monitors()) {
            out.add(new Lagged(m, lags));
        }
        return out;
    }

    private record Lagged(AnomalyMonitor pca, int lags) implements AnomalyMonitor {
        @Override
        public String name() {
            return "dynamic-" + pca.name();
        }

        @Override
        public Map<String, Object> hyperparameters() {
            Map<String, Object> h = new LinkedHashMap<>(pca.hyperparameters());
            h.put("lags", lags);
            return h;
        }

        @Override
        public String provenance() {
            return "dynamic PCA: rows lagged " + lags + " times ([x_t .. x_t-" + lags + "]); " + pca.provenance();
        }

        @Override
        public int lags() {
            return lags;
        }

        /** The lagged vector's terms summed per variable over its lags (the row's own value and its history). */
        @Override
        public double[] contributions(double[][] z, int i) {
            if (i < lags) {
                return null;
            }
            double[][] window = Arrays.copyOfRange(z, i - lags, i + 1);
            double[] terms = pca.contributions(lagged(window, lags), 0);
            int p = z[i].length;
            double[] out = new double[p];
            for (int k = 0; k < terms.length; k++) {
                out[k % p] += terms[k];
            }
            return out;
        }

        @Override
        public double[] scores(double[][] z) {
            double[] out = new double[z.length];
            Arrays.fill(out, Double.NaN);
            double[] scored = pca.scores(lagged(z, lags));
            System.arraycopy(scored, 0, out, Math.min(lags, z.length), scored.length);
            return out;
        }
    }
}
