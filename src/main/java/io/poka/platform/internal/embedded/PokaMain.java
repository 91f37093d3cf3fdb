package io.poka.platform.internal.embedded;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the packaged application: starts the embedded PostgreSQL and Kafka broker when no external
 * ones are configured, before Quarkus reads its runtime configuration, and stops them after Quarkus has stopped.
 */
@QuarkusMain
public class PokaMain {

    public static void main(String... args) {
        // Invalid URIs are refused by RequestGate with problem+json instead of Quarkus's empty 400 (docs/api-limits.md).
        System.setProperty("vertx.disableURIValidation", "true");
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.startIfNotConfigured();
        Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::awaitApplicationThenClose, "poka-embedded-stop"));
        Quarkus.run(Application.class, args);
        EmbeddedInfrastructure.applicationStopped();
    }

    /** Waits for the shutdown signal; all work happens in CDI beans. */
    public static class Application implements QuarkusApplication {
        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return 0;
        }
    }
}
