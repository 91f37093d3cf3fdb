package io.poka.spc.internal;

import io.poka.platform.RecordChanged;
import io.poka.spc.ControlLimitsView;
import io.poka.spc.RuleViolated;
import io.poka.spc.RuleViolations;
import io.poka.spc.internal.chart.BaselineAdequacy;
import io.poka.spc.internal.chart.ChartType;
import io.poka.spc.internal.chart.LimitsOrigin;
import io.poka.spc.internal.rules.RuleViolation;
import io.poka.telemetry.ReadingPartitionsMoved;
import io.poka.telemetry.ReadingsRedelivered;
import io.poka.telemetry.ReadingsStored;
import io.poka.telemetry.StoredReading;
import io.poka.telemetry.TelemetryApi;
import io.poka.telemetry.VariableCatalogueChanged;
import io.poka.telemetry.VariableDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Charts readings as they are stored: observes {@link ReadingsStored} inside the ingestion transaction, feeds each
 * catalogue variable's {@link ChartRun}, stores the violations (a pattern that goes on over consecutive points as
 * one, see {@link ViolationRun}) and fires {@link RuleViolated} per firing and {@link RuleViolations} per batch in
 * that transaction.
 * A chart's in-memory state is dropped when its transaction rolls back or its limits or catalogue entry change,
 * and rebuilt on next use: from its memory saved with the last committed batch ({@link ChartStateStore}, for the
 * charts with unbounded memory) plus the readings stored after it, else by replaying the last stored readings.
 */
@ApplicationScoped
public class StreamingSpc {
    private static final Logger LOG = Logger.getLogger(StreamingSpc.class);

    /** The state of one variable's charts; run is null while the chart has no (matching) limits. */
    private static final class ChartState {
        final VariableDefinition variable;
        ChartRun run;
        final AutoBaseline baseline;

        ChartState(VariableDefinition variable, ChartRun run, AutoBaseline baseline) {
            this.variable = variable;
            this.run = run;
            this.baseline = baseline;
        }
    }

    private final Map<String, ChartState> states = new ConcurrentHashMap<>();
    private final TelemetryApi telemetry;
    private final LimitsRepository limits;
    private final ViolationStore violations;
    private final Event<RuleViolated> ruleViolated;
    private final Event<RuleViolations> ruleViolations;
    private final AfterTransaction afterTransaction;
    private final SpcConfig config;
    private final Clock clock;
    private final Event<RecordChanged> changes;
    private final ChartRulesRepository chartRules;
    private final ChartStateStore chartStates;

    StreamingSpc(TelemetryApi telemetry, LimitsRepository limits, ViolationStore violations,
            Event<RuleViolated> ruleViolated, Event<RuleViolations> ruleViolations, AfterTransaction afterTransaction, SpcConfig config, Clock clock,
            Event<RecordChanged> changes, ChartRulesRepository chartRules, ChartStateStore chartStates) {
        this.chartRules = chartRules;
        this.chartStates = chartStates;
        this.telemetry = telemetry;
        this.limits = limits;
        this.violations = violations;
        this.ruleViolated = ruleViolated;
        this.ruleViolations = ruleViolations;
        this.afterTransaction = afterTransaction;
        this.config = config;
        this.clock = clock;
        this.changes = changes;
    }

    /** A batch's readings by chart; a record over the readings' (catalogue) texts, so no key text per reading. */
    private record Chart(String line, String variable) {
    }

    void onReadings(@Observes ReadingsStored event) {
        Map<Chart, List<StoredReading>> byChart = new LinkedHashMap<>();
        for (StoredReading r : event.readings()) {
            byChart.computeIfAbsent(new Chart(r.line(), r.variable()), k -> new ArrayList<>()).add(r);
        }
        Map<String, List<StoredReading>> byVariable = new LinkedHashMap<>();
        byChart.forEach((chart, readings) -> byVariable.put(key(chart.line(), chart.variable()), readings));
        Set<String> touched = Set.copyOf(byVariable.keySet());
        afterTransaction.onRollback(() -> touched.forEach(states::remove));
        List<RuleViolated> found = new ArrayList<>();
        List<ViolationRun> rows = new ArrayList<>();
        List<ChartStateStore.Saved> memories = new ArrayList<>();
        Instant now = clock.instant();
        for (Map.Entry<String, List<StoredReading>> e : byVariable.entrySet()) {
            List<StoredReading> readings = e.getValue();
            StoredReading first = readings.get(0);
            ChartState state = states.computeIfAbsent(e.getKey(), k -> load(first.line(), first.variable(), first.timestamp()));
            if (state.variable == null) {
                continue;
            }
            synchronized (state) {
                chart(state, readings, found, rows, now);
                if (state.run != null && !state.run.rebuiltExactlyFrom(config.resumeReadings())) {
                    memories.add(new ChartStateStore.Saved(first.line(), first.variable(), state.run.fingerprint(),
                            readings.get(readings.size() - 1).timestamp(), state.run.save()));
                }
            }
        }
        chartStates.saveAll(memories);
        if (found.isEmpty()) {
            return;
        }
        violations.insertAll(rows);
        found.forEach(ruleViolated::fire);
        ruleViolations.fire(new RuleViolations(List.copyOf(found)));
    }

    /**
     * Feeds one variable's readings of the batch; a rule firing again on the next plotted point of the same chart
     * extends its stored violation ({@link ViolationRun}) instead of starting a new one. Every firing is still one
     * {@link RuleViolated} (its own pattern points), naming the stored violation it went into.
     */
    private void chart(ChartState state, List<StoredReading> readings, List<RuleViolated> found,
            List<ViolationRun> rows, Instant now) {
        int[] plotted = new int[ChartType.values().length];
        @SuppressWarnings("unchecked")
        Map<String, ViolationRun>[] open = new Map[plotted.length];
        for (StoredReading r : readings) {
            if (state.run == null) {
                collectBaseline(state, r);
                continue;
            }
            for (ChartRun.Plotted p : state.run.accept(r.timestamp(), r.value())) {
                int chart = p.chart().ordinal();
                int number = ++plotted[chart];
                for (RuleViolation v : p.violations()) {
                    if (open[chart] == null) {
                        open[chart] = new HashMap<>();
                    }
                    ViolationRun row = open[chart].get(v.ruleId());
                    if (row == null || !row.continuesAt(number)) {
                        row = new ViolationRun(TimeOrderedUuid.at(now.toEpochMilli()), state.variable.line(), state.variable.variable(),
                                p.chart().name(), v.ruleId(), state.run.limits().version());
                        open[chart].put(v.ruleId(), row);
                        rows.add(row);
                    }
                    row.fire(number, v.pointIndices(), p.value());
                    found.add(violated(state, row.id(), p, v, now));
                }
            }
        }
    }

    /**
     * Readings of these lines were stored by another consumer (the previous owner of a moved partition): their charts
     * are rebuilt from the store before this batch is charted, so they include those readings exactly once.
     */
    void onRedelivered(@Observes ReadingsRedelivered event) {
        for (String line : event.lines()) {
            String prefix = line + '\u0000';
            states.keySet().removeIf(k -> k.startsWith(prefix));
        }
    }

    /** Partitions moved: another replica may have charted any line meanwhile, so every chart is rebuilt on next use. */
    void onPartitionsMoved(@Observes ReadingPartitionsMoved event) {
        states.clear();
    }

    void onCatalogueChanged(@Observes VariableCatalogueChanged event) {
        invalidateAfterTransaction(event.line(), event.variable());
    }

    /** Forget a chart's state once the current transaction ends (new limits, changed catalogue entry). */
    void invalidateAfterTransaction(String line, String variable) {
        String key = key(line, variable);
        afterTransaction.always(() -> states.remove(key));
    }

    private static RuleViolated violated(ChartState state, UUID stored, ChartRun.Plotted p, RuleViolation v, Instant now) {
        List<Long> indices = v.pointIndices();
        Instant[] times = new Instant[indices.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = Instant.ofEpochMilli(indices.get(i));
        }
        return new RuleViolated(stored, state.variable.line(), state.variable.variable(), p.chart().name(),
                v.ruleId(), ViolationStore.describe(v.ruleId()), state.run.limits().version(), List.of(times), p.value(), now);
    }

    /**
     * Collects an automatic phase I baseline ({@link AutoBaseline}); limits are frozen only once the phase I check
     * finds it adequate (enough observations and effective sample size after autocorrelation).
     */
    private void collectBaseline(ChartState state, StoredReading r) {
        VariableDefinition v = state.variable;
        Charting.Estimate est = state.baseline.offer(v, r.timestamp(), r.value()).orElse(null);
        if (est == null) {
            if (config.autoBaselineReadings() > 0 && state.baseline.size() == config.autoBaselineReadings()) {
                LOG.infof("Automatic baseline of %s/%s not frozen yet: %s", v.line(), v.variable(),
                        state.baseline.lastWarnings());
            }
            return;
        }
        int count = state.baseline.size();
        String reason = "automatic baseline of " + count + " readings (poka.spc.auto-baseline-readings "
                + config.autoBaselineReadings() + "), frozen once the phase I check found it adequate";
        ControlLimitsView frozen = limits.insertNextVersion(new ControlLimitsView(v.line(), v.variable(), 1,
                v.chartType().name(), LimitsOrigin.PHASE_I_ESTIMATE.name(), est.center(), est.sigma(),
                est.subgroupSize(), config.autoBaselineSigmaMultiplier(), state.baseline.first(),
                r.timestamp().plusMillis(1), est.pointsUsed(), est.excluded(), reason, clock.instant(), "system",
                est.arPhi(), est.check(), est.forecastLambda()));
        changes.fire(new RecordChanged(SpcService.LIMITS_ENTITY, frozen.line() + "/" + frozen.variable() + "/v"
                + frozen.version(), "FROZEN", null, frozen, reason));
        state.run = newRun(v, frozen);
        state.baseline.clear();
        LOG.infof("Froze automatic phase I limits v%d for %s/%s", frozen.version(), v.line(), v.variable());
    }

    AutoBaseline autoBaseline() {
        return new AutoBaseline(config.autoBaselineReadings(), config.autoBaselineMaxReadings(), minimums(config));
    }

    static BaselineAdequacy.Minimums minimums(SpcConfig config) {
        return new BaselineAdequacy.Minimums(config.phaseOneMinIndividuals(), config.phaseOneMinSubgroups(),
                config.phaseOneMinEffectiveSize());
    }

    private ChartState load(String line, String variable, Instant before) {
        VariableDefinition v = telemetry.variable(line, variable).orElse(null);
        if (v == null) {
            return new ChartState(null, null, null);
        }
        ControlLimitsView current = limits.current(line, variable)
                .filter(l -> l.chartType().equals(v.chartType().name()))
                .orElse(null);
        if (current == null) {
            return new ChartState(v, null, autoBaseline());
        }
        ChartRun run = newRun(v, current);
        Instant savedUpTo = null;
        if (!run.rebuiltExactlyFrom(config.resumeReadings())) {
            String fingerprint = run.fingerprint();
            ChartStateStore.Saved saved = chartStates.find(line, variable)
                    .filter(s -> s.fingerprint().equals(fingerprint)).orElse(null);
            if (saved != null) {
                try {
                    run.restore(saved.state());
                    savedUpTo = saved.lastReadingAt();
                } catch (IOException | RuntimeException e) {
                    LOG.warnf("Saved state of chart %s/%s unreadable (%s); rebuilding it from the last %d readings",
                            line, variable, e.getMessage(), config.resumeReadings());
                    run = newRun(v, current);
                }
            }
        }
        List<StoredReading> latest = telemetry.latestReadings(line, variable, before, config.resumeReadings());
        if (savedUpTo != null && latest.size() == config.resumeReadings()
                && latest.get(0).timestamp().isAfter(savedUpTo)) {
            LOG.warnf("Chart %s/%s: more than %d readings stored after its saved state; resuming from the last %d",
                    line, variable, config.resumeReadings(), config.resumeReadings());
        }
        for (StoredReading r : latest) {
            if (savedUpTo == null || r.timestamp().isAfter(savedUpTo)) {
                run.accept(r.timestamp(), r.value());
            }
        }
        return new ChartState(v, run, autoBaseline());
    }

    ChartRun newRun(VariableDefinition v, ControlLimitsView l) {
        return new ChartRun(v, l, config.ewmaLambda(), config.cusumK(), config.cusumH(),
                chartRules.chosen(v.line(), v.variable()).orElse(null));
    }

    private static String key(String line, String variable) {
        return line + '\u0000' + variable;
    }
}
