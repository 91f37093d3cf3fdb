package io.poka.notifications;

import io.poka.testing.AdjustableClock;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The application as the notification tests need it: a real SMTP server, a clock the test advances, no scheduled
 * worker runs (each test runs the worker when it wants, so counts are exact), 3 attempts and a 10 s base backoff.
 * Other tests that need an adjustable clock or the log of the start in a file (CAPA, credential cache, session key)
 * share it: every distinct profile costs the suite one more application start (10-20 s).
 */
public class NotificationsProfile implements QuarkusTestProfile {
    /** Who is told about overdue CAPAs in this profile (the CAPA tests share it: one application start for both). */
    public static final String CAPA_ESCALATION_RECIPIENT = "capa-escalation@plant.example";

    /** The log of this profile's application from its start on (SessionKeyTest reads the lines of the start). */
    public static final Path LOG = Path.of("target", "notifications-profile.log");

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(AdjustableClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Files.deleteIfExists(LOG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.ofEntries(Map.entry("poka.notifications.poll-interval", "off"),
                Map.entry("poka.notifications.max-attempts", "3"),
                Map.entry("poka.notifications.retry-base-delay", "PT10S"),
                Map.entry("poka.notifications.retry-max-delay", "PT5M"),
                Map.entry("poka.notifications.escalate-after", "PT15M"),
                Map.entry("poka.notifications.incident-link", "https://poka.test.example/ui/incidents/{id}"),
                Map.entry("poka.capa.check-interval", "off"),
                Map.entry("poka.capa.escalation-recipients", CAPA_ESCALATION_RECIPIENT),
                Map.entry("quarkus.log.file.enabled", "true"),
                Map.entry("quarkus.log.file.path", LOG.toString()));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(TestSmtpServer.class));
    }
}
