package io.poka.notifications.internal;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Sends a notice as a plain-text e-mail through the Quarkus mailer (SMTP settings quarkus.mailer.*). Without a
 * configured SMTP host it sends nothing: deliveries are SKIPPED with the reason, and a warning is logged at start.
 * The Message-ID is the delivery id, so a mail system sees a resent message as the same message.
 */
@ApplicationScoped
class EmailChannel {
    private static final Logger LOG = Logger.getLogger(EmailChannel.class);
    static final String OFF = "e-mail is off: no SMTP host configured (QUARKUS_MAILER_HOST)";

    private final Mailer mailer;
    private final boolean enabled;

    EmailChannel(Mailer mailer) {
        this.mailer = mailer;
        this.enabled = SmtpSettings.configured(ConfigProvider.getConfig());
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.warn("E-mail notifications are off: no SMTP host is configured (set QUARKUS_MAILER_HOST and the other "
                    + "quarkus.mailer.* settings, docs/notifications.md); e-mail deliveries are skipped");
        }
    }

    Outcome send(DueDelivery due, Notice notice) {
        if (!enabled) {
            return Outcome.skipped(OFF);
        }
        try {
            mailer.send(Mail.withText(due.delivery().recipient(), notice.subject(), notice.text())
                    .addHeader("Message-ID", "<" + due.delivery().id() + "@poka>"));
            return Outcome.SENT;
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return Outcome.failed(cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        }
    }
}
