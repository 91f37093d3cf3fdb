package io.poka.spc.internal.annotations;

import io.poka.platform.NotFoundProblem;
import io.poka.platform.RecordChanged;
import io.poka.platform.ValidationProblem;
import io.poka.spc.ChartAnnotation;
import io.poka.telemetry.TelemetryApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Notes on a chart: written and deleted by the people who run the process, each change audited (SpcChartAnnotation
 * CREATED / DELETED with the note itself), so what was done to the process stays beside the points it explains.
 */
@ApplicationScoped
public class ChartAnnotationService {
    static final String ENTITY = "SpcChartAnnotation";
    /** Longest note, as the table allows. */
    static final int MAX_TEXT = 500;
    /** Most notes one chart query returns. */
    static final int MAX_LISTED = 1000;

    /** Body of a new note: the time on the chart it refers to and its text. */
    public record AnnotationRequest(Instant at, String text) {
    }

    private final TelemetryApi telemetry;
    private final ChartAnnotationRepository repository;
    private final Event<RecordChanged> changes;
    private final Clock clock;

    ChartAnnotationService(TelemetryApi telemetry, ChartAnnotationRepository repository, Event<RecordChanged> changes,
            Clock clock) {
        this.telemetry = telemetry;
        this.repository = repository;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    public ChartAnnotation create(String line, String variable, AnnotationRequest request, String user) {
        variable(line, variable);
        if (request == null || request.at() == null) {
            throw new ValidationProblem("at", "the note needs the time on the chart it refers to (ISO-8601)");
        }
        String text = request.text() == null ? "" : request.text().strip();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw new ValidationProblem("text", "a note has 1 to " + MAX_TEXT + " characters");
        }
        ChartAnnotation a = new ChartAnnotation(UUID.randomUUID(), line, variable, request.at(), text, clock.instant(),
                user);
        repository.insert(a);
        changes.fire(new RecordChanged(ENTITY, a.id().toString(), "CREATED", null, a, text));
        return a;
    }

    @Transactional
    public List<ChartAnnotation> list(String line, String variable, Instant from, Instant to) {
        variable(line, variable);
        return repository.find(line, variable, from, to, MAX_LISTED);
    }

    @Transactional
    public void delete(String line, String variable, UUID id, String user) {
        ChartAnnotation before = repository.find(line, variable, id)
                .orElseThrow(() -> new NotFoundProblem(ENTITY, line + "/" + variable + "/" + id));
        repository.delete(id);
        changes.fire(new RecordChanged(ENTITY, id.toString(), "DELETED", before, null, "deleted by " + user));
    }

    private void variable(String line, String variable) {
        if (telemetry.variable(line, variable).isEmpty()) {
            throw new NotFoundProblem("TelemetryVariable", line + "/" + variable);
        }
    }
}
