package io.poka.prognostics.internal.model;

import ai.djl.Device;
import java.util.List;
import java.util.function.IntConsumer;

/** The catalogue of RUL models a user may pick by name: three Tribuo models on window features, the 1-D CNN, and the
 * mean of the CNN and XGBoost. */
public final class RulModels {
    public static final List<String> KINDS = List.of(TribuoRul.RANDOM_FOREST, TribuoRul.XGBOOST, TribuoRul.LINEAR,
            CnnRul.KIND, EnsembleRul.KIND);

    private RulModels() {
    }

    /** Fits a model; {@code epochDone} hears each CNN epoch (the Tribuo models report nothing until done). */
    public static FittedRul fit(String kind, List<UnitHistory> train, List<String> sensors, RulSettings s,
            Device device, IntConsumer epochDone) {
        return switch (kind) {
            case CnnRul.KIND -> CnnRul.fit(train, s, device, epochDone);
            case EnsembleRul.KIND -> EnsembleRul.fit(train, sensors, s, device, epochDone);
            default -> TribuoRul.fit(kind, train, sensors, s);
        };
    }

    public static FittedRul load(String kind, byte[] bytes, int window, List<String> sensors, Device device) {
        return switch (kind) {
            case CnnRul.KIND -> CnnRul.load(bytes, device);
            case EnsembleRul.KIND -> EnsembleRul.load(bytes, window, sensors, device);
            default -> TribuoRul.load(kind, bytes, window, sensors);
        };
    }

}
