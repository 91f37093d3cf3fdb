package io.poka.platform.internal.embedded;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.event.Observes;

/**
 * Lets the embedded services stop only after every application bean is gone, so Kafka consumers commit their
 * offsets and connection pools close before the broker and database disappear under them.
 */
@ApplicationScoped
public class ApplicationStoppedSignal {
    void onDestroyed(@Observes @Destroyed(ApplicationScoped.class) Object event) {
        EmbeddedInfrastructure.applicationStopped();
    }
}
