package io.poka.prognostics.internal.api;

import io.poka.platform.Problems;
import io.poka.platform.ProblemException;
import io.poka.platform.Roles;
import io.poka.prognostics.RulModelInfo;
import io.poka.prognostics.UnitRul;
import io.poka.prognostics.internal.PrognosticsService;
import io.poka.prognostics.internal.RulTrainingJobs;
import io.poka.prognostics.RulSourceSpec;
import io.poka.prognostics.internal.PlantUnits;
import io.poka.prognostics.internal.RulSource;
import io.poka.platform.ValidationProblem;
import jakarta.ws.rs.DELETE;
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

/**
 * Remaining useful life: train models as jobs (on FD001 or the plant's own run-to-failure data), inspect the registry,
 * promote the model that serves, read the RUL of the units telemetry or a stored data set carries.
 */
@Path("/api/v1/prognostics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Prognostics")
public class PrognosticsResource {

    /**
     * Which model to train ({@code random-forest}, {@code xgboost}, {@code linear}, {@code cnn-1d}, {@code ensemble})
     * with {@code folds} folds by unit and at most {@code cnnEpochs} epochs for the CNN (defaults from configuration),
     * on the first {@code units} engines of C-MAPSS FD001 (default 100), or on the plant's own run-to-failure data:
     * a stored data set ({@code datasetId}: uploaded, or built from telemetry) with {@code unitColumn},
     * {@code cycleColumn}, {@code featureColumns} and optionally {@code failureColumn} (else each unit fails at its
     * last cycle), or telemetry {@code lines} (one unit each) with {@code featureColumns}; {@code window} and
     * {@code cap} override the configured window and RUL cap for plant data.
     */
    @Schema(name = "RulTrainRequest")
    public record TrainRequest(@Size(max = 50) String model, Integer units, Integer folds, Integer cnnEpochs,
            UUID datasetId, List<String> lines, String unitColumn, String cycleColumn, List<String> featureColumns,
            String failureColumn, Integer window, Integer cap) {

        boolean plant() {
            return datasetId != null || (lines != null && !lines.isEmpty());
        }
    }

    /** Why a model is promoted to serve (recorded with who and when). */
    @Schema(name = "RulPromotionRequest")
    public record PromotionRequest(@Size(max = 2000) String reason) {
    }

    /**
     * A stored data set of running units to predict: {@code unitColumn} and {@code cycleColumn} default to the ones the
     * model was trained with; the model's feature columns must be in it.
     */
    @Schema(name = "RulPredictionRequest")
    public record PredictionRequest(UUID datasetId, String unitColumn, String cycleColumn) {
    }

    /** RUL after each unit's last row, with the model's conformal interval, by unit as in the data set. */
    @Schema(name = "RulPredictions")
    public record Predictions(UUID modelId, String modelVersion, double intervalLevel, List<UnitRul> units) {
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
    private final PlantUnits plant;

    PrognosticsResource(PrognosticsService service, RulTrainingJobs jobs, SecurityIdentity identity, PlantUnits plant) {
        this.plant = plant;
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
            examples = {@ExampleObject(name = "quick random forest", value = "{\"model\": \"random-forest\", \"units\": 20, \"folds\": 2}"),
                    @ExampleObject(name = "plant data set", value = "{\"model\": \"xgboost\", \"datasetId\": "
                            + "\"0b7f5a52-2d7e-4d7c-9a51-3f1c2f0e7a11\", \"unitColumn\": \"pump\", \"cycleColumn\": \"hour\", "
                            + "\"featureColumns\": [\"vibration\", \"temperature\"], \"folds\": 5, \"window\": 24, \"cap\": 300}")}))
    @APIResponse(responseCode = "202", description = "Queued", headers = {@Header(name = "Location")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RulTrainingJobs.JobView.class)))
    @APIResponse(responseCode = "400", description = "Unknown model, units, folds or epochs out of range, data set and lines"
            + " both or neither, a missing unit, cycle or feature column (errors[] names each)",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such data set or telemetry line", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "A line lacks a feature variable or has no complete cycle",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Plant data unusable: prognostics/unknown-column, non-numeric-column,"
            + " too-few-units, unit-without-failure, failure-before-last-cycle", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Too many jobs queued or running (prognostics/training-queue-full)",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Response submit(TrainRequest body) {
        TrainRequest b = body == null
                ? new TrainRequest(null, null, null, null, null, null, null, null, null, null, null, null) : body;
        RulSource source = b.plant() ? plant.resolve(new RulSourceSpec(b.datasetId(), b.lines(), b.unitColumn(),
                b.cycleColumn(), b.featureColumns(), b.failureColumn()), b.window(), b.cap()) : null;
        RulTrainingJobs.JobView job = jobs.submit(b.model(), b.units(), b.folds(), b.cnnEpochs(), source,
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
    @Path("/served-model")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
    @Operation(operationId = "getServedRulModel", summary = "The RUL model serving now",
            description = "The model a user promoted last; without a promotion, the lowest cross-validated RMSE among the"
                    + " models validated on the same data, folds and cuts as the newest one. Never merely the newest.")
    @APIResponse(responseCode = "200", description = "The serving model",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RulModelInfo.class)))
    @APIResponse(responseCode = "409", description = "No model trained yet (prognostics/no-model)",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public RulModelInfo served() {
        return service.served().orElseThrow(NoModelProblem::new);
    }

    @POST
    @Path("/models/{id}/promotion")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER})
    @Operation(operationId = "promoteRulModel", summary = "Serve this RUL model from now on",
            description = "Records who, when and why; serving follows the latest promotion until it is withdrawn.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PromotionRequest.class),
            examples = @ExampleObject(name = "promote", value = "{\"reason\": \"validated on our pumps' last two failures\"}")))
    @APIResponse(responseCode = "200", description = "The promoted model (served = true)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RulModelInfo.class)))
    @APIResponse(responseCode = "400", description = "No reason given (errors[])", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such model", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public RulModelInfo promote(@PathParam("id") UUID id, PromotionRequest body) {
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            throw new ValidationProblem("reason", "why this model should serve (recorded with the promotion)");
        }
        return service.promote(id, body.reason().strip(), identity.getPrincipal().getName());
    }

    @DELETE
    @Path("/models/{id}/promotion")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER})
    @Operation(operationId = "unpromoteRulModel", summary = "Withdraw a RUL model's promotion",
            description = "Serving falls back to the best cross-validated model (or an earlier promotion still standing).")
    @APIResponse(responseCode = "204", description = "Withdrawn (or was not promoted)")
    @APIResponse(responseCode = "404", description = "No such model", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public void unpromote(@PathParam("id") UUID id) {
        service.unpromote(id, identity.getPrincipal().getName());
    }

    @POST
    @Path("/models/{id}/predictions")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
    @Operation(operationId = "predictRulOnDataset", summary = "RUL of every unit of a stored data set",
            description = "The data set's rows grouped by the unit column and ordered by the cycle column; the RUL after"
                    + " each unit's last row with the model's conformal interval. Nothing is stored.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PredictionRequest.class),
            examples = @ExampleObject(name = "running pumps", value = "{\"datasetId\": \"0b7f5a52-2d7e-4d7c-9a51-3f1c2f0e7a12\"}")))
    @APIResponse(responseCode = "200", description = "RUL per unit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Predictions.class)))
    @APIResponse(responseCode = "400", description = "No data set, or no unit or cycle column (errors[])",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such model or data set", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "prognostics/unknown-column or non-numeric-column",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Predictions predict(@PathParam("id") UUID id, PredictionRequest body) {
        PredictionRequest b = body == null ? new PredictionRequest(null, null, null) : body;
        RulModelInfo m = service.model(id);
        List<UnitRul> units = service.predictDataset(id, b.datasetId(), b.unitColumn(), b.cycleColumn()).orElseThrow();
        return new Predictions(m.id(), m.modelVersion(), m.validation().intervalLevel(), units);
    }

    @GET
    @Path("/units")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
    @Operation(operationId = "listRulUnits", summary = "Units telemetry carries, with their current RUL",
            description = "A unit is a telemetry line whose catalogue has every sensor of the serving model; empty when no model exists.")
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
                    + " from the model's out-of-fold residuals, and the RUL at every cycle; modelId picks a version (default: the serving one).")
    @APIResponse(responseCode = "200", description = "The RUL",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitRul.class)))
    @APIResponse(responseCode = "404", description = "No such unit (line) or model", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "No model yet, the line lacks a sensor of the model, or has no complete cycle",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public UnitRul rul(@PathParam("unit") String unit, @QueryParam("modelId") UUID modelId) {
        return service.rul(unit, modelId).orElseThrow(NoModelProblem::new);
    }

}
