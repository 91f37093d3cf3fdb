package io.poka.diagnosis.internal.api;

import io.poka.diagnosis.FaultDiagnosis;
import io.poka.diagnosis.internal.DiagnosisService;
import io.poka.platform.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * What the "Likely fault" panels of the incident, anomaly and NCR pages show: the diagnosis, or why there is none (no
 * model trained yet, too few readings on the line). The page always gets a 200 with one of the two, so a missing
 * diagnosis is a message in the panel, not a failed request; integrations use /api/v1/diagnosis, whose refusals are
 * problems. Readable by everyone who can open an incident.
 */
@Path("/ui/diagnosis")
@Produces(MediaType.APPLICATION_JSON)
public class DiagnosisPanelResource {
    private final DiagnosisService service;

    DiagnosisPanelResource(DiagnosisService service) {
        this.service = service;
    }

    /** The panel's content: exactly one of diagnosis and reason is set. */
    public record Panel(FaultDiagnosis diagnosis, String reason) {
    }

    @GET
    @Path("/incidents/{id}")
    @RolesAllowed("**")
    @Operation(hidden = true)
    public Panel incident(@PathParam("id") UUID id) {
        return panel(() -> service.incidentDiagnosis(id).orElse(null), "no such incident");
    }

    @GET
    @Path("/anomalies/{id}")
    @RolesAllowed("**")
    @Operation(hidden = true)
    public Panel anomaly(@PathParam("id") UUID id) {
        return panel(() -> service.anomalyDiagnosis(id).orElse(null), "no such anomaly");
    }

    @GET
    @Path("/lines/{line}")
    @RolesAllowed("**")
    @Operation(hidden = true)
    public Panel line(@PathParam("line") String line, @QueryParam("at") String at) {
        Instant end;
        try {
            end = Instant.parse(at == null ? "" : at);
        } catch (DateTimeParseException e) {
            return new Panel(null, "the selected point has no time");
        }
        return panel(() -> service.ofLine(line, end), "no diagnosis");
    }

    private static Panel panel(Supplier<FaultDiagnosis> diagnose, String whenAbsent) {
        try {
            FaultDiagnosis d = diagnose.get();
            return d == null ? new Panel(null, whenAbsent) : new Panel(d, null);
        } catch (ProblemException e) {
            return new Panel(null, e.getMessage() == null ? e.title() : e.getMessage());
        }
    }
}
