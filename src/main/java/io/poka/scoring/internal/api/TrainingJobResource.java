package io.poka.scoring.internal.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import io.poka.platform.Roles;
import io.poka.scoring.internal.jobs.TrainingJobs;
import io.poka.scoring.internal.model.Hyperparameters;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Start, follow and cancel VAE-GAN training jobs. */
@Path("/api/v1/scoring/training-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Scoring")
public class TrainingJobResource {

    /** Body of a training request; hyperparameters may be partial or absent (defaults apply). */
    public record TrainingRequest(UUID datasetId, @Size(max = 200) String line, Hyperparameters hyperparameters) {
    }

    private final TrainingJobs jobs;
    private final SecurityIdentity identity;

    TrainingJobResource(TrainingJobs jobs, SecurityIdentity identity) {
        this.jobs = jobs;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER})
    @Operation(operationId = "submitScoringTrainingJob", summary = "Train a VAE-GAN on a data set of normal operation", description = "Answers 202 with the "
            + "queued job; the data set's last rows (calibrationFraction) calibrate the threshold.")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainingJobs.JobView.class)))
    public Response submit(@Valid TrainingRequest request) {
        if (request == null) {
            throw new io.poka.platform.ValidationProblem("body", "a training request is required");
        }
        TrainingJobs.JobView job = jobs.submit(request.datasetId(), request.line(), request.hyperparameters(),
                identity.getPrincipal().getName());
        return Response.accepted(job).build();
    }

    @GET
    @RolesAllowed("**")
    @Operation(operationId = "listScoringTrainingJobs", summary = "List training jobs, newest first")
    public List<TrainingJobs.JobView> list(@QueryParam("line") String line) {
        return jobs.list(line);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("**")
    @Operation(operationId = "getScoringTrainingJob", summary = "A training job with its progress (epoch, losses)")
    public TrainingJobs.JobView get(@PathParam("id") UUID id) {
        return jobs.get(id);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER})
    @Operation(operationId = "cancelScoringTrainingJob", summary = "Cancel a queued or running job", description = "A running job stops at its next batch.")
    @APIResponse(responseCode = "202", description = "Cancelled, or cancelling at the next batch",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainingJobs.JobView.class)))
    public Response cancel(@PathParam("id") UUID id) {
        return Response.accepted(jobs.cancel(id)).build();
    }
}
