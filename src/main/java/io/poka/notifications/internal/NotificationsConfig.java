package io.poka.notifications.internal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Configuration of the notifications module (prefix {@code poka.notifications}); SMTP itself is quarkus.mailer.*. */
@ConfigMapping(prefix = "poka.notifications")
public interface NotificationsConfig {

    /** How often the delivery worker sends what is due (a duration such as 5s, or "off" for no scheduled runs). */
    @WithDefault("5s")
    String pollInterval();

    /** Most deliveries one worker run sends; the rest wait for the next run. */
    @WithDefault("100")
    int batchSize();

    /** Attempts of one delivery before it is dead-lettered (status FAILED, kept with its last error). */
    @WithDefault("8")
    int maxAttempts();

    /** Wait after the first failed attempt; each further failure doubles it (exponential backoff). */
    @WithDefault("PT30S")
    Duration retryBaseDelay();

    /** Longest wait between two attempts, however many failed. */
    @WithDefault("PT1H")
    Duration retryMaxDelay();

    /** How long an incident may stay unacknowledged before a subscription's escalation recipient is told, unless the subscription sets its own. */
    @WithDefault("PT30M")
    Duration escalateAfter();

    /** Connect and response timeout of one webhook call. */
    @WithDefault("PT10S")
    Duration webhookTimeout();

    /**
     * Address of an incident for people, {id} standing for the incident id (e.g.
     * https://poka.example.com/ui/incidents/{id}); set, every message carries the link; unset, none.
     */
    Optional<String> incidentLink();
}
