package io.poka.scoring.internal.model;

import io.poka.platform.ProblemException;
import java.util.Locale;

/**
 * A target false-alarm rate the normal data cannot support (422): below 1 / (n_eff + 1) for the effective number of
 * independent rows, or with a confidence interval wider than the target itself. Names the smallest supported target,
 * so the user knows what to ask for (or that more normal data is needed).
 */
public class UnsupportedTarget extends ProblemException {
    public UnsupportedTarget(double target, double smallestSupported, String why) {
        super(422, "scoring/unsupported-false-alarm-rate", "False-alarm target not supported by the data",
                String.format(Locale.ROOT, "falseAlarmRate %s cannot be honoured: %s; the smallest supported target is "
                        + "%s (or upload more normal data)", target, why, smallestSupported));
        with("falseAlarmRate", target);
        with("smallestSupportedTarget", smallestSupported);
    }

    /** The target rounded up to 4 significant digits, so the named value itself is supported. */
    static double roundUp(double value) {
        double scale = Math.pow(10, 3 - Math.floor(Math.log10(value)));
        return Math.ceil(value * scale) / scale;
    }
}
