package io.poka.scoring.internal.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.poka.scoring.internal.ScoringService;
import io.poka.scoring.internal.registry.ModelRegistry;
import io.poka.telemetry.ReadingPartitionsMoved;
import io.poka.telemetry.ReadingsStored;
import io.poka.telemetry.StoredReading;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
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
 * It runs after the commit so a scoring failure can never roll back or hold up stored readings.
 */
@ApplicationScoped
public class StreamingScorer {
    private static final Logger LOG = Logger.getLogger(StreamingScorer.class);
    /** Incomplete time steps kept per line before the oldest are given up. */
    private static final int MAX_PENDING_STEPS = 200;

    private final ModelRegistry registry;
    private final ScoringService scoring;
    private final Map<String, LineState> lines = new ConcurrentHashMap<>();
    private final Counter scoredRows;
    private final Counter failures;
    /** CPU seconds of the threads that scored (the forward pass runs on them: one engine thread), so its share of
     *  ingestion can be watched. */
    private final Counter cpu;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** The assembler of a line, tied to the model version it assembles rows for. */
    private record LineState(UUID modelId, RowAssembler rows) {
    }

    StreamingScorer(ModelRegistry registry, ScoringService scoring, MeterRegistry metrics) {
        this.registry = registry;
        this.scoring = scoring;
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
                // one transaction per line and poll: the active model's lookup and the scoring share it
                QuarkusTransaction.requiringNew().run(() -> score(line, readings));
            } catch (RuntimeException e) {
                failures.increment();
                LOG.warnf(e, "Streaming scoring of line %s failed for %d readings; ingestion is not affected",
                        line, readings.size());
            }
        });
    }

    /** Partitions moved: incomplete time steps held here may be completed on another replica now; start afresh. */
    void onPartitionsMoved(@Observes ReadingPartitionsMoved event) {
        lines.clear();
    }

    private void score(String line, List<StoredReading> readings) {
        Optional<UUID> active = registry.activeModelId(line);
        if (active.isEmpty()) {
            lines.remove(line);
            return;
        }
        LineState state = lines.compute(line, (l, s) -> s != null && s.modelId().equals(active.get()) ? s
                : new LineState(active.get(), new RowAssembler(registry.loaded(active.get()).network().pipeline().variables(),
                        MAX_PENDING_STEPS)));
        List<RowAssembler.Row> complete;
        synchronized (state.rows()) {
            for (StoredReading r : readings) {
                state.rows().add(r.timestamp(), r.variable(), r.value());
            }
            complete = state.rows().drainComplete();
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
        scoring.scoreWindow(line, state.modelId(), state.rows().variables(), values, times);
        scoredRows.increment(complete.size());
    }
}
