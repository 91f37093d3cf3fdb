package io.poka.scoring.internal;

import io.poka.scoring.internal.model.AlarmRule;
import io.poka.scoring.internal.model.FeaturePipeline;
import io.poka.scoring.internal.registry.ModelCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * What streamed scoring must remember per line between windows: the alarm rule's running state and the features'
 * running state ({@link FeaturePipeline.Stream}: EWMAs, moving sums, the rows their memories drop again), so
 * consecutive windows score exactly like one long batch and a window costs only its own rows. Kept in memory per process: after a restart (or a new active
 * model) the line's first window is preceded by its stored readings (history plus the alarm rule's memory), scored
 * to rebuild both, so a fault already present is not forgotten ({@code ScoringService}).
 */
@ApplicationScoped
public class AlarmStates {
    private static final Logger LOG = Logger.getLogger(AlarmStates.class);

    /** One line's memory; callers synchronise on it while they score a window. */
    public static final class Line {
        final UUID modelId;
        final AlarmRule.State rule;
        /** The line's series so far, as the model's features carry it (the look-back of the next row). */
        final FeaturePipeline.Stream features;
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
    }

    private final Map<String, Line> lines = new ConcurrentHashMap<>();

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
