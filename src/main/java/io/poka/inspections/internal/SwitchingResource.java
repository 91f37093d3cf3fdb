package io.poka.inspections.internal;

import io.poka.inspections.internal.SwitchingService.StateView;
import io.poka.inspections.internal.SwitchingService.SwitchView;
import io.poka.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The ISO 2859-1 switching state per product, supplier and defect class, its switches, and resumption after 9.4. */
@Path("/api/v1/inspection-switching")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inspection plans")
public class SwitchingResource {

    /** Resumption after discontinued inspection. */
    public record ResumeRequest(@NotBlank @Size(max = 200) String product, @Size(max = 200) String supplier, @NotNull DefectClass defectClass,
            @NotBlank @Size(max = 2000) String correctiveAction) {
    }

    private final SwitchingService switching;

    SwitchingResource(SwitchingService switching) {
        this.switching = switching;
    }

    @GET
    @Path("/states")
    @RolesAllowed("**")
    @Operation(operationId = "listSwitchingStates", summary = "Stored switching states", description = "supplier: omit for all; empty string for in-house lots")
    public List<StateView> states(@QueryParam("product") String product, @QueryParam("supplier") String supplier) {
        return switching.states(product, supplier);
    }

    @GET
    @Path("/events")
    @RolesAllowed("**")
    @Operation(operationId = "listSwitchingEvents", summary = "Switches of severity, oldest first, each with reason and ISO 2859-1 clause")
    public List<SwitchView> events(@QueryParam("product") String product, @QueryParam("supplier") String supplier,
            @QueryParam("defectClass") DefectClass defectClass) {
        return switching.events(product, supplier, defectClass);
    }

    @POST
    @Path("/resume")
    @RolesAllowed({Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "resumeInspection", summary = "Resume discontinued inspection on tightened after corrective action (ISO 2859-1:1999 9.4)")
    public StateView resume(@Valid @NotNull ResumeRequest body) {
        return switching.resume(body.product(), body.supplier() == null ? "" : body.supplier(), body.defectClass(),
                body.correctiveAction());
    }
}
