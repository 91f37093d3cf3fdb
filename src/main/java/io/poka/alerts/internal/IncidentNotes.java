package io.poka.alerts.internal;

import io.agroal.api.AgroalDataSource;
import io.poka.alerts.IncidentNote;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.ProblemException;
import io.poka.platform.RecordChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Notes on an incident (alerts.incident_note): people write what they did or saw while they triage it, so the next
 * shift reads it in one place. Writing and deleting are audited; a note is deleted by its author only.
 */
@ApplicationScoped
class IncidentNotes {
    static final String ENTITY = "IncidentNote";
    static final int MAX_TEXT = 2000;

    /** Deleting someone else's note (403). */
    static final class NotYourNote extends ProblemException {
        NotYourNote(UUID id, String author) {
            super(403, "alerts/not-your-note", "Not your note",
                    "note " + id + " was written by " + author + "; only its author deletes it");
        }
    }

    private final AgroalDataSource dataSource;
    private final IncidentStore incidents;
    private final Event<RecordChanged> changes;
    private final Clock clock;

    IncidentNotes(AgroalDataSource dataSource, IncidentStore incidents, Event<RecordChanged> changes, Clock clock) {
        this.dataSource = dataSource;
        this.incidents = incidents;
        this.changes = changes;
        this.clock = clock;
    }

    /** Writes a note on an incident (404 unknown incident, 400 empty or longer than {@link #MAX_TEXT}). */
    @Transactional
    IncidentNote add(UUID incidentId, String text, String author) {
        String body = ActionInputs.text("text", text == null ? null : text.strip(), MAX_TEXT);
        incidents.find(incidentId, false).orElseThrow(() -> new NotFoundProblem(IncidentService.ENTITY, incidentId));
        IncidentNote note = new IncidentNote(UUID.randomUUID(), incidentId, author, body,
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        execute("insert into alerts.incident_note (id, incident_id, author, text, created_at) values (?, ?, ?, ?, ?)",
                note.id(), incidentId, author, body, Timestamp.from(note.createdAt()));
        changes.fire(new RecordChanged(ENTITY, note.id().toString(), "CREATED", null, note, null));
        return note;
    }

    /** The incident's notes, oldest first (404 unknown incident). */
    @Transactional
    List<IncidentNote> list(UUID incidentId) {
        incidents.find(incidentId, false).orElseThrow(() -> new NotFoundProblem(IncidentService.ENTITY, incidentId));
        return query("where incident_id = ? order by created_at, id", incidentId);
    }

    /** Deletes the author's own note (404 unknown, 403 someone else's); audited with what it said. */
    @Transactional
    void delete(UUID incidentId, UUID id, String user) {
        IncidentNote note = query("where incident_id = ? and id = ? for update", incidentId, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundProblem(ENTITY, id));
        if (!note.author().equals(user)) {
            throw new NotYourNote(id, note.author());
        }
        execute("delete from alerts.incident_note where id = ?", id);
        changes.fire(new RecordChanged(ENTITY, id.toString(), "DELETED", note, null, null));
    }

    private List<IncidentNote> query(String where, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id, incident_id, author, text, created_at from alerts.incident_note " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<IncidentNote> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new IncidentNote(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
