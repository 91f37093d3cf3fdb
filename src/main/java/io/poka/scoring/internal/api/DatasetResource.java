package io.poka.scoring.internal.api;

import io.poka.platform.Roles;
import io.poka.scoring.internal.data.Datasets;
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
    private final SecurityIdentity identity;

    DatasetResource(Datasets datasets, SecurityIdentity identity) {
        this.datasets = datasets;
        this.identity = identity;
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INTEGRATION})
    @Operation(summary = "Upload a data set as CSV", description = "First line: variable names; then one numeric row "
            + "per time step in time order. Empty, NA or NaN = missing. Answers id and SHA-256 fingerprint.")
    public Response upload(@QueryParam("name") String name, String csv, @jakarta.ws.rs.core.Context UriInfo uri) {
        Datasets.DatasetView view = datasets.upload(name, csv, identity.getPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }

    @GET
    @RolesAllowed("**")
    @Operation(summary = "List data sets, newest first")
    public List<Datasets.DatasetView> list() {
        return datasets.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("**")
    @Operation(summary = "One data set (without its rows)")
    public Datasets.DatasetView get(@PathParam("id") UUID id) {
        return datasets.get(id);
    }
}
