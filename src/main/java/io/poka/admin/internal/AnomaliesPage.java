package io.poka.admin.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.platform.ProblemException;
import io.poka.scoring.ActiveModel;
import io.poka.scoring.ScoreTimeline;
import io.poka.scoring.ScoringApi;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The anomaly timeline of a line: its stored telemetry scored on demand with the active model (nothing stored or
 * published), the threshold, the anomalies, and per selected point the variables that drove its score.
 */
@Path("/ui/anomalies")
@Produces(MediaType.TEXT_HTML)
public class AnomaliesPage {
    /** The range shown when none is chosen: the last day. */
    static final Duration DEFAULT_RANGE = Duration.ofHours(24);
    /** Rows of the highest-scores table under the chart. */
    static final int TOP = 15;

    /** A timeline point with its index in the timeline, for the highest-scores table. */
    public record Ranked(int index, ScoreTimeline.Point point) {
    }

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance anomalies(List<ActiveModel> lines, String line, String from, String to,
                ScoreTimeline timeline, String timelineJson, List<Ranked> top, String problem);
    }

    private final ScoringApi scoring;
    private final ObjectMapper json;
    private final Clock clock;

    AnomaliesPage(ScoringApi scoring, ObjectMapper json, Clock clock) {
        this.scoring = scoring;
        this.json = json;
        this.clock = clock;
    }

    @GET
    @RolesAllowed("**")
    @Operation(hidden = true)
    public TemplateInstance timeline(@QueryParam("line") String line, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        List<ActiveModel> lines = scoring.activeModels();
        String chosen = line != null && !line.isBlank() ? line : lines.isEmpty() ? null : lines.get(0).line();
        Instant end = parse(to, clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)));
        Instant start = parse(from, end.minus(DEFAULT_RANGE));
        ScoreTimeline timeline = null;
        String problem = null;
        if (chosen != null) {
            try {
                timeline = scoring.scoreTimeline(chosen, null, start, end);
            } catch (ProblemException e) {
                problem = e.getMessage();
            }
        }
        return Templates.anomalies(lines, chosen, ScoringFormat.inputTime(start), ScoringFormat.inputTime(end),
                timeline, timeline == null ? "null" : scriptJson(timeline), highest(timeline), problem);
    }

    /** The highest-scoring points, highest first, with their index in the timeline. */
    static List<Ranked> highest(ScoreTimeline timeline) {
        if (timeline == null) {
            return List.of();
        }
        List<ScoreTimeline.Point> points = timeline.points();
        return IntStream.range(0, points.size()).mapToObj(i -> new Ranked(i, points.get(i)))
                .filter(r -> r.point().score() != null)
                .sorted(Comparator.comparing((Ranked r) -> r.point().score()).reversed()).limit(TOP).toList();
    }

    /** A datetime-local value read as UTC, or the fallback when absent or unreadable. */
    private static Instant parse(String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    /** JSON safe to embed in a script element ("<" escaped so no value can close it). */
    private String scriptJson(Object value) {
        try {
            return json.writeValueAsString(value).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
