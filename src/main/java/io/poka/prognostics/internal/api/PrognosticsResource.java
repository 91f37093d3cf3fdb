package io.poka.prognostics.internal.api;

import io.poka.platform.Problems;
import io.poka.platform.ProblemException;
import io.poka.platform.Roles;
import io.poka.prognostics.RulModelInfo;
import io.poka.prognostics.UnitRul;
import io.poka.prognostics.internal.PrognosticsService;
import io.poka.prognostics.internal.RulTrainingJobs;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Remaining useful life: train models as jobs, inspect the registry, read the RUL of the units telemetry carries. */
@Path("/api/v1/prognostics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Prognostics")
public class PrognosticsResource {

    /**
     * Which model to train ({@code random-forest}, {@code xgboost}, {@code linear}, {@code cnn-1d}) on the first
     * {@code units} engines of C-MAPSS FD001 (default 100), with {@code folds} folds by unit and {@code cnnEpochs}
     * epochs for the CNN (defaults from configuration).
     */
    @Schema(name = "RulTrainRequest")
    public record TrainRequest(@Size(max = 50) String model, Integer units, Integer folds, Integer cnnEpochs) {
    }

    /** Stored RUL models, newest first. */
    @Schema(name = "RulModelList")
    public record ModelList(List<RulModelInfo> models) {
    }

    /** Units with their current RUL (no trajectory), by name. */
    @Schema(name = "RulUnitList")
    public record UnitList(List<UnitRul> units) {
    }

    /** No model trained yet (409). */
    static final class NoModelProblem extends ProblemException {
        NoModelProblem() {
            super(409, "prognostics/no-model", "No RUL model", "No RUL model has been trained yet; POST /api/v1/"
                    + "prognostics/training-jobs first");
        }
    }

    private final PrognosticsService service;
    private final RulTrainingJobs jobs;
    private final SecurityIdentity identity;

    PrognosticsResource(PrognosticsService service, RulTrainingJobs jobs, SecurityIdentity identity) {
        this.service = service;
        this.jobs = jobs;
        this.identity = identity;
    }

    @POST
    @Path("/training-jobs")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER})
    @Operation(operationId = "submitRulTrainingJob", summary = "Queue a RUL training (202 at once)",
            description = "Cross-validates the model by unit (folds, random cut points, RMSE and NASA score), fits it on"
                    + " every chosen unit and stores it as the next version with its provenance; follow the job at"
                    + " /training-jobs/{id}.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainRequest.class),
            examples = @ExampleObject(name = "quick random forest", value = "{\"model\": \"random-forest\", \"units\": 20, \"folds\": 2}")))
    @APIResponse(responseCode = "202", description = "Queued", headers = {@Header(name = "Location")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RulTrainingJobs.JobView.class)))
    @APIResponse(responseCode = "400", description = "Unknown model, units, folds or epochs out of range (errors[] names each)",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Too many jobs queued or running (prognostics/training-queue-full)",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Response submit(TrainRequest body) {
        TrainRequest b = body == null ? new TrainRequest(null, null, null, null) : body;
        RulTrainingJobs.JobView job = jobs.submit(b.model(), b.units(), b.folds(), b.cnnEpochs(),
                identity.getPrincipal().getName());
        return Response.accepted(job).location(URI.create("/api/v1/prognostics/training-jobs/" + job.id())).build();
    }

    @GET
    @Path("/training-jobs/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.AUDITOR})
    @Operation(operationId = "getRulTrainingJob", summary = "A RUL training job",
            description = "Status, progress in steps (one per fold, then the final fit), the model once it has succeeded, or its error.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RulTrainingJobs.JobView.class)))
    @APIResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public RulTrainingJobs.JobView job(@PathParam("id") UUID id) {
        return jobs.get(id);
    }

    @GET
    @Path("/training-jobs")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.AUDITOR})
    @Operation(operationId = "listRulTrainingJobs", summary = "RUL training jobs, newest first")
    @APIResponse(responseCode = "200", description = "The jobs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RulTrainingJobs.JobView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public List<RulTrainingJobs.JobView> jobs() {
        return jobs.list();
    }

    @GET
    @Path("/models")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.AUDITOR})
    @Operation(operationId = "listRulModels", summary = "Stored RUL models, newest first",
            description = "Each with provenance: data fingerprint, window, cap, hyperparameters, validation by unit per fold.")
    @APIResponse(responseCode = "200", description = "The models",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModelList.class)))
    public ModelList models() {
        return new ModelList(service.models());
    }

    @GET
    @Path("/models/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.AUDITOR})
    @Operation(operationId = "getRulModel", summary = "One stored RUL model with its provenance and validation")
    @APIResponse(responseCode = "200", description = "The model",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RulModelInfo.class)))
    @APIResponse(responseCode = "404", description = "No such model", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public RulModelInfo model(@PathParam("id") UUID id) {
        return service.model(id);
    }

    @GET
    @Path("/units")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
    @Operation(operationId = "listRulUnits", summary = "Units telemetry carries, with their current RUL",
            description = "A unit is a telemetry line whose catalogue has every sensor of the newest model; empty when no model exists.")
    @APIResponse(responseCode = "200", description = "The units",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitList.class)))
    public UnitList units() {
        return new UnitList(service.units());
    }

    @GET
    @Path("/units/{unit}/rul")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
    @Operation(operationId = "getUnitRul", summary = "A unit's remaining useful life with its interval and trajectory",
            description = "From the unit's stored telemetry: the RUL after its last complete cycle, the prediction interval"
                    + " from the model's out-of-fold residuals, and the RUL at every cycle; modelId picks a version (default: newest).")
    @APIResponse(responseCode = "200", description = "The RUL",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitRul.class)))
    @APIResponse(responseCode = "404", description = "No such unit (line) or model", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "No model yet, the line lacks a sensor of the model, or has no complete cycle",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public UnitRul rul(@PathParam("unit") String unit, @QueryParam("modelId") UUID modelId) {
        return service.rul(unit, modelId).orElseThrow(NoModelProblem::new);
    }

}
