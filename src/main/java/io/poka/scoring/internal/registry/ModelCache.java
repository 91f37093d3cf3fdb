package io.poka.scoring.internal.registry;

import ai.djl.Device;
import io.poka.scoring.AlarmRule;
import io.poka.scoring.internal.model.LoadedVaeGan;
import io.poka.scoring.internal.model.PyTorchRuntime;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jboss.logging.Logger;

/** Keeps every model version that has scored once in memory, so its artifact is read and loaded only once. */
@ApplicationScoped
public class ModelCache {
    private static final Logger LOG = Logger.getLogger(ModelCache.class);

    /** A loaded model with the registry facts every score must carry, and the alarm rule its threshold applies to. */
    public record Loaded(UUID id, String line, int version, double threshold, String dataFingerprint,
            LoadedVaeGan network, AlarmRule alarmRule) {
    }

    private final Map<UUID, Loaded> models = new ConcurrentHashMap<>();

    /** The cached model, loading it with {@code loader} on first use. */
    public Loaded get(UUID id, Function<UUID, Loaded> loader) {
        return models.computeIfAbsent(id, key -> {
            Loaded loaded = loader.apply(key);
            LOG.infof("Loaded scoring model %s (line %s, version %d) on %s", key, loaded.line(), loaded.version(),
                    device());
            return loaded;
        });
    }

    public boolean isLoaded(UUID id) {
        return models.containsKey(id);
    }

    public Device device() {
        return PyTorchRuntime.device();
    }

    @PreDestroy
    void close() {
        models.values().forEach(m -> m.network().close());
        models.clear();
    }
}
