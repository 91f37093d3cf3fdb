package io.poka.scoring.internal.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import io.poka.platform.Roles;
import io.poka.platform.Signature;
import io.poka.platform.ValidationProblem;
import io.poka.scoring.internal.registry.ModelRegistry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The model registry: list and inspect versions, promote one per line and roll back, both signed. */
@Path("/api/v1/scoring")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Scoring")
public class ModelResource {

    /** An electronic signature: the password re-entered now, what the signature means, and why. */
    public record SignedRequest(String password, Signature.Meaning meaning,
            @Size(max = 4000) String reason) {
    }

    private final ModelRegistry registry;

    ModelResource(ModelRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Path("/models")
    @RolesAllowed("**")
    @Operation(operationId = "listScoringModels", summary = "Model versions, optionally of one line")
    public List<ModelRegistry.ModelView> list(@QueryParam("line") String line) {
        return registry.list(line);
    }

    @GET
    @Path("/models/{id}")
    @RolesAllowed("**")
    @Operation(operationId = "getScoringModel", summary = "One model version with its metadata")
    public ModelRegistry.ModelView get(@PathParam("id") UUID id) {
        return registry.get(id);
    }

    @POST
    @Path("/models/{id}/promote")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER})
    @Operation(operationId = "promoteScoringModel", summary = "Make this version the active model of its line (electronic signature)")
    public ModelRegistry.ActiveView promote(@PathParam("id") UUID id, @Valid SignedRequest body) {
        SignedRequest s = checked(body);
        return registry.promote(id, s.password(), s.meaning(), s.reason());
    }

    @POST
    @Path("/lines/{line}/rollback")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER})
    @Operation(operationId = "rollbackScoringModel", summary = "Return the line to the model active before the current one (electronic signature)")
    public ModelRegistry.ActiveView rollback(@PathParam("line") String line, @Valid SignedRequest body) {
        SignedRequest s = checked(body);
        return registry.rollback(line, s.password(), s.meaning(), s.reason());
    }

    private static SignedRequest checked(SignedRequest body) {
        if (body == null || body.password() == null || body.password().isEmpty()) {
            throw new ValidationProblem("password", "the signer's password is required");
        }
        if (body.meaning() == null) {
            throw new ValidationProblem("meaning", "one of APPROVAL, REVIEW, RESPONSIBILITY, AUTHORSHIP");
        }
        if (body.reason() == null || body.reason().isBlank()) {
            throw new ValidationProblem("reason", "must not be blank");
        }
        return body;
    }
}
