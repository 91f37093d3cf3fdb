package io.poka.diagnosis.internal.api;

import io.poka.diagnosis.DiagnosisModel;
import io.poka.diagnosis.FaultDiagnosis;
import io.poka.diagnosis.SimilarEvent;
import io.poka.diagnosis.internal.DiagnosisModels;
import io.poka.diagnosis.internal.DiagnosisService;
import io.poka.diagnosis.internal.DiagnosisTrainingJobs;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.Problems;
import io.poka.platform.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Fault diagnosis over REST: training jobs and the model registry, diagnoses of windows, incidents and anomalies, similar past events. */
@Path("/api/v1/diagnosis")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Diagnosis", description = "Likely fault of an incident, anomaly or window (with an open-set \"unknown\"), fault classifier training, similar past events")
public class DiagnosisResource {
    private final DiagnosisTrainingJobs jobs;
    private final DiagnosisModels models;
    private final DiagnosisService service;
    private final SecurityIdentity identity;

    DiagnosisResource(DiagnosisTrainingJobs jobs, DiagnosisModels models, DiagnosisService service,
            SecurityIdentity identity) {
        this.jobs = jobs;
        this.models = models;
        this.service = service;
        this.identity = identity;
    }

    @POST
    @Path("/datasets/{dataset}/training-jobs")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER})
    @Operation(operationId = "submitDiagnosisTrainingJob", summary = "Queue the training of a fault classifier (202 at once)",
            description = "dataset 'tep' is built in (TEP d00 normal + d01-d21); an empty body trains every fault with"
                    + " the configured settings. Follow the job at /training-jobs/{id}.")
    @APIResponse(responseCode = "202", description = "Queued", headers = {@Header(name = "Location")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DiagnosisTrainingJobs.JobView.class)))
    @APIResponse(responseCode = "404", description = "No such data set", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Too many trainings queued", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Response submit(@PathParam("dataset") String dataset, DiagnosisModels.TrainRequest body) {
        DiagnosisTrainingJobs.JobView job = jobs.submit(dataset, body, identity.getPrincipal().getName());
        return Response.accepted(job).location(URI.create("/api/v1/diagnosis/training-jobs/" + job.id())).build();
    }

    @GET
    @Path("/training-jobs/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.AUDITOR})
    @Operation(operationId = "getDiagnosisTrainingJob", summary = "A diagnosis training job: status, then its model or error")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DiagnosisTrainingJobs.JobView.class)))
    @APIResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public DiagnosisTrainingJobs.JobView job(@PathParam("id") UUID id) {
        return jobs.get(id);
    }

    @GET
    @Path("/training-jobs")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.AUDITOR})
    @Operation(operationId = "listDiagnosisTrainingJobs", summary = "Diagnosis training jobs, newest first")
    @APIResponse(responseCode = "200", description = "The jobs", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = DiagnosisTrainingJobs.JobView.class)))
    public List<DiagnosisTrainingJobs.JobView> jobs() {
        return jobs.list();
    }

    @GET
    @Path("/models")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.AUDITOR})
    @Operation(operationId = "listDiagnosisModels", summary = "Registered fault classifiers with provenance and held-out accuracy, newest first")
    @APIResponse(responseCode = "200", description = "The models", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = DiagnosisModel.class)))
    public List<DiagnosisModel> models() {
        return models.list();
    }

    @GET
    @Path("/models/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.AUDITOR})
    @Operation(operationId = "getDiagnosisModel", summary = "One fault classifier: settings, data fingerprint, per-class held-out accuracy")
    @APIResponse(responseCode = "200", description = "The model", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DiagnosisModel.class)))
    @APIResponse(responseCode = "404", description = "No such model", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public DiagnosisModel model(@PathParam("id") UUID id) {
        return models.get(id);
    }

    @POST
    @Path("/diagnoses")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.AUDITOR})
    @Operation(operationId = "diagnoseWindow", summary = "The likely fault of a window of rows (its last model-window rows)",
            description = "variables: column names, at least the model's; rows: one value per column. modelId null ="
                    + " the newest model. Nothing is stored.")
    @APIResponse(responseCode = "200", description = "The diagnosis", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FaultDiagnosis.class)))
    @APIResponse(responseCode = "400", description = "Missing variables, too few rows or ragged rows",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such model, or none trained", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public FaultDiagnosis diagnose(DiagnosisService.DiagnoseRequest body) {
        return service.diagnose(body);
    }

    @GET
    @Path("/incidents/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.AUDITOR, Roles.INSPECTOR})
    @Operation(operationId = "getIncidentDiagnosis", summary = "The likely fault of an incident",
            description = "The newest model-window readings of each model variable of the incident's line up to its last signal.")
    @APIResponse(responseCode = "200", description = "The diagnosis", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FaultDiagnosis.class)))
    @APIResponse(responseCode = "404", description = "No such incident, or no model trained", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "The line lacks readings of a model variable", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public FaultDiagnosis incident(@PathParam("id") UUID id) {
        return about("Incident", id, service::incidentDiagnosis);
    }

    @GET
    @Path("/anomalies/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.AUDITOR, Roles.INSPECTOR})
    @Operation(operationId = "getAnomalyDiagnosis", summary = "The likely fault of an anomaly detection",
            description = "The window of the line's readings ending at the detected row.")
    @APIResponse(responseCode = "200", description = "The diagnosis", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FaultDiagnosis.class)))
    @APIResponse(responseCode = "404", description = "No such anomaly, or no model trained", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "The line lacks readings of a model variable", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public FaultDiagnosis anomaly(@PathParam("id") UUID id) {
        return about("Anomaly", id, service::anomalyDiagnosis);
    }

    @GET
    @Path("/lines/{line}")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.AUDITOR, Roles.INSPECTOR})
    @Operation(operationId = "getLineWindowDiagnosis", summary = "The likely fault of a line's window ending at a time",
            description = "The newest model-window readings of each model variable up to 'at' (e.g. a point of the anomaly timeline).")
    @APIResponse(responseCode = "200", description = "The diagnosis", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FaultDiagnosis.class)))
    @APIResponse(responseCode = "400", description = "'at' missing or not an ISO-8601 instant", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No model trained", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "The line lacks readings of a model variable", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public FaultDiagnosis line(@PathParam("line") String line, @QueryParam("at") String at) {
        java.time.Instant end;
        try {
            end = java.time.Instant.parse(at == null ? "" : at);
        } catch (java.time.format.DateTimeParseException e) {
            throw new io.poka.platform.ValidationProblem("at", "must be an ISO-8601 instant such as 2026-12-05T10:00:00Z");
        }
        return service.ofLine(line, end);
    }

    @GET
    @Path("/incidents/{id}/similar-events")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.AUDITOR, Roles.INSPECTOR})
    @Operation(operationId = "listSimilarEventsOfIncident", summary = "Earlier incidents most like this one, with causes and corrective actions",
            description = "similarity = w x cosine(contributions) + (1 - w) x Jaccard(variables); see docs/diagnosis.md.")
    @APIResponse(responseCode = "200", description = "Most similar first", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = SimilarEvent.class)))
    @APIResponse(responseCode = "404", description = "No such incident", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public List<SimilarEvent> similarToIncident(@PathParam("id") UUID id,
            @QueryParam("limit") @DefaultValue("5") int limit) {
        return about("Incident", id, i -> service.similarToIncident(i, bounded(limit)));
    }

    @GET
    @Path("/anomalies/{id}/similar-events")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.AUDITOR, Roles.INSPECTOR})
    @Operation(operationId = "listSimilarEventsOfAnomaly", summary = "Earlier incidents most like this anomaly detection, with causes and corrective actions")
    @APIResponse(responseCode = "200", description = "Most similar first", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = SimilarEvent.class)))
    @APIResponse(responseCode = "404", description = "No such anomaly", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public List<SimilarEvent> similarToAnomaly(@PathParam("id") UUID id,
            @QueryParam("limit") @DefaultValue("5") int limit) {
        return about("Anomaly", id, a -> service.similarToAnomaly(a, bounded(limit)));
    }

    /** The answer about an incident or anomaly detection, or 404 naming the {@code subject} that does not exist. */
    private static <T> T about(String subject, UUID id, java.util.function.Function<UUID, java.util.Optional<T>> answer) {
        return answer.apply(id).orElseThrow(() -> new NotFoundProblem(subject, id));
    }

    private static int bounded(int limit) {
        if (limit < 1 || limit > 50) {
            throw new io.poka.platform.ValidationProblem("limit", "must lie in 1..50");
        }
        return limit;
    }
}
