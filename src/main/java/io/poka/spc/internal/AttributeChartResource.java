package io.poka.spc.internal;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.platform.JsonProblems;
import io.poka.platform.Roles;
import io.poka.platform.ValidationProblem;
import io.poka.spc.AttributeChartView;
import io.poka.spc.AttributeLimitsView;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Attribute charts (p, np, c, u) over inspection counts: samples, frozen limits versions, the chart. */
@Path("/api/v1/spc/attribute-charts/{name}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "SPC", description = "Control charts, limits and capability")
public class AttributeChartResource {
    private final AttributeSampleService recording;
    private final AttributeLimitsService freezing;
    private final AttributeChartService charts;
    private final SecurityIdentity identity;
    private final ObjectMapper json;

    AttributeChartResource(AttributeSampleService recording, AttributeLimitsService freezing, AttributeChartService charts,
            SecurityIdentity identity, ObjectMapper json) {
        this.recording = recording;
        this.freezing = freezing;
        this.charts = charts;
        this.identity = identity;
        this.json = json;
    }

    @POST
    @Path("/samples")
    @RolesAllowed({Roles.QA_MANAGER, Roles.INSPECTOR, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(operationId = "recordAttributeSamples", summary = "Record one inspection count {chartType P|NP|C|U, count, size, sampledAt}, or a JSON array of them",
            description = "An array (at most 1000) is stored in one transaction, all or nothing: any bad row gives a "
                    + "400 problem whose errors name every bad row ([i].field) and nothing is stored; the answer is "
                    + "then an array of the per-sample answers, in order. count = nonconforming units (p, np) or nonconformities (c, u) in size units inspected. "
                    + "A chart keeps one type (409 otherwise). Once the chart has frozen limits, the sample must be "
                    + "later than the chart's newest sample (409 spc/attribute-sample-out-of-order), an np sample "
                    + "must have the limits' n (409 spc/attribute-sample-size), and it is evaluated at once against "
                    + "the current limits version with the type's default rules (Western Electric 1-4): violations "
                    + "are stored and raise or fold alerts (line 'attribute-charts', variable = chart name, chart = "
                    + "type). Answer: id, limitsVersion (null without frozen limits), rules fired.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(oneOf = {AttributeSampleService.SampleRequest.class,
                    AttributeSampleService.SampleRequest[].class}),
            examples = {@ExampleObject(name = "one p sample",
                    value = "{\"chartType\": \"P\", \"count\": 12, \"size\": 50, \"sampledAt\": \"2026-11-29T08:00:00Z\"}"),
                    @ExampleObject(name = "several samples", value = "[{\"chartType\": \"P\", \"count\": 12, "
                            + "\"size\": 50, \"sampledAt\": \"2026-11-29T08:00:00Z\"}, {\"chartType\": \"P\", "
                            + "\"count\": 9, \"size\": 50, \"sampledAt\": \"2026-11-29T09:00:00Z\"}]")}))
    @APIResponse(responseCode = "201", description = "Recorded: one answer for an object, an array of answers (in order) for an array",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {AttributeSampleService.Recorded.class,
                    AttributeSampleService.Recorded[].class})))
    public Response record(@PathParam("name") String name, JsonNode body) {
        if (body == null || !(body.isObject() || body.isArray())) {
            throw new ValidationProblem("body", "must be a sample object or an array of samples");
        }
        if (body.isObject()) {
            return Response.status(201).entity(recording.record(name, read(body, "body"))).build();
        }
        List<AttributeSampleService.SampleRequest> samples = new ArrayList<>(body.size());
        List<ValidationProblem.FieldError> unreadable = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            try {
                samples.add(read(body.get(i), "[" + i + "]"));
            } catch (ValidationProblem e) {
                samples.add(null);
                unreadable.add(new ValidationProblem.FieldError("[" + i + "]", "not a sample: " + e.getMessage()));
            }
        }
        return Response.status(201).entity(recording.recordAll(name, samples, unreadable)).build();
    }

    private AttributeSampleService.SampleRequest read(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw new ValidationProblem(field, "must be an object {chartType, count, size, sampledAt}");
        }
        try {
            return json.readerFor(AttributeSampleService.SampleRequest.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(node);
        } catch (JsonProcessingException e) {
            ValidationProblem.FieldError error = JsonProblems.describe(e);
            throw new ValidationProblem(field, "body".equals(error.field()) ? error.message()
                    : error.field() + " " + error.message());
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new ValidationProblem(field, JsonProblems.sanitize(e.getMessage()));
        }
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
    @Operation(operationId = "getAttributeChart", summary = "The chart over [from, to): points with per-point limits, the limits version and stored violations",
            description = "Default range: the last 30 days. With frozen limits the points are evaluated against the "
                    + "current version (or limitsVersion) and the answer carries that version (limits: version, "
                    + "origin, baseline or studyReference, frozenAt, frozenBy) and the stored violations in the range. "
                    + "With baselineFrom/baselineTo, or while the chart has no frozen limits, it is a phase I preview: "
                    + "limits estimated on this query from the samples in [baselineFrom, baselineTo) (default: the "
                    + "queried range), limits = null, nothing stored. 404 for an unknown chart.")
    public AttributeChartView chart(@PathParam("name") String name,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("baselineFrom") String baselineFrom, @QueryParam("baselineTo") String baselineTo,
            @QueryParam("limitsVersion") Integer limitsVersion) {
        Instant end = SpcResource.instant("to", to, Instant.now().plusSeconds(600));
        Instant start = SpcResource.instant("from", from, end.minusSeconds(30L * 86_400));
        return charts.chart(name, SpcResource.instant("baselineFrom", baselineFrom, null),
                SpcResource.instant("baselineTo", baselineTo, null), start, end, limitsVersion);
    }

    @GET
    @Path("/limits")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
    @Operation(operationId = "listAttributeChartLimits", summary = "All frozen limits versions of the chart, newest first")
    public List<AttributeLimitsView> limits(@PathParam("name") String name) {
        return freezing.limitsVersions(name);
    }

    @POST
    @Path("/limits/phase-one")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "estimateAttributeChartLimits", summary = "Estimate p-bar, n·p-bar, c-bar or u-bar from a baseline of the chart's samples and freeze "
            + "them as the next version",
            description = "Body: from, to (baseline [from, to)), excluded (sample times of assignable cause; each must "
                    + "be a baseline sample), iterate (then drop samples beyond the revised limits and re-estimate "
                    + "until none remain; the answer's excluded lists the requested and the dropped samples), "
                    + "sigmaMultiplier (default 3). Needs at least 2 usable samples and a center strictly between 0 "
                    + "and 1 (p, np) or positive (c, u). Audited as RecordChanged SpcAttributeLimits FROZEN.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "Montgomery Example 7.1 without samples 15 and 23",
            value = "{\"from\": \"2026-11-01T00:00:00Z\", \"to\": \"2026-11-02T06:00:00Z\", "
                    + "\"excluded\": [\"2026-11-01T14:00:00Z\", \"2026-11-01T22:00:00Z\"], \"iterate\": false}")))
    @APIResponse(responseCode = "201", description = "Frozen as the next version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttributeLimitsView.class)))
    public Response phaseOne(@PathParam("name") String name, AttributeLimitsService.PhaseOneRequest request) {
        return Response.status(201).entity(freezing.freezePhaseOne(name, request, user())).build();
    }

    @POST
    @Path("/limits/entered")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "enterAttributeChartLimits", summary = "Freeze limits taken from a validated study as the next version",
            description = "Body: center (p-bar for p and np charts, c-bar, u-bar), studyReference (required: the "
                    + "study's document id), size (np charts: n), sigmaMultiplier (default 3), chartType (only for a "
                    + "chart without samples yet). Audited as RecordChanged SpcAttributeLimits FROZEN.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "p chart",
            value = "{\"center\": 0.215, \"studyReference\": \"QS-2026-017 can seam study\"}")))
    @APIResponse(responseCode = "201", description = "Frozen as the next version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttributeLimitsView.class)))
    public Response entered(@PathParam("name") String name,
            @jakarta.validation.Valid AttributeLimitsService.EnteredLimitsRequest request) {
        return Response.status(201).entity(freezing.freezeEntered(name, request, user())).build();
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
