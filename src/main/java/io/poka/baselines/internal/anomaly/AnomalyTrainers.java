package io.poka.baselines.internal.anomaly;

import java.util.List;

/**
 * The anomaly monitors a user can train on a data set, by name (the names the comparison reports them under), and how
 * each is fitted on standardised normal rows.
 */
public final class AnomalyTrainers {
    public static final List<String> NAMES = List.of("pca-t2", "pca-spe", "dynamic-pca-t2", "dynamic-pca-spe",
            "one-class-svm", "isolation-forest");

    private AnomalyTrainers() {
    }

    public static boolean isAnomaly(String trainer) {
        return trainer != null && NAMES.contains(trainer);
    }

    /** Fits the named monitor on standardised training rows in time order (lags only for dynamic PCA). */
    public static AnomalyMonitor fit(String name, double[][] z, AnomalyComparisonRun.Settings s) {
        return switch (name) {
            case "pca-t2" -> PcaMonitors.fit(z, s.pcaVarianceShare()).monitors().get(0);
            case "pca-spe" -> PcaMonitors.fit(z, s.pcaVarianceShare()).monitors().get(1);
            case "dynamic-pca-t2" -> DynamicPca.fit(z, s.dynamicPcaLags(), s.pcaVarianceShare()).get(0);
            case "dynamic-pca-spe" -> DynamicPca.fit(z, s.dynamicPcaLags(), s.pcaVarianceShare()).get(1);
            case "one-class-svm" -> OneClassSvm.fit(z, s.svmNu(), s.svmGamma(), s.seed());
            case "isolation-forest" -> IsolationForest.fit(z, s.forestTrees(), s.forestSubsample(), s.seed());
            default -> throw new IllegalArgumentException("unknown anomaly monitor " + name);
        };
    }
}
