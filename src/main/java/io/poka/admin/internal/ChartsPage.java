package io.poka.admin.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.ProblemException;
import io.poka.platform.Roles;
import io.poka.platform.ValidationProblem;
import io.poka.spc.CapabilityHistogram;
import io.poka.spc.CapabilitySummary;
import io.poka.spc.CapabilityView;
import io.poka.spc.ChartView;
import io.poka.spc.CpkBand;
import io.poka.spc.RuleViolated;
import io.poka.spc.SpcApi;
import io.poka.telemetry.TelemetryApi;
import io.poka.telemetry.VariableDefinition;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Control charts for the QA manager: pick a catalogue variable (or an attribute chart), see its chart over a time
 * range with limits, spec limits, rule violations and capability, and follow it live ({@link ChartStreams};
 * attribute charts: see {@link AttributeChartPage}). Everything shown comes from
 * {@link SpcApi} (the code that answers the REST chart and capability queries); the page adds no statistics.
 */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
public class ChartsPage {
    /** Default range of a variables chart: the last hour (a demo line at 1 reading/s gives 3,600 points). */
    static final Duration DEFAULT_RANGE = Duration.ofHours(1);
    /** Violations listed under a chart, newest first; the count above the list is the total in range. */
    static final int LISTED_VIOLATIONS = 200;

    /** The range a page shows; {@code live} when no end was given (the page follows new readings). */
    public record Range(Instant from, Instant to, boolean live) {
        public String fromInput() {
            return input(from);
        }

        public String toInput() {
            return live ? "" : input(to);
        }

        /** The end as an input value even when live (now). */
        public String endInput() {
            return input(to);
        }

        private static String input(Instant t) {
            return LocalDateTime.ofInstant(t.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC).toString();
        }
    }

    /** The capability panel: the view, or why there is none, the Cpk band and the histogram (inline SVG). */
    public record Capability(CapabilityView view, String problem, CpkBand band, String histogramSvg) {
        public String withinMethod() {
            if (view == null) {
                return "";
            }
            return switch (view.withinSigmaMethod()) {
                case "MRBAR_OVER_D2" -> "MR̄ / d₂ (average moving range)";
                case "RBAR_OVER_D2" -> "R̄ / d₂ (average subgroup range)";
                case "SBAR_OVER_C4" -> "s̄ / c₄ (average subgroup standard deviation)";
                default -> view.withinSigmaMethod();
            };
        }
    }

    /** One catalogue entry on the picker page: its newest limits version and, with a specification, its Cpk band. */
    public record CatalogueRow(VariableDefinition variable, Integer limitsVersion, CapabilitySummary capability) {
    }

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance charts(List<CatalogueRow> variables, List<String> attributeCharts);

        static native TemplateInstance chart(VariableDefinition variable, ChartView chart, String chartJson,
                Range range, Capability capability, String mainChart, String companionChart, int pointCount,
                List<RuleViolated> listed, io.poka.spc.ChartRulesView rules, String notesJson);

    }

    private final SpcApi spc;
    private final TelemetryApi telemetry;
    private final ObjectMapper json;
    private final Clock clock;

    ChartsPage(SpcApi spc, TelemetryApi telemetry, ObjectMapper json, Clock clock) {
        this.spc = spc;
        this.telemetry = telemetry;
        this.json = json;
        this.clock = clock;
    }

    @GET
    @Path("/charts")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
    @Operation(hidden = true)
    public TemplateInstance charts() {
        Map<String, CapabilitySummary> capability = new HashMap<>();
        for (CapabilitySummary c : spc.capabilitySummary()) {
            capability.put(c.line() + '\u0000' + c.variable(), c);
        }
        List<CatalogueRow> rows = new ArrayList<>();
        for (VariableDefinition v : telemetry.variables(null)) {
            CapabilitySummary c = capability.get(v.line() + '\u0000' + v.variable());
            Integer version = c != null ? c.limitsVersion()
                    : spc.currentLimits(v.line(), v.variable()).map(l -> l.version()).orElse(null);
            rows.add(new CatalogueRow(v, version, c));
        }
        return Templates.charts(rows, spc.attributeCharts());
    }

    /** The picker's target: {@code chart} is "line/variable" (each part URL-encoded) or "attribute:name". */
    @GET
    @Path("/charts/open")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
    @Operation(hidden = true)
    public Response open(@QueryParam("chart") String chart) {
        if (chart == null || chart.isBlank()) {
            return Response.seeOther(URI.create("/ui/charts")).build();
        }
        try {
            return Response.seeOther(URI.create(chart.startsWith("attribute:")
                    ? "/ui/attribute-charts/" + chart.substring("attribute:".length()) : "/ui/charts/" + chart)).build();
        } catch (IllegalArgumentException e) {
            throw new ValidationProblem("chart", "names no chart");
        }
    }

    @GET
    @Path("/charts/{line}/{variable}")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
    @Operation(hidden = true)
    public TemplateInstance chart(@PathParam("line") String line, @PathParam("variable") String variable,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        VariableDefinition v = telemetry.variable(line, variable)
                .orElseThrow(() -> new NotFoundProblem("TelemetryVariable", line + "/" + variable));
        Range range = range(from, to, DEFAULT_RANGE, clock);
        Instant end = range.live() ? clock.instant().plus(ChartFeed.AHEAD) : range.to();
        ChartView view = spc.chart(line, variable, range.from(), end);
        Capability capability = capability(v);
        String main = first(view, "INDIVIDUALS", "XBAR", "EWMA", "CUSUM", "RESIDUALS", "FORECAST_ERRORS");
        String companion = first(view, "MOVING_RANGE", "RANGE", "STDDEV");
        int count = main == null ? 0 : view.points().get(main).size();
        List<RuleViolated> listed = new ArrayList<>(view.violations().subList(
                Math.max(0, view.violations().size() - LISTED_VIOLATIONS), view.violations().size()));
        Collections.reverse(listed);
        // the page's script draws points and limits; the violations are in the list, not repeated in the JSON
        ChartView drawn = new ChartView(view.line(), view.variable(), view.chartType(), view.limits(), view.points(),
                List.of());
        return Templates.chart(v, view, toJson(json, drawn), range, capability, main, companion, count, listed,
                spc.chartRules(line, variable), toJson(json, spc.annotations(line, variable, range.from(), end)));
    }

    /** The variable's current capability, the very numbers of the dashboard and the picker (SpcApi.currentCapabilityHistogram). */
    private Capability capability(VariableDefinition v) {
        if (v.lsl() == null && v.usl() == null) {
            return new Capability(null, "The catalogue gives no specification limits for this variable.",
                    CpkBand.UNKNOWN, null);
        }
        try {
            CapabilityHistogram h = spc.currentCapabilityHistogram(v.line(), v.variable());
            CapabilityView c = h.capability();
            return new Capability(c, null, CpkBand.of(c.cpk()), SvgCharts.histogram(h));
        } catch (ProblemException e) {
            return new Capability(null, e.getMessage(), CpkBand.UNKNOWN, null);
        }
    }

    /** The range asked for in the address; without an end it is live (up to now), without a start the default. */
    static Range range(String from, String to, Duration defaultRange, Clock clock) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant end = instant("to", to, null);
        Instant start = instant("from", from, (end == null ? now : end).minus(defaultRange));
        if (end != null && !start.isBefore(end)) {
            throw new ValidationProblem("to", "must be after from");
        }
        return new Range(start, end == null ? now : end, end == null);
    }

    /** ISO-8601 with an offset, or a browser's datetime-local value (no offset), read as UTC. */
    static Instant instant(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new ValidationProblem(name, "must be a date and time, e.g. 2026-11-29T08:00:00Z (UTC)");
            }
        }
    }

    private static String first(ChartView view, String... charts) {
        for (String c : charts) {
            if (view.points().containsKey(c)) {
                return c;
            }
        }
        return null;
    }

    /** JSON for a script element: "<" escaped so no data can close the element. */
    static String toJson(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
