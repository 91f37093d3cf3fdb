package io.poka.scoring.internal.api;

import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.poka.platform.Roles;
import io.poka.scoring.internal.data.Datasets;
import io.poka.scoring.internal.data.TelemetryDatasets;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Upload and read the data sets that anomaly models are trained on. */
@Path("/api/v1/scoring/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scoring", description = "Anomaly scoring with a VAE-GAN: data sets, training, model registry, scores")
public class DatasetResource {
    private final Datasets datasets;
    private final TelemetryDatasets fromTelemetry;
    private final SecurityIdentity identity;

    DatasetResource(Datasets datasets, TelemetryDatasets fromTelemetry, SecurityIdentity identity) {
        this.datasets = datasets;
        this.fromTelemetry = fromTelemetry;
        this.identity = identity;
    }

    @POST
    @Path("/from-telemetry")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER})
    @Operation(operationId = "createDatasetFromTelemetry", summary = "Create a data set from stored telemetry", description = "The readings of the given "
            + "variables of one line with from <= timestamp < to, one row per time step in time order; steps missing "
            + "a variable are left out and counted. Example: {\"name\":\"press-1 normal week 47\",\"line\":\"press-1\","
            + "\"variables\":[\"temperature\",\"pressure\"],\"from\":\"2026-11-16T00:00:00Z\",\"to\":\"2026-11-23T00:00:00Z\"}")
    @APIResponse(responseCode = "201", description = "Created", headers = {@Header(name = "Location")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TelemetryDatasets.Built.class)))
    public Response fromTelemetry(TelemetryDatasets.Selection selection, @jakarta.ws.rs.core.Context UriInfo uri) {
        if (selection == null) {
            throw new io.poka.platform.ValidationProblem("body", "name, line, variables, from and to");
        }
        TelemetryDatasets.Built built = fromTelemetry.build(selection, identity.getPrincipal().getName());
        return Response.created(uri.getBaseUriBuilder().path("/api/v1/scoring/datasets/" + built.dataset().id()).build())
                .entity(built).build();
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INTEGRATION})
    @Operation(operationId = "uploadDatasetCsv", summary = "Upload a data set as CSV", description = "First line: variable names; then one numeric row "
            + "per time step in time order, separated by commas, semicolons, tabs or whitespace (detected). Empty, NA "
            + "or NaN = missing. Answers 201 with id and SHA-256 fingerprint, or 200 with the data set already stored "
            + "with the same fingerprint.")
    @APIResponse(responseCode = "201", description = "Stored", headers = {@Header(name = "Location")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Datasets.DatasetView.class)))
    @APIResponse(responseCode = "200", description = "A data set with the same fingerprint was already stored", headers = {@Header(name = "Location")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Datasets.DatasetView.class)))
    public Response upload(@QueryParam("name") String name, String csv, @jakarta.ws.rs.core.Context UriInfo uri) {
        Datasets.Upload upload = datasets.upload(name, csv, identity.getPrincipal().getName());
        Datasets.DatasetView view = upload.dataset();
        if (!upload.created()) {
            return Response.ok(view).location(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }

    @GET
    @RolesAllowed("**")
    @Operation(operationId = "listDatasets", summary = "List data sets, newest first")
    public List<Datasets.DatasetView> list() {
        return datasets.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("**")
    @Operation(operationId = "getDataset", summary = "One data set (without its rows)")
    public Datasets.DatasetView get(@PathParam("id") UUID id) {
        return datasets.get(id);
    }
}
