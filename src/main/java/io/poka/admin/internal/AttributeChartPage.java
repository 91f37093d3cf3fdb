package io.poka.admin.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.platform.ProblemException;
import io.poka.platform.Roles;
import io.poka.spc.AttributeChartView;
import io.poka.spc.SpcApi;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A p, np, c or u chart of inspection counts over a time range, against its frozen limits version (origin, stored
 * violations; a "Freeze limits" form for QA managers that posts to the spc REST API) or, before any is frozen, with
 * limits estimated from the range shown (the spc query's phase I preview); drawn by the same script as the
 * variables charts, and, without an end to the range, followed live over server-sent events
 * ({@link ChartStreams}, with the query the page was rendered with).
 */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
public class AttributeChartPage {
    /** Default range, as the REST query's: the last 30 days. */
    static final Duration DEFAULT_RANGE = Duration.ofDays(30);

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance attributeChart(String name, AttributeChartView chart, String chartJson,
                ChartsPage.Range range, String stream, String problem);
    }

    private final SpcApi spc;
    private final ObjectMapper json;
    private final Clock clock;

    AttributeChartPage(SpcApi spc, ObjectMapper json, Clock clock) {
        this.spc = spc;
        this.json = json;
        this.clock = clock;
    }

    @GET
    @Path("/attribute-charts/{name}")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
    @Operation(hidden = true)
    public TemplateInstance attributeChart(@PathParam("name") String name, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        ChartsPage.Range range = ChartsPage.range(from, to, DEFAULT_RANGE, clock);
        Instant end = range.live() ? clock.instant().plus(ChartFeed.AHEAD) : range.to();
        try {
            AttributeChartView view = spc.attributeChart(name, range.from(), end);
            return Templates.attributeChart(name, view, ChartsPage.toJson(json, view), range,
                    range.live() ? streamOf(view, range) : null, null);
        } catch (ProblemException e) {
            return Templates.attributeChart(name, null, "null", range, null, e.getMessage());
        }
    }

    /** The page's stream address with the query the page was rendered with. */
    private static String streamOf(AttributeChartView view, ChartsPage.Range range) {
        StringBuilder url = new StringBuilder("/ui/attribute-charts/").append(ChartFormats.path(view.name()))
                .append("/stream?from=").append(encode(range.from()));
        if (view.limits() != null) {
            url.append("&limitsVersion=").append(view.limits().version());
        } else {
            url.append("&baselineFrom=").append(encode(view.baselineFrom())).append("&baselineTo=")
                    .append(encode(view.baselineTo()));
        }
        return url.toString();
    }

    private static String encode(Instant t) {
        return URLEncoder.encode(t.toString(), StandardCharsets.UTF_8);
    }
}
