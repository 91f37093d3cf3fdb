package io.poka.prognostics.internal.model;

import ai.djl.Device;
import java.util.List;
import java.util.function.IntConsumer;

/** The catalogue of RUL models a user may pick by name: three Tribuo models on window features and the 1-D CNN. */
public final class RulModels {
    public static final List<String> KINDS = List.of(TribuoRul.RANDOM_FOREST, TribuoRul.XGBOOST, TribuoRul.LINEAR,
            CnnRul.KIND);

    private RulModels() {
    }

    /** Fits a model; {@code epochDone} hears each CNN epoch (the Tribuo models report nothing until done). */
    public static FittedRul fit(String kind, List<UnitHistory> train, List<String> sensors, RulSettings s,
            Device device, IntConsumer epochDone) {
        if (CnnRul.KIND.equals(kind)) {
            return CnnRul.fit(train, s, device, epochDone);
        }
        return TribuoRul.fit(kind, train, sensors, s);
    }

    public static FittedRul load(String kind, byte[] bytes, int window, List<String> sensors, Device device) {
        return CnnRul.KIND.equals(kind) ? CnnRul.load(bytes, device) : TribuoRul.load(kind, bytes, window, sensors);
    }

    /** Steps a fit takes for progress: CNN epochs, else one. */
    public static int steps(String kind, RulSettings s) {
        return CnnRul.KIND.equals(kind) ? s.cnnEpochs() : 1;
    }
}
