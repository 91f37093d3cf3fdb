package io.poka.capa.internal;

import io.poka.capa.internal.QualityReportViews.CapaOnTime;
import io.poka.capa.internal.QualityReportViews.CostOfPoorQuality;
import io.poka.capa.internal.QualityReportViews.DefectPareto;
import io.poka.capa.internal.QualityReportViews.NcrAgeing;
import io.poka.platform.ValidationProblem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The quality reports over REST: JSON by default, {@code format=csv} or {@code format=pdf} for a download with the
 * same numbers (Content-Disposition: attachment).
 */
@Path("/api/v1/quality-reports")
@Produces({MediaType.APPLICATION_JSON, QualityReportResource.CSV, QualityReportResource.PDF})
@Tag(name = "Quality reports", description = "Pareto of defect codes, NCR ageing, CAPA on-time rate, cost of poor"
        + " quality per month; JSON, CSV or PDF")
public class QualityReportResource {
    static final String CSV = "text/csv";
    static final String PDF = "application/pdf";
    private static final String FORMAT = "json (default), csv or pdf: the same numbers as a download";

    private final QualityReports reports;
    private final SecurityIdentity identity;
    private final Clock clock;

    QualityReportResource(QualityReports reports, SecurityIdentity identity, Clock clock) {
        this.reports = reports;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Path("/defect-pareto")
    @RolesAllowed("**")
    @Operation(operationId = "getDefectPareto", summary = "Pareto of defect codes (count or cost)", description =
            "NCRs opened in [from, to) per defect code, ranked by count or cost, with each code's share and the"
                    + " cumulative share; cancelled NCRs are not counted.")
    @APIResponse(responseCode = "200", description = "The Pareto", headers = @Header(name = "Content-Disposition"),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DefectPareto.class),
                            examples = @ExampleObject(name = "report", value = """
                    {"from": "2026-11-01T00:00:00Z", "to": "2026-12-01T00:00:00Z", "product": null, "line": null,
                     "rankedBy": "COUNT", "totalCount": 4, "totalCost": 130.00, "rows": [
                     {"defectCode": "DIM-BURR", "name": "Burr", "count": 3, "nonconformingQuantity": 36, "cost": 30.00,
                      "sharePercent": 75.0, "cumulativePercent": 75.0},
                     {"defectCode": "SURF-SCRATCH", "name": "Scratch", "count": 1, "nonconformingQuantity": 5, "cost": 100.00,
                      "sharePercent": 25.0, "cumulativePercent": 100.0}]}""")),
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response pareto(@Parameter(example = "2026-11-01T00:00:00Z") @QueryParam("from") Instant from,
            @Parameter(example = "2026-12-01T00:00:00Z") @QueryParam("to") Instant to,
            @QueryParam("product") String product, @QueryParam("line") String line,
            @Parameter(description = "COUNT (default) or COST", example = "COUNT") @QueryParam("rankBy") String rankBy,
            @Parameter(description = FORMAT, example = "json") @QueryParam("format") String format) {
        return answer("defect-pareto", format, reports.pareto(from, to, product, line, rankBy), QualityReports::table);
    }

    @GET
    @Path("/ncr-ageing")
    @RolesAllowed("**")
    @Operation(operationId = "getNcrAgeing", summary = "Ageing of the open NCRs", description = "Open NCRs (not"
            + " closed or cancelled) by whole days since opening: 0-7, 8-30, 31-90, over 90 days.")
    @APIResponse(responseCode = "200", description = "The ageing buckets", headers = @Header(name = "Content-Disposition"),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NcrAgeing.class),
                            examples = @ExampleObject(name = "report", value = """
                    {"asOf": "2026-12-05T07:00:00Z", "open": 3, "buckets": [
                     {"label": "0-7 days", "minDays": 0, "maxDays": 7, "count": 1, "oldestNumber": "NCR-2026-0031"},
                     {"label": "8-30 days", "minDays": 8, "maxDays": 30, "count": 1, "oldestNumber": "NCR-2026-0017"},
                     {"label": "31-90 days", "minDays": 31, "maxDays": 90, "count": 0, "oldestNumber": null},
                     {"label": "over 90 days", "minDays": 91, "maxDays": null, "count": 1, "oldestNumber": "NCR-2026-0002"}]}""")),
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response ageing(@Parameter(description = FORMAT, example = "json") @QueryParam("format") String format) {
        return answer("ncr-ageing", format, reports.ageing(), QualityReports::table);
    }

    @GET
    @Path("/capa-on-time")
    @RolesAllowed("**")
    @Operation(operationId = "getCapaOnTimeRate", summary = "CAPA on-time rate", description = "CAPAs due in"
            + " [from, to): implemented by the due date, late, overdue or not yet due; the rate is on time over all"
            + " decided ones.")
    @APIResponse(responseCode = "200", description = "The on-time rate and the CAPAs it counts",
            headers = @Header(name = "Content-Disposition"),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CapaOnTime.class),
                            examples = @ExampleObject(name = "report", value = """
                    {"from": "2026-11-01T00:00:00Z", "to": "2026-12-01T00:00:00Z", "asOf": "2026-12-05T07:00:00Z",
                     "onTime": 1, "late": 1, "overdue": 0, "notYetDue": 0, "onTimeRatePercent": 50.0, "capas": [
                     {"number": "CAPA-2026-0003", "title": "Replace worn feed valve", "owner": "maintenance.lead",
                      "dueAt": "2026-11-20T00:00:00Z", "implementedAt": "2026-11-18T10:00:00Z", "outcome": "ON_TIME"},
                     {"number": "CAPA-2026-0004", "title": "Retrain press operators", "owner": "shift.lead",
                      "dueAt": "2026-11-25T00:00:00Z", "implementedAt": "2026-11-27T09:30:00Z", "outcome": "LATE"}]}""")),
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response onTime(@Parameter(example = "2026-11-01T00:00:00Z") @QueryParam("from") Instant from,
            @Parameter(example = "2026-12-01T00:00:00Z") @QueryParam("to") Instant to,
            @Parameter(description = FORMAT, example = "json") @QueryParam("format") String format) {
        return answer("capa-on-time", format, reports.capaOnTime(from, to), QualityReports::table);
    }

    @GET
    @Path("/cost-of-poor-quality")
    @RolesAllowed("**")
    @Operation(operationId = "getCostOfPoorQuality", summary = "Cost of poor quality per month", description = "The"
            + " cost booked on the NCRs opened in [from, to), per month (UTC) and currency; cancelled NCRs excluded.")
    @APIResponse(responseCode = "200", description = "Cost per month", headers = @Header(name = "Content-Disposition"),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CostOfPoorQuality.class),
                            examples = @ExampleObject(name = "report", value = """
                    {"from": "2026-01-01T00:00:00Z", "to": "2027-01-01T00:00:00Z", "months": [
                     {"month": "2026-10", "currency": "EUR", "ncrs": 2, "cost": 150.50},
                     {"month": "2026-11", "currency": "EUR", "ncrs": 1, "cost": 10.00}]}""")),
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response cost(@Parameter(example = "2026-01-01T00:00:00Z") @QueryParam("from") Instant from,
            @Parameter(example = "2027-01-01T00:00:00Z") @QueryParam("to") Instant to,
            @Parameter(description = FORMAT, example = "json") @QueryParam("format") String format) {
        return answer("cost-of-poor-quality", format, reports.costOfPoorQuality(from, to), QualityReports::table);
    }

    private <T> Response answer(String name, String format, T report, java.util.function.BiFunction<T, String, ReportTable> table) {
        String f = format == null ? "json" : format.toLowerCase(Locale.ROOT);
        String generated = "Generated " + clock.instant() + " by " + identity.getPrincipal().getName();
        return switch (f) {
            case "json" -> Response.ok(report, MediaType.APPLICATION_JSON).build();
            case "csv" -> download(table.apply(report, generated).csv(), CSV + "; charset=UTF-8", name + ".csv");
            case "pdf" -> download(table.apply(report, generated).pdf(), PDF, name + ".pdf");
            default -> throw new ValidationProblem("format", "must be json, csv or pdf");
        };
    }

    private static Response download(Object body, String type, String file) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }
}
