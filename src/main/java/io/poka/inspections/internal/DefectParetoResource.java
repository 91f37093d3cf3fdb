package io.poka.inspections.internal;

import io.poka.inspections.DefectClassCount;
import io.poka.platform.Problems;
import io.poka.platform.Roles;
import io.poka.platform.QueryTimes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Pareto of defect classes found by inspections over a range, per line and product. */
@Path("/api/v1/inspections/defect-pareto")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inspections", description = "Record inspection results; verdicts by spec limits and Ac/Re")
public class DefectParetoResource {
    /** Default range: the last 30 days. */
    static final Duration DEFAULT_RANGE = Duration.ofDays(30);
    private static final String EXAMPLE = """
            [{"defectClass": "MINOR", "nonconforming": 14, "sampled": 400, "inspections": 5, "cumulativeShare": 0.7},
             {"defectClass": "MAJOR", "nonconforming": 5, "sampled": 400, "inspections": 5, "cumulativeShare": 0.95},
             {"defectClass": "CRITICAL", "nonconforming": 1, "sampled": 400, "inspections": 5, "cumulativeShare": 1.0}]""";

    private final DefectPareto pareto;
    private final Clock clock;

    DefectParetoResource(DefectPareto pareto, Clock clock) {
        this.pareto = pareto;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
    @Operation(operationId = "getInspectionDefectClassPareto",
            summary = "Nonconforming units per defect class found by inspections in [from, to), most first",
            description = "Default range: the last 30 days. line: lots of that line; product: plans of that product; "
                    + "each bar has the cumulative share of all nonconforming units.")
    @APIResponse(responseCode = "200", description = "The bars, most nonconforming units first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = DefectClassCount.class),
                    examples = @ExampleObject(name = "three classes", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A time that is not ISO-8601, or from not before to",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public List<DefectClassCount> pareto(
            @Parameter(description = "Production line of the inspected lots") @QueryParam("line") String line,
            @Parameter(description = "Product of the inspection plans") @QueryParam("product") String product,
            @Parameter(description = "Start (inclusive), ISO-8601 with offset") @QueryParam("from") String from,
            @Parameter(description = "End (exclusive), ISO-8601 with offset; default now") @QueryParam("to") String to) {
        Instant end = QueryTimes.instant("to", to, clock.instant());
        return pareto.count(blankToNull(line), blankToNull(product),
                QueryTimes.instant("from", from, end.minus(DEFAULT_RANGE)), end);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
