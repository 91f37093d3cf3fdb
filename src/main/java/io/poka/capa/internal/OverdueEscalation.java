package io.poka.capa.internal;

import io.poka.capa.CapaStatus;
import io.poka.notifications.NotificationsApi;
import io.poka.notifications.NotificationsApi.MessageOutcome;
import io.poka.platform.RecordChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Tells the escalation recipients about each CAPA past its due date and not yet implemented, once per CAPA, due date
 * and recipient (a moved due date escalates again); a failed message is retried by the next check.
 */
@ApplicationScoped
class OverdueEscalation {
    static final String ENTITY = "CapaEscalation";

    private final NotificationsApi notifications;
    private final CapaConfig config;
    private final Clock clock;
    private final Event<RecordChanged> changes;

    OverdueEscalation(NotificationsApi notifications, CapaConfig config, Clock clock, Event<RecordChanged> changes) {
        this.notifications = notifications;
        this.config = config;
        this.clock = clock;
        this.changes = changes;
    }

    /** Escalates what is overdue now; returns how many messages were attempted. */
    @Transactional
    int escalate() {
        List<String> recipients = config.escalationRecipients().orElse(List.of());
        if (recipients.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<Capa> overdue = Capa.list("dueAt < ?1 and status in ?2", now,
                List.of(CapaStatus.OPEN, CapaStatus.IN_PROGRESS, CapaStatus.REOPENED));
        int attempted = 0;
        for (Capa capa : overdue) {
            for (String recipient : recipients) {
                CapaEscalation e = CapaEscalation.find("capaId = ?1 and dueAt = ?2 and recipient = ?3", capa.id,
                        capa.dueAt, recipient).firstResult();
                if (e != null && !"FAILED".equals(e.status)) {
                    continue;
                }
                boolean first = e == null;
                if (first) {
                    e = new CapaEscalation();
                    e.id = UUID.randomUUID();
                    e.capaId = capa.id;
                    e.dueAt = capa.dueAt;
                    e.recipient = recipient;
                    e.createdAt = now;
                }
                MessageOutcome outcome = notifications.sendEmail(e.id, recipient, subject(capa, now), text(capa, now));
                e.status = outcome.status();
                e.detail = outcome.detail();
                if (first) {
                    e.persist();
                }
                changes.fire(new RecordChanged(ENTITY, e.id.toString(), "ESCALATION_" + outcome.status(), null,
                        new Escalated(e.id, capa.id, capa.dueAt, recipient, e.status, e.detail), null));
                attempted++;
            }
        }
        return attempted;
    }

    /** What the audit trail records of one escalation attempt. */
    record Escalated(UUID id, UUID capaId, Instant dueAt, String recipient, String status, String detail) {
    }

    static String subject(Capa capa, Instant now) {
        return "[Poka] CAPA overdue by " + days(capa.dueAt, now) + ": " + capa.title;
    }

    private String text(Capa capa, Instant now) {
        StringBuilder b = new StringBuilder();
        b.append("This ").append(capa.kind.toLowerCase(java.util.Locale.ROOT)).append(" action is past its due date")
                .append(" and not yet implemented.\n\n");
        b.append("Title:   ").append(capa.title).append('\n');
        b.append("Owner:   ").append(capa.owner).append('\n');
        b.append("Status:  ").append(capa.status).append('\n');
        b.append("Due:     ").append(capa.dueAt).append(" (overdue by ").append(days(capa.dueAt, now)).append(")\n");
        if (capa.ncrId != null) {
            b.append("NCR:     ").append(capa.ncrId).append('\n');
        }
        b.append("CAPA:    ").append(capa.id).append('\n');
        config.capaLink().ifPresent(l -> b.append("Open:    ").append(l.replace("{id}", capa.id.toString())).append('\n'));
        return b.toString();
    }

    private static String days(Instant due, Instant now) {
        Duration late = Duration.between(due, now);
        return late.toDays() >= 1 ? late.toDays() + " d" : late.toHours() + " h";
    }
}
