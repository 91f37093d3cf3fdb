package io.poka.baselines.internal.api;

import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.poka.baselines.internal.AnomalyComparisons;
import io.poka.platform.Roles;
import io.poka.platform.ValidationProblem;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The VAE-GAN and the anomaly baselines side by side on a data set of the scoring registry. */
@Path("/api/v1/baselines/anomaly-comparisons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Baselines")
public class AnomalyComparisonResource {

    private final AnomalyComparisons comparisons;

    AnomalyComparisonResource(AnomalyComparisons comparisons) {
        this.comparisons = comparisons;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER})
    @Operation(operationId = "createAnomalyComparison", summary = "Fit the baselines on the VAE-GAN's split, calibrate alike, score the fault data sets, store")
    @APIResponse(responseCode = "201", description = "Stored", headers = {@Header(name = "Location")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnomalyComparisons.ComparisonView.class)))
    public Response compare(AnomalyComparisons.Request body) {
        if (body == null) {
            throw new ValidationProblem("datasetId", "is required");
        }
        AnomalyComparisons.ComparisonView view = comparisons.compare(body);
        return Response.created(URI.create("/api/v1/baselines/anomaly-comparisons/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.AUDITOR})
    @Operation(operationId = "getAnomalyComparison", summary = "One stored comparison with every monitor's metrics, costs and provenance")
    public AnomalyComparisons.ComparisonView get(@PathParam("id") UUID id) {
        return comparisons.get(id);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.AUDITOR})
    @Operation(operationId = "listAnomalyComparisons", summary = "Stored comparisons of a data set, newest first")
    public List<AnomalyComparisons.ComparisonView> list(@QueryParam("datasetId") UUID datasetId) {
        if (datasetId == null) {
            throw new ValidationProblem("datasetId", "is required");
        }
        return comparisons.list(datasetId);
    }
}
