package io.poka.scoring.internal;

import io.poka.scoring.AlarmRule;
import io.poka.scoring.internal.data.TelemetryDatasets;
import io.poka.scoring.internal.model.FeaturePipeline;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * What streamed scoring must remember per line between windows: the alarm rule's running state and the features'
 * running state ({@link FeaturePipeline.Stream}: EWMAs, moving sums, the rows their memories drop again), so
 * consecutive windows score exactly like one long batch and a window costs only its own rows. Kept in memory; the rule's state and the newest scored row's
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
        /** The line's series so far, as the model's features carry it (the look-back of the next row). */
        FeaturePipeline.Stream features;
        private boolean warm;

        Line(UUID modelId, AlarmRule.State rule, FeaturePipeline.Stream features) {
            this.modelId = modelId;
            this.rule = rule;
            this.features = features;
        }

        /** Whether the state was rebuilt from stored readings or has seen a window already. */
        boolean warm() {
            return warm;
        }

        void warmedUp() {
            warm = true;
        }

        /**
         * Continues from a saved position of this model: the rule from its saved memory, the features from the rows
         * scored last (oldest first, as many as the features look back), fed to a fresh running state.
         */
        void restore(AlarmRule rule, FeaturePipeline pipeline, StreamPosition p, double[][] lastRows) {
            this.rule = rule.resumed(p.ruleMemory());
            features = pipeline.stream();
            features.next(lastRows);
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
                    state.restore(model.alarmRule(), model.network().pipeline(), p, lastRows);
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
            return new Line(model.id(), model.alarmRule().newState(), model.network().pipeline().stream());
        });
    }
}
