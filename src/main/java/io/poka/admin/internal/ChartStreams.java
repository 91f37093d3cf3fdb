package io.poka.admin.internal;

import io.poka.platform.Roles;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The server-sent-event streams that live chart pages follow, for the same roles as the pages: a variables chart's
 * ({@link ChartFeed}) and an attribute chart's ({@link AttributeChartFeed}). Each page names its last point
 * ({@code after}); an attribute chart page also names the query it was rendered with.
 */
@Path("/ui")
@Produces(MediaType.SERVER_SENT_EVENTS)
@RestStreamElementType(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
public class ChartStreams {
    private final ChartFeed charts;
    private final AttributeChartFeed attributeCharts;
    private final Clock clock;

    ChartStreams(ChartFeed charts, AttributeChartFeed attributeCharts, Clock clock) {
        this.charts = charts;
        this.attributeCharts = attributeCharts;
        this.clock = clock;
    }

    @GET
    @Path("/charts/{line}/{variable}/stream")
    @Operation(hidden = true)
    public Multi<ChartFeed.ChartUpdate> chart(@PathParam("line") String line, @PathParam("variable") String variable,
            @QueryParam("after") String after) {
        return charts.updates(line, variable, ChartsPage.instant("after", after, clock.instant()));
    }

    /** The page's query: {@code from} and {@code limitsVersion}, or the preview's baseline range. */
    @GET
    @Path("/attribute-charts/{name}/stream")
    @Operation(hidden = true)
    public Multi<AttributeChartFeed.AttributeChartUpdate> attributeChart(@PathParam("name") String name,
            @QueryParam("from") String from, @QueryParam("limitsVersion") Integer limitsVersion,
            @QueryParam("baselineFrom") String baselineFrom, @QueryParam("baselineTo") String baselineTo,
            @QueryParam("after") String after) {
        Instant now = clock.instant();
        Instant start = ChartsPage.instant("from", from, now.minus(AttributeChartPage.DEFAULT_RANGE));
        AttributeChartFeed.PageQuery page = limitsVersion != null
                ? new AttributeChartFeed.PageQuery(name, start, limitsVersion, null, null)
                : new AttributeChartFeed.PageQuery(name, start, null,
                        ChartsPage.instant("baselineFrom", baselineFrom, null),
                        ChartsPage.instant("baselineTo", baselineTo, null));
        return attributeCharts.updates(page, ChartsPage.instant("after", after, now));
    }
}
