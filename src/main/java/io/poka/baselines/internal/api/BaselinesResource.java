package io.poka.baselines.internal.api;

import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.poka.baselines.internal.BaselinesService;
import io.poka.baselines.internal.DatasetAnomalyComparisons;
import io.poka.baselines.internal.TrainingJobs;
import io.poka.baselines.internal.training.AnomalySpec;
import io.poka.baselines.internal.training.TrainingSpec;
import io.poka.platform.Roles;
import io.poka.platform.ValidationProblem;
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
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Baseline models of the built-in data sets and of any registry data set: train and evaluate (synchronously or as a job), compare, inspect, predict. */
@Path("/api/v1/baselines")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Baselines")
public class BaselinesResource {

    /**
     * Which trainer to fit (names per task in docs/baselines.md) and, optionally on the built-in data sets and with
     * {@code targetColumn} required on a registry data set, what to learn: task, target, features, split.
     */
    public record TrainRequest(@jakarta.validation.constraints.Size(max = 200) String trainer, TrainingSpec.Task task,
            @jakarta.validation.constraints.Size(max = 200) String targetColumn,
            @jakarta.validation.constraints.Size(max = 2000) List<String> featureColumns, TrainingSpec.SplitSpec split,
            AnomalySpec anomaly) {

        TrainingSpec spec() {
            return new TrainingSpec(task, targetColumn, featureColumns, split, anomaly);
        }
    }

    /**
     * One row ({@code features}) or several ({@code rows}), each a map of column name to number: exactly the model's
     * features, or a raw row whose extra columns are ignored with {@code ignoreExtraColumns=true}.
     */
    public record PredictRequest(Map<String, Object> features, List<Map<String, Object>> rows) {
    }

    private final BaselinesService service;
    private final TrainingJobs jobs;
    private final SecurityIdentity identity;
    private final DatasetAnomalyComparisons anomalyComparisons;

    BaselinesResource(BaselinesService service, TrainingJobs jobs, SecurityIdentity identity,
            DatasetAnomalyComparisons anomalyComparisons) {
        this.anomalyComparisons = anomalyComparisons;
        this.service = service;
        this.jobs = jobs;
        this.identity = identity;
    }

    @POST
    @Path("/datasets/{dataset}/models")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER})
    @Operation(operationId = "trainBaselineModel", summary = "Train and evaluate a trainer on a data set (synchronous, seconds) and store it",
            description = "{dataset}: a built-in name (steel-plates, cmapss-fd001) or the id of a scoring registry data set "
                    + "(uploaded CSV or built from telemetry). On a registry data set give targetColumn (and task unless the "
                    + "trainer implies it); featureColumns default to every numeric column except the target and the split's "
                    + "order and group columns; split: RANDOM (default), TIME_ORDERED {orderColumn, testShare} or GROUPED "
                    + "{groupColumn, testShare}. Data a trainer cannot learn from is a 422 with the reason. Example: "
                    + "{\"trainer\":\"random-forest\",\"task\":\"REGRESSION\",\"targetColumn\":\"yield\","
                    + "\"split\":{\"kind\":\"GROUPED\",\"groupColumn\":\"batch\",\"testShare\":0.25}}. Anomaly monitors "
                    + "(trainer pca-t2, pca-spe, dynamic-pca-t2, dynamic-pca-spe, one-class-svm, isolation-forest; task "
                    + "ANOMALY): targetColumn is the optional label column, anomaly.normalValues its normal values, "
                    + "anomaly.normalFrom/normalTo an order range of normal rows; split TIME_ORDERED; the limit is "
                    + "cross-fitted at anomaly.falseAlarmRate. Example: {\"trainer\":\"pca-spe\",\"targetColumn\":"
                    + "\"fault\",\"anomaly\":{\"normalValues\":[\"0\"],\"falseAlarmRate\":0.05}}")
    @APIResponse(responseCode = "201", description = "Trained, evaluated and stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BaselinesService.ModelDetail.class)))
    @APIResponse(responseCode = "422", description = "Data the trainer cannot learn from (baselines/unknown-column, "
            + "non-numeric-target, non-numeric-feature, too-few-rows, too-few-classes, too-many-classes, "
            + "missing-target-values, too-few-groups; anomaly monitors: no-normal-rows, too-few-normal-rows)",
            content = @Content(mediaType = io.poka.platform.Problems.MEDIA_TYPE))
    public Response train(@PathParam("dataset") String dataset, TrainRequest body) {
        BaselinesService.ModelDetail detail = service.train(dataset, body == null ? null : body.trainer(),
                body == null ? null : body.spec());
        return Response.status(201).entity(detail).build();
    }

    @POST
    @Path("/datasets/{dataset}/anomaly-model-comparisons")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER})
    @Operation(operationId = "compareAnomalyModelsOnDataset", summary = "Train the anomaly monitors on one split of a data set and compare them at their own and at equal false-alarm rates",
            description = "Every monitor (default all seven: vae-gan and the six baselines) is trained and stored as a "
                    + "registry model with the same label column, normal rows, features and TIME_ORDERED split, its "
                    + "limit cross-fitted alike (vae-gan: through the scoring module, registered on line "
                    + "comparison-<id>, never activated; vaeGanHyperparameters as the scoring training API takes them); "
                    + "the same alarm rule (none) for every monitor; false alarms on "
                    + "the held-out normal rows and on normalTestDatasets (separate normal data sets, never fitted on), "
                    + "detection on the labelled abnormal rows at each monitor's own limit and at the limit that gives "
                    + "every monitor equalFalseAlarmRate on the normal test rows (the held-out normal rows without "
                    + "normalTestDatasets). Example: {\"targetColumn\":\"fault\",\"anomaly\":{\"normalValues\":[\"0\"]},"
                    + "\"monitors\":[\"pca-spe\",\"isolation-forest\"],\"equalFalseAlarmRate\":0.05}")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(
                    name = "TEP slice with a fault label", value = "{\"monitors\": [\"vae-gan\", \"pca-spe\", \"isolation-forest\"], "
                    + "\"vaeGanHyperparameters\": {\"epochs\": 5, \"hiddenSizes\": [32], \"latentSize\": 4, "
                    + "\"crossFitBlocks\": 2}, "
                    + "\"targetColumn\": \"fault\", \"split\": {\"kind\": \"TIME_ORDERED\", \"orderColumn\": \"time\", "
                    + "\"testShare\": 0.2}, \"anomaly\": {\"normalValues\": [\"0\"], \"falseAlarmRate\": 0.05}, "
                    + "\"normalTestDatasets\": [\"0b5b1c44-2f49-4a53-9a3c-6f0f3f7c8e21\"], \"equalFalseAlarmRate\": 0.05}")))
    @APIResponse(responseCode = "201", description = "Monitors trained and stored; the comparison",
            headers = {@Header(name = "Location", description = "the data set's models")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DatasetAnomalyComparisons.Comparison.class)))
    @APIResponse(responseCode = "422", description = "Data a monitor cannot learn from (baselines/unknown-column, "
            + "non-numeric-feature, no-normal-rows, too-few-normal-rows)",
            content = @Content(mediaType = io.poka.platform.Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Every training slot (poka.baselines.concurrent-trainings, shared "
            + "with trainings and the other comparison) is taken (baselines/training-busy)",
            content = @Content(mediaType = io.poka.platform.Problems.MEDIA_TYPE))
    public Response compareAnomalyModels(@PathParam("dataset") String dataset, DatasetAnomalyComparisons.Request body) {
        DatasetAnomalyComparisons.Comparison c = anomalyComparisons.compare(dataset, body == null
                ? new DatasetAnomalyComparisons.Request(null, null, null, null, null, null, null) : body);
        return Response.created(URI.create("/api/v1/baselines/datasets/" + dataset + "/comparison")).entity(c).build();
    }

    @POST
    @Path("/datasets/{dataset}/training-jobs")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER})
    @Operation(operationId = "submitBaselineTrainingJob", summary = "Queue a training (202 at once); follow its progress at /training-jobs/{id}")
    @APIResponse(responseCode = "202", description = "Queued", headers = {@Header(name = "Location")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainingJobs.JobView.class)))
    public Response submit(@PathParam("dataset") String dataset, TrainRequest body) {
        TrainingJobs.JobView job = jobs.submit(dataset, body == null ? null : body.trainer(),
                body == null ? null : body.spec(), identity.getPrincipal().getName());
        return Response.accepted(job).location(URI.create("/api/v1/baselines/training-jobs/" + job.id())).build();
    }

    @GET
    @Path("/training-jobs/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.AUDITOR})
    @Operation(operationId = "getBaselineTrainingJob", summary = "A training job: status, progress in steps, the model once it has succeeded, or its error")
    public TrainingJobs.JobView job(@PathParam("id") UUID id) {
        return jobs.get(id);
    }

    @GET
    @Path("/training-jobs")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.AUDITOR})
    @Operation(operationId = "listBaselineTrainingJobs", summary = "Training jobs, newest first, optionally of one data set")
    public List<TrainingJobs.JobView> jobs(@QueryParam("dataset") String dataset) {
        return jobs.list(dataset);
    }

    @GET
    @Path("/datasets/{dataset}/comparison")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.AUDITOR})
    @Operation(operationId = "compareBaselineModels", summary = "Every model of the data set side by side: metrics, training time, scoring throughput")
    public BaselinesService.Comparison compare(@PathParam("dataset") String dataset) {
        return service.compare(dataset);
    }

    @GET
    @Path("/models/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.AUDITOR})
    @Operation(operationId = "getBaselineModel", summary = "One model with all metrics, confusion matrix and Tribuo provenance")
    public BaselinesService.ModelDetail get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("/models/{id}/predictions")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER})
    @Operation(operationId = "predictWithBaselineModel", summary = "Predict new rows; the answer names the model version; explain=true adds LIME contributions",
            description = "Each row carries the model's features; with ignoreExtraColumns=true a raw row's other columns are "
                    + "ignored. Rows lacking features: 422 baselines/missing-features naming them. An anomaly model answers "
                    + "score, threshold and anomalous per row (rows are consecutive: a lagged monitor's first rows are "
                    + "history); explain=true adds each feature's contribution to the score.")
    public BaselinesService.Predictions predict(@PathParam("id") UUID id, @QueryParam("explain") boolean explain,
            @QueryParam("ignoreExtraColumns") boolean ignoreExtraColumns, PredictRequest body) {
        if (body == null || (body.features() == null) == (body.rows() == null)) {
            throw new ValidationProblem("features", "give either features (one row) or rows, not both");
        }
        List<Map<String, Object>> rows = body.rows() != null ? body.rows() : List.of(body.features());
        if (rows.isEmpty()) {
            throw new ValidationProblem("rows", "must not be empty");
        }
        return service.predict(id, rows, explain, ignoreExtraColumns);
    }
}
