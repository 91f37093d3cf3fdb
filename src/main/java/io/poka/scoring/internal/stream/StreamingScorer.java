package io.poka.scoring.internal.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.poka.scoring.internal.ScoringConfig;
import io.poka.scoring.internal.ScoringService;
import io.poka.scoring.internal.registry.ModelRegistry;
import io.poka.telemetry.ReadingPartitionsMoved;
import io.poka.telemetry.ReadingsRedelivered;
import io.poka.telemetry.ReadingsStored;
import io.poka.telemetry.StoredReading;
import io.poka.telemetry.TelemetryApi;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Scores incoming telemetry with each line's active model in micro-batches: after a batch of readings has
 * committed, its complete time steps are scored in one call, which publishes AnomalyDetected for anomalous rows.
 * It runs after the commit so a scoring failure can never roll back or hold up stored readings. What a crash, a
 * failed window or a partition move loses in memory is taken from the store: a line this replica has no state for
 * resumes at its saved position ({@link StreamPositions}) and first scores the stored readings after it, so every
 * complete step is scored once, in time order, from the state one uninterrupted run would have had.
 */
@ApplicationScoped
public class StreamingScorer {
    private static final Logger LOG = Logger.getLogger(StreamingScorer.class);
    /** Incomplete time steps kept per line before the oldest are given up. */
    private static final int MAX_PENDING_STEPS = 200;

    private final ModelRegistry registry;
    private final ScoringService scoring;
    private final TelemetryApi telemetry;
    private final ScoringConfig config;
    private final Map<String, LineState> lines = new ConcurrentHashMap<>();
    private final Counter scoredRows;
    private final Counter failures;
    /** CPU seconds of the threads that scored (the forward pass runs on them: one engine thread), so its share of
     *  ingestion can be watched. */
    private final Counter cpu;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** The assembler of a line, tied to the model version it assembles rows for; callers lock it per batch. */
    private static final class LineState {
        final UUID modelId;
        final RowAssembler rows;
        /** Whether the steps stored after the saved position were loaded (on this state's first batch). */
        boolean resumed;
        /** Time of the newest row scored; steps up to it are never scored again. */
        Instant scoredUpTo;

        LineState(UUID modelId, RowAssembler rows) {
            this.modelId = modelId;
            this.rows = rows;
        }
    }

    StreamingScorer(ModelRegistry registry, ScoringService scoring, TelemetryApi telemetry, ScoringConfig config,
            MeterRegistry metrics) {
        this.registry = registry;
        this.scoring = scoring;
        this.telemetry = telemetry;
        this.config = config;
        this.scoredRows = metrics.counter("poka.scoring.streaming.rows");
        this.failures = metrics.counter("poka.scoring.streaming.failures");
        this.cpu = metrics.counter("poka.scoring.streaming.cpu.seconds");
    }

    void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReadingsStored event) {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        try {
            scoreByLine(event);
        } finally {
            cpu.increment(Math.max(0, THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9);
        }
    }

    private void scoreByLine(ReadingsStored event) {
        Map<String, List<StoredReading>> byLine = new LinkedHashMap<>();
        for (StoredReading r : event.readings()) {
            byLine.computeIfAbsent(r.line(), l -> new ArrayList<>()).add(r);
        }
        byLine.forEach((line, readings) -> {
            try {
                // one transaction per line and poll: the active model's lookup, the resume reads, the scoring, its
                // anomaly events and the saved position share it
                QuarkusTransaction.requiringNew().run(() -> score(line, readings));
            } catch (RuntimeException e) {
                failures.increment();
                // what this window changed in memory is not saved: the next batch resumes from the saved position
                lines.remove(line);
                scoring.forgetStream(line);
                LOG.warnf(e, "Streaming scoring of line %s failed for %d readings; ingestion is not affected, the "
                        + "line's next batch scores them from the stored readings", line, readings.size());
            }
        });
    }

    /** Partitions moved: another replica may have scored any line meanwhile; each resumes from its saved position. */
    void onPartitionsMoved(@Observes ReadingPartitionsMoved event) {
        lines.clear();
    }

    /** Readings another consumer stored (and may have scored): these lines resume from their saved position. */
    void onRedelivered(@Observes ReadingsRedelivered event) {
        event.lines().forEach(lines::remove);
    }

    private void score(String line, List<StoredReading> readings) {
        Optional<UUID> active = registry.activeModelId(line);
        if (active.isEmpty()) {
            lines.remove(line);
            return;
        }
        LineState state = lines.compute(line, (l, s) -> s != null && s.modelId.equals(active.get()) ? s
                : new LineState(active.get(), new RowAssembler(registry.loaded(active.get()).network().pipeline().variables(),
                        MAX_PENDING_STEPS)));
        synchronized (state) {
            if (!state.resumed) {
                resume(line, state, readings);
                state.resumed = true;
            }
            for (StoredReading r : readings) {
                if (state.scoredUpTo == null || r.timestamp().isAfter(state.scoredUpTo)) {
                    state.rows.add(r.timestamp(), r.variable(), r.value());
                }
            }
            List<RowAssembler.Row> complete = state.rows.drainComplete();
            if (state.scoredUpTo != null) {
                Instant done = state.scoredUpTo;
                complete.removeIf(row -> !row.timestamp().isAfter(done));
            }
            if (complete.isEmpty()) {
                return;
            }
            List<double[]> values = new ArrayList<>(complete.size());
            List<Instant> times = new ArrayList<>(complete.size());
            for (RowAssembler.Row row : complete) {
                values.add(row.values());
                times.add(row.timestamp());
            }
            scoring.scoreWindow(line, state.modelId, state.rows.variables(), values, times);
            state.scoredUpTo = times.get(times.size() - 1);
            scoredRows.increment(complete.size());
        }
    }

    /**
     * The line's first batch under this model on this replica: continues after the saved position, with the readings
     * stored after it (up to this batch, which is stored too) put back into the assembler, so the steps a crash or a
     * failed window left unscored and the steps half stored by the previous owner are scored now.
     */
    private void resume(String line, LineState state, List<StoredReading> readings) {
        Optional<Instant> position = scoring.streamScoredUpTo(line, state.modelId);
        if (position.isEmpty()) {
            return;
        }
        state.scoredUpTo = position.get();
        Instant from = position.get().plus(1, ChronoUnit.MICROS);
        Instant to = readings.stream().map(StoredReading::timestamp).max(Instant::compareTo).orElseThrow()
                .plus(1, ChronoUnit.MICROS);
        if (!from.isBefore(to)) {
            return;
        }
        int limit = config.streamResumeMaxSteps();
        List<List<StoredReading>> stored = state.rows.variables().stream()
                .map(v -> telemetry.readings(line, v, from, to, limit)).toList();
        boolean truncated = false;
        int count = 0;
        for (List<StoredReading> variable : stored) {
            truncated |= variable.size() >= limit;
            count += variable.size();
            for (StoredReading r : variable) {
                state.rows.add(r.timestamp(), r.variable(), r.value());
            }
        }
        if (truncated) {
            LOG.warnf("Line %s: more than %d stored steps after the saved position %s; only the oldest %d are scored "
                    + "(poka.scoring.stream-resume-max-steps)", line, limit, position.get(), limit);
        }
        LOG.infof("Line %s, model %s: streamed scoring resumes after %s with %d stored readings up to %s", line,
                state.modelId, position.get(), count, to);
    }
}
