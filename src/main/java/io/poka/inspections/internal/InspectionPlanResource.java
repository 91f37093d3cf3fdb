package io.poka.inspections.internal;

import org.eclipse.microprofile.openapi.annotations.headers.Header;
import io.poka.inspections.internal.PlanDtos.NewPlan;
import io.poka.inspections.internal.PlanDtos.PlanView;
import io.poka.inspections.internal.PlanDtos.SamplingAnswer;
import io.poka.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Inspection plans (versioned, immutable) and the sampling question asked before inspecting a lot. */
@Path("/api/v1/inspection-plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inspection plans", description = "Plans per product (and supplier, operation) with characteristics; ISO 2859-1 sampling")
public class InspectionPlanResource {
    private final PlanService plans;

    InspectionPlanResource(PlanService plans) {
        this.plans = plans;
    }

    @POST
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "createInspectionPlan", summary = "Create a plan version", description = "Plans are immutable: posting a plan for the same"
            + " product, supplier and operation creates the next version and supersedes the active one. kind ISO_2859_1"
            + " needs inspectionLevel and an AQL per defect class, and follows standard ISO_2859_1_1999 (default, no"
            + " reduced inspection in Poka) or ANSI_ASQ_Z1_4_2003 (same normal and tightened tables, reduced Table II-C"
            + " where Ac < d < Re accepts the lot and returns inspection to normal); FIXED needs fixedSampleSize and an acceptanceNumber per"
            + " class; FULL (100 %) an acceptanceNumber per class (default 0).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewPlan.class),
            examples = {@ExampleObject(name = "ISO 2859-1:1999, level II", value = """
                    {"product": "BRACKET-A7", "supplier": "ACME Metals", "operation": "incoming",
                     "name": "Incoming inspection BRACKET-A7", "kind": "ISO_2859_1", "standard": "ISO_2859_1_1999",
                     "inspectionLevel": "II", "reducedInspectionApproved": false,
                     "classes": [{"defectClass": "CRITICAL", "aql": "0.065"}, {"defectClass": "MAJOR", "aql": "1.0"},
                                 {"defectClass": "MINOR", "aql": "4.0"}],
                     "characteristics": [
                       {"name": "hole diameter", "kind": "VARIABLE", "defectClass": "MAJOR", "nominal": 8.0, "lsl": 7.95, "usl": 8.05, "unit": "mm"},
                       {"name": "burr height", "kind": "VARIABLE", "defectClass": "CRITICAL", "usl": 0.1, "unit": "mm"},
                       {"name": "surface scratches", "kind": "ATTRIBUTE", "defectClass": "MINOR"}]}"""),
                    @ExampleObject(name = "ANSI/ASQ Z1.4-2003 with reduced inspection", value = """
                    {"product": "COVER-B2", "supplier": "ACME Metals", "operation": "incoming",
                     "name": "Incoming inspection COVER-B2", "kind": "ISO_2859_1", "standard": "ANSI_ASQ_Z1_4_2003",
                     "inspectionLevel": "II", "reducedInspectionApproved": true,
                     "classes": [{"defectClass": "MAJOR", "aql": "1.0"}, {"defectClass": "MINOR", "aql": "4.0"}],
                     "characteristics": [{"name": "flatness", "kind": "VARIABLE", "defectClass": "MAJOR", "usl": 0.2, "unit": "mm"},
                       {"name": "paint defects", "kind": "ATTRIBUTE", "defectClass": "MINOR"}]}"""),
                    @ExampleObject(name = "fixed sample of 13", value = """
                    {"product": "BRACKET-A7", "name": "Final check", "kind": "FIXED", "fixedSampleSize": 13,
                     "classes": [{"defectClass": "MAJOR", "acceptanceNumber": 0}],
                     "characteristics": [{"name": "length", "kind": "VARIABLE", "defectClass": "MAJOR", "nominal": 120, "lsl": 119.5, "usl": 120.5, "unit": "mm"}]}""")}))
    @APIResponse(responseCode = "201", description = "Created: the new plan version", headers = @Header(name = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    public Response create(@Valid @NotNull NewPlan body, @Context UriInfo uri) {
        PlanView plan = plans.create(body);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/inspection-plans").path(plan.id().toString()).build())
                .entity(plan).build();
    }

    @GET
    @RolesAllowed("**")
    @Operation(operationId = "listInspectionPlans", summary = "List plans", description = "All versions, or only the active ones with active=true")
    public List<PlanView> list(@QueryParam("product") String product, @QueryParam("active") boolean activeOnly) {
        return plans.list(product, activeOnly);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("**")
    @Operation(operationId = "getInspectionPlan", summary = "One plan version")
    public PlanView get(@PathParam("id") UUID id) {
        return plans.get(id);
    }

    @GET
    @Path("/{id}/sampling")
    @RolesAllowed("**")
    @Operation(operationId = "getInspectionPlanSampling", summary = "What to sample for a lot size", description = "Ask with lotId before inspecting a lot. Per defect class: code letter (Table 1 and the"
            + " row actually used after arrows), sample size, Ac, Re and the current severity (NORMAL, TIGHTENED,"
            + " REDUCED) from the stored switching state of the product and supplier, and the plan's standard (reduced plans"
            + " of ISO 2859-1:1999 come from its Table 2-C; on ANSI/ASQ Z1.4-2003 reduced plans Re may exceed Ac + 1).")
    @APIResponse(responseCode = "200", description = "The sampling plan per class", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SamplingAnswer.class),
            examples = {@ExampleObject(name = "lot of 500, level II", value = """
                    {"planId": "5b0c3a52-53f5-4d1b-a3de-45a1f0e4a2b9", "planVersion": 1, "kind": "ISO_2859_1",
                     "lotSize": 500, "supplier": "ACME Metals", "standard": "ISO_2859_1_1999", "edition": "ISO 2859-1:1999",
                     "classes": [{"defectClass": "MAJOR", "aql": "1.0", "inspectionLevel": "II", "severity": "NORMAL",
                                  "discontinued": false, "codeLetter": "H", "planCodeLetter": "H", "sampleSize": 50,
                                  "acceptanceNumber": 1, "rejectionNumber": 2, "fullInspection": false}]}"""),
                    @ExampleObject(name = "lot of 500, level II, Z1.4 reduced", value = """
                    {"planId": "8e6f0d1c-2b7a-4c55-9d0e-3f1a2b4c6d8e", "planVersion": 1, "kind": "ISO_2859_1",
                     "lotSize": 500, "supplier": "ACME Metals", "standard": "ANSI_ASQ_Z1_4_2003",
                     "edition": "ANSI/ASQ Z1.4-2003",
                     "classes": [{"defectClass": "MAJOR", "aql": "1.0", "inspectionLevel": "II", "severity": "REDUCED",
                                  "discontinued": false, "codeLetter": "H", "planCodeLetter": "H", "sampleSize": 20,
                                  "acceptanceNumber": 0, "rejectionNumber": 2, "fullInspection": false}]}""")}))
    public SamplingAnswer sampling(@PathParam("id") UUID id,
            @Parameter(description = "units in the lot; defaults to the quantity of lotId", example = "500")
            @QueryParam("lotSize") Integer lotSize,
            @Parameter(description = "supplier whose switching state applies; defaults to the lot's, else the plan's")
            @QueryParam("supplier") String supplier,
            @Parameter(description = "the lot about to be inspected: its supplier and quantity apply")
            @QueryParam("lotId") UUID lotId) {
        return plans.sampling(id, lotSize, supplier, lotId);
    }
}
