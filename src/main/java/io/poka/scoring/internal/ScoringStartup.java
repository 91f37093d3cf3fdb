package io.poka.scoring.internal;

import io.poka.scoring.internal.model.PyTorchRuntime;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Sets PyTorch's offline mode and thread counts at application start, before anything can load the engine (the
 * properties are read once, at engine load). The engine itself loads lazily with the first training or model.
 */
@ApplicationScoped
class ScoringStartup {
    private static final Logger LOG = Logger.getLogger(ScoringStartup.class);

    void configure(@Observes @Priority(1) StartupEvent ev, ScoringConfig config) {
        PyTorchRuntime.configure(config.numThreads(), config.numInteropThreads());
        LOG.infof("Scoring: PyTorch offline=%s, threads=%s, interop threads=%s", System.getProperty("ai.djl.offline"),
                System.getProperty("ai.djl.pytorch.num_threads"), System.getProperty("ai.djl.pytorch.num_interop_threads"));
    }
}
