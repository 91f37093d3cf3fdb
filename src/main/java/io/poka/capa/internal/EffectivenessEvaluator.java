package io.poka.capa.internal;

import io.poka.capa.EffectivenessCriterion;
import io.poka.lots.LotsApi;
import io.poka.scoring.ActiveModel;
import io.poka.scoring.ScoreTimeline;
import io.poka.scoring.ScoringApi;
import io.poka.spc.CapabilityView;
import io.poka.spc.SpcApi;
import io.poka.telemetry.StoredReading;
import io.poka.telemetry.TelemetryApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Measures a criterion on the data Poka stores (spc violations and capability, telemetry readings, lots, NCRs, the
 * active anomaly model's timeline) over the CAPA's window and hands the numbers to {@link EffectivenessRules}.
 */
@ApplicationScoped
class EffectivenessEvaluator {
    /** A verdict and, for the anomaly rate, the model version it was computed with. */
    record Measured(EffectivenessRules.Verdict verdict, String modelVersion) {
    }

    private final SpcApi spc;
    private final TelemetryApi telemetry;
    private final ScoringApi scoring;
    private final LotsApi lots;
    private final NcrFacts recurrences;

    EffectivenessEvaluator(SpcApi spc, TelemetryApi telemetry, ScoringApi scoring, LotsApi lots,
            NcrFacts recurrences) {
        this.spc = spc;
        this.telemetry = telemetry;
        this.scoring = scoring;
        this.lots = lots;
        this.recurrences = recurrences;
    }

    Measured evaluate(EffectivenessCriterion c, Instant start, Instant now) {
        return switch (c.kind()) {
            case NO_RULE_VIOLATION -> {
                Instant to = EffectivenessRules.dataTo(start, c.days(), now);
                int violations = spc.violations(c.line(), c.variable(), start, to).size();
                yield new Measured(EffectivenessRules.noRuleViolation(start, c.days(), now, violations,
                        c.line() + "/" + c.variable()), null);
            }
            case CPK_AT_LEAST -> new Measured(cpk(c, start, now), null);
            case NO_DEFECT_RECURRENCE -> {
                int made = (int) lots.search(new LotsApi.LotQuery(null, null, c.product(), null, null, start, now, 0, 1))
                        .total();
                int again = recurrences.count(c.defectCode(), c.product(), start, now);
                yield new Measured(EffectivenessRules.noDefectRecurrence(start, now, c.count(), made, again,
                        "defect " + c.defectCode() + " on " + c.product()), null);
            }
            case ANOMALY_RATE_WITHIN_TARGET -> anomalyRate(c, start, now);
        };
    }

    private EffectivenessRules.Verdict cpk(EffectivenessCriterion c, Instant start, Instant now) {
        String chart = c.line() + "/" + c.variable();
        List<StoredReading> first = telemetry.readings(c.line(), c.variable(), start, now, c.count());
        if (first.size() < c.count()) {
            return EffectivenessRules.cpkAtLeast(start, now, c.minCpk(), c.count(), first.size(), null, chart);
        }
        // the range [start, time of the n-th reading] holds exactly the first n readings of the window
        Instant to = first.get(first.size() - 1).timestamp().plusNanos(1000);
        CapabilityView capability = spc.capability(c.line(), c.variable(), start, to);
        return EffectivenessRules.cpkAtLeast(start, to, c.minCpk(), c.count(), capability.n(), capability.cpk(), chart);
    }

    private Measured anomalyRate(EffectivenessCriterion c, Instant start, Instant now) {
        ActiveModel active = scoring.activeModels().stream().filter(m -> m.line().equals(c.line())).findFirst()
                .orElseThrow(() -> new CapaProblems.CannotEvaluate("line " + c.line() + " has no active anomaly model"));
        Instant to = EffectivenessRules.dataTo(start, c.days(), now);
        ScoreTimeline timeline = scoring.scoreTimeline(c.line(), active.modelId(), start, to);
        long scored = timeline.points().stream().filter(p -> p.score() != null).count();
        long anomalous = timeline.points().stream().filter(p -> p.score() != null && p.anomalous()).count();
        String model = active.modelId() + ":" + active.version();
        EffectivenessRules.Verdict verdict = EffectivenessRules.anomalyRateWithinTarget(start, c.days(), now, scored,
                anomalous, active.targetFalseAlarmRate(), "v" + active.version());
        if (timeline.truncated() && !EffectivenessRules.FAILED.equals(verdict.result())) {
            throw new CapaProblems.CannotEvaluate("the window on line " + c.line()
                    + " holds more rows than one score timeline returns; shorten the window");
        }
        return new Measured(verdict, model);
    }
}
