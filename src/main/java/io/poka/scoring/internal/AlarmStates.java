package io.poka.scoring.internal;

import io.poka.scoring.AlarmRule;
import io.poka.scoring.internal.data.TelemetryDatasets;
import io.poka.scoring.internal.registry.ModelCache;
import io.poka.scoring.internal.stream.RowAssembler;
import io.poka.scoring.internal.stream.StreamPosition;
import io.poka.scoring.internal.stream.StreamPositions;
import io.poka.telemetry.ReadingPartitionsMoved;
import io.poka.telemetry.ReadingsRedelivered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * What streamed scoring must remember per line between windows: the alarm rule's running state and the last rows
 * the model's features look back on ({@link io.poka.scoring.internal.model.FeaturePipeline#history()}), so
 * consecutive windows score exactly like one long batch. Kept in memory; the rule's state and the newest scored row's
 * time are saved with every timed window ({@link StreamPositions}), the rows are the stored readings; a line whose
 * memory is gone (restart, partition moved, redelivered readings, a failed
 * window) continues exactly from its saved position, and a line never scored under its active model rebuilds it by
 * scoring its stored readings before the first window, so a fault already present is not forgotten
 * ({@code ScoringService}).
 */
@ApplicationScoped
public class AlarmStates {
    private static final Logger LOG = Logger.getLogger(AlarmStates.class);

    /** One line's memory; callers synchronise on it while they score a window. */
    public static final class Line {
        final UUID modelId;
        AlarmRule.State rule;
        /** Time of the newest row scored, when known (timed windows). */
        Instant lastScoredAt;
        private final int lags;
        private final Deque<double[]> history = new ArrayDeque<>();
        private boolean warm;

        Line(UUID modelId, AlarmRule.State rule, int lags) {
            this.modelId = modelId;
            this.rule = rule;
            this.lags = lags;
        }

        /** Whether the state was rebuilt from stored readings or has seen a window already. */
        boolean warm() {
            return warm;
        }

        void warmedUp() {
            warm = true;
        }

        /** Continues from a saved position of this model, with the rows scored last (oldest first). */
        void restore(AlarmRule rule, StreamPosition p, double[][] lastRows) {
            this.rule = rule.resumed(p.ruleMemory());
            history.clear();
            remember(lastRows);
            lastScoredAt = p.lastScoredAt();
            warm = true;
        }

        /** This state as a position to save, after the row at {@code scoredAt}. */
        StreamPosition position(String line, Instant scoredAt) {
            if (lastScoredAt == null || scoredAt.isAfter(lastScoredAt)) {
                lastScoredAt = scoredAt;
            }
            return new StreamPosition(line, modelId, lastScoredAt, rule.memory());
        }

        /** The last rows seen (model column order), oldest first. */
        List<double[]> history() {
            return new ArrayList<>(history);
        }

        /** Remembers the newest rows, keeping at most as many as the model's features look back. */
        void remember(double[][] rows) {
            for (double[] row : rows) {
                history.addLast(row);
                while (history.size() > lags) {
                    history.removeFirst();
                }
            }
        }
    }

    private final Map<String, Line> lines = new ConcurrentHashMap<>();
    private final StreamPositions positions;
    private final TelemetryDatasets telemetry;

    AlarmStates(StreamPositions positions, TelemetryDatasets telemetry) {
        this.positions = positions;
        this.telemetry = telemetry;
    }

    /**
     * The line's state for this model, restored from its saved position when it has none in memory (warm then);
     * otherwise as {@link #of}.
     */
    Line resumed(String line, ModelCache.Loaded model) {
        Line state = of(line, model);
        synchronized (state) {
            if (!state.warm()) {
                positions.find(line).filter(p -> p.modelId().equals(model.id())).ifPresent(p -> {
                    // the feature history: the stored complete steps up to the position, as scored (readings are
                    // stored before they are scored, as raw doubles)
                    double[][] lastRows = telemetry.latest(line, model.network().pipeline().variables(),
                            p.lastScoredAt().plus(1, ChronoUnit.MICROS), model.network().pipeline().history())
                            .stream().map(RowAssembler.Row::values).toArray(double[][]::new);
                    state.restore(model.alarmRule(), p, lastRows);
                    LOG.infof("Line %s, model %s: streaming state restored from the position saved after %s", line,
                            model.id(), p.lastScoredAt());
                });
            }
        }
        return state;
    }

    /** Saves the line's position after its window ending at {@code scoredAt}, in the caller's transaction. */
    void save(String line, Line state, Instant scoredAt) {
        positions.save(state.position(line, scoredAt));
    }

    /** Forgets the line: its next window continues from the saved position (a window failed or came twice). */
    void forget(String line) {
        lines.remove(line);
    }

    /** Another replica may have scored any line meanwhile: every line continues from its saved position. */
    void onPartitionsMoved(@Observes ReadingPartitionsMoved event) {
        lines.clear();
    }

    /** Readings another consumer stored: that consumer may have scored them too. */
    void onRedelivered(@Observes ReadingsRedelivered event) {
        event.lines().forEach(lines::remove);
    }

    /** The line's state for this model, fresh when the line had none or another model. */
    Line of(String line, ModelCache.Loaded model) {
        return lines.compute(line, (l, s) -> {
            if (s != null && s.modelId.equals(model.id())) {
                return s;
            }
            LOG.infof("Line %s, model %s: new streaming state for alarm rule %s (new model or restart)", line,
                    model.id(), model.alarmRule());
            return new Line(model.id(), model.alarmRule().newState(), model.network().pipeline().history());
        });
    }
}
