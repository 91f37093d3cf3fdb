package io.poka.notifications.internal;

import io.poka.notifications.NotificationsApi;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

/** {@link NotificationsApi}: one e-mail through the same mailer and SMTP switch as the incident notices. */
@ApplicationScoped
class DirectEmail implements NotificationsApi {
    private final Mailer mailer;
    private final boolean enabled;

    DirectEmail(Mailer mailer) {
        this.mailer = mailer;
        this.enabled = SmtpSettings.configured(ConfigProvider.getConfig());
    }

    @Override
    public MessageOutcome sendEmail(java.util.UUID messageId, String recipient, String subject, String text) {
        if (!enabled) {
            return new MessageOutcome("SKIPPED", EmailChannel.OFF);
        }
        try {
            mailer.send(Mail.withText(recipient, subject, text).addHeader("Message-ID", "<" + messageId + "@poka>"));
            return new MessageOutcome("SENT", null);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String error = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            return new MessageOutcome("FAILED", error.length() > 1000 ? error.substring(0, 1000) : error);
        }
    }
}
