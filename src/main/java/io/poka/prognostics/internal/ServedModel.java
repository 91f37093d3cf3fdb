package io.poka.prognostics.internal;

import io.poka.prognostics.RulModelInfo;
import io.poka.prognostics.RulValidation;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which stored RUL model serves: the one a user promoted last, if any; otherwise, among the models validated the same
 * way as the newest one (same data fingerprint, sensors, cap, folds, cuts per unit, minimum history, seed and cut
 * rule, so their cross-validated figures come from the same folds and cuts), the one with the lowest mean RMSE (the
 * newer of equals). Never merely the newest: a quick or worse model trained later does not displace a better one.
 */
final class ServedModel {
    private ServedModel() {
    }

    static Optional<RulModelInfo> choose(List<RulModelInfo> models) {
        Optional<RulModelInfo> promoted = models.stream().filter(m -> m.promotedAt() != null)
                .max(Comparator.comparing(RulModelInfo::promotedAt));
        if (promoted.isPresent()) {
            return promoted;
        }
        Optional<RulModelInfo> newest = models.stream().max(Comparator.comparing(RulModelInfo::createdAt)
                .thenComparing(RulModelInfo::modelVersion));
        return newest.flatMap(n -> models.stream().filter(m -> comparable(m, n))
                .min(Comparator.comparingDouble((RulModelInfo m) -> m.validation().rmseMean())
                        .thenComparing(RulModelInfo::createdAt, Comparator.<Instant>reverseOrder())));
    }

    /** Validated on the same data, folds and cuts: their RMSEs may be compared. */
    static boolean comparable(RulModelInfo a, RulModelInfo b) {
        RulValidation x = a.validation();
        RulValidation y = b.validation();
        return a.dataFingerprint().equals(b.dataFingerprint()) && a.sensors().equals(b.sensors()) && a.cap() == b.cap()
                && x.folds() == y.folds() && x.cutsPerUnit() == y.cutsPerUnit() && x.minHistory() == y.minHistory()
                && x.seed() == y.seed() && Objects.equals(rule(x), rule(y));
    }

    private static String rule(RulValidation v) {
        return v.cutRule() == null ? "uniform" : v.cutRule();
    }
}
