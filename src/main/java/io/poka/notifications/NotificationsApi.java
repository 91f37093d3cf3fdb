package io.poka.notifications;

import java.util.UUID;

/**
 * What other modules may ask of notifications beyond incidents: send one plain-text e-mail to a recipient through the
 * configured SMTP channel (used by CAPA's overdue escalation). The caller keeps the record of what it owes and retries
 * a FAILED message; {@code messageId} becomes the Message-ID, so a resent message is recognised as the same one.
 */
public interface NotificationsApi {

    /**
     * How a message ended.
     *
     * @param status SENT, SKIPPED (e-mail is off: no SMTP host configured) or FAILED (retry later)
     * @param detail the reason or error; null when sent
     */
    record MessageOutcome(String status, String detail) {
    }

    MessageOutcome sendEmail(UUID messageId, String recipient, String subject, String text);
}
