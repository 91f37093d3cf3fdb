package io.poka.notifications;

import io.poka.testing.AdjustableClock;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The application as the notification tests need it: a real SMTP server, a clock the test advances, no scheduled
 * worker runs (each test runs the worker when it wants, so counts are exact), 3 attempts and a 10 s base backoff.
 */
public class NotificationsProfile implements QuarkusTestProfile {
    /** Who is told about overdue CAPAs in this profile (the CAPA tests share it: one application start for both). */
    public static final String CAPA_ESCALATION_RECIPIENT = "capa-escalation@plant.example";

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(AdjustableClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("poka.notifications.poll-interval", "off",
                "poka.notifications.max-attempts", "3",
                "poka.notifications.retry-base-delay", "PT10S",
                "poka.notifications.retry-max-delay", "PT5M",
                "poka.notifications.escalate-after", "PT15M",
                "poka.notifications.incident-link", "https://poka.test.example/ui/incidents/{id}",
                "poka.capa.check-interval", "off",
                "poka.capa.escalation-recipients", CAPA_ESCALATION_RECIPIENT);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(TestSmtpServer.class));
    }
}
