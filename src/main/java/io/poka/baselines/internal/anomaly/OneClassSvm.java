package io.poka.baselines.internal.anomaly;

import io.poka.baselines.internal.model.OneClassSvmMonitor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Tribuo's one-class SVM (LibSVM, RBF) as a comparison monitor; its score is the negated decision value. */
public final class OneClassSvm implements AnomalyMonitor {
    private final OneClassSvmMonitor svm;
    private final Map<String, Object> hyperparameters = new LinkedHashMap<>();

    private OneClassSvm(OneClassSvmMonitor svm, double nu, double gamma, long seed) {
        this.svm = svm;
        hyperparameters.put("nu", nu);
        hyperparameters.put("gamma", gamma);
        hyperparameters.put("kernel", "RBF");
        hyperparameters.put("seed", seed);
    }

    /** @param gamma RBF width; 1 / variables (LibSVM's default) when not positive */
    public static OneClassSvm fit(double[][] z, double nu, double gamma, long seed) {
        double g = gamma > 0 ? gamma : 1.0 / z[0].length;
        return new OneClassSvm(OneClassSvmMonitor.fit(z, nu, g, seed), nu, g, seed);
    }

    @Override
    public String name() {
        return "one-class-svm";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        return hyperparameters;
    }

    @Override
    public String provenance() {
        return svm.provenance();
    }

    @Override
    public double[] scores(double[][] z) {
        return svm.scores(z);
    }
}
