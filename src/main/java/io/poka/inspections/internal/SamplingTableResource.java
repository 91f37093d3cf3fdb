package io.poka.inspections.internal;

import io.poka.inspections.internal.sampling.Aql;
import io.poka.inspections.internal.sampling.InspectionLevel;
import io.poka.inspections.internal.sampling.SamplingStandard;
import io.poka.inspections.internal.sampling.SamplingTables;
import io.poka.inspections.internal.sampling.Severity;
import io.poka.inspections.internal.sampling.TablePlan;
import io.poka.platform.ValidationProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A direct look-up in the tables of ISO 2859-1:1999 or ANSI/ASQ Z1.4-2003 (which share Tables 1, 2-A and 2-B),
 * independent of any plan or switching state.
 */
@Path("/api/v1/sampling/iso-2859-1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inspection plans")
public class SamplingTableResource {

    /** A resolved single sampling plan. */
    public record TableLookup(SamplingStandard standard, String edition, int lotSize, String inspectionLevel, String aql, Severity severity,
            String codeLetter, String planCodeLetter, int sampleSize, int acceptanceNumber, int rejectionNumber,
            boolean fullInspection) {
    }

    @GET
    @RolesAllowed("**")
    @Operation(operationId = "lookupSamplingPlan", summary = "Look up a single sampling plan", description = "Table 1 (code letter), then Table 2-A, 2-B"
            + " or 2-C by severity, following arrows; when the sample size reaches the lot size every unit is inspected."
            + " Reduced plans: ISO 2859-1:1999 Table 2-C (Re = Ac + 1) or, for standard ANSI_ASQ_Z1_4_2003, Table II-C"
            + " (Re may exceed Ac + 1).")
    public TableLookup lookup(@Parameter(example = "500") @QueryParam("lotSize") Integer lotSize,
            @Parameter(example = "II") @QueryParam("level") String level,
            @Parameter(example = "1.0") @QueryParam("aql") String aql,
            @Parameter(example = "NORMAL") @QueryParam("severity") Severity severity,
            @Parameter(description = "ISO_2859_1_1999 (default) or ANSI_ASQ_Z1_4_2003", example = "ANSI_ASQ_Z1_4_2003")
            @QueryParam("standard") String standard) {
        SamplingStandard std;
        try {
            std = standard == null ? SamplingStandard.ISO_2859_1_1999 : SamplingStandard.valueOf(standard);
        } catch (IllegalArgumentException e) {
            throw new ValidationProblem("standard", "one of ISO_2859_1_1999, ANSI_ASQ_Z1_4_2003");
        }
        if (lotSize == null || lotSize < 2) {
            throw new ValidationProblem("lotSize", "must be >= 2 (Table 1 starts at 2)");
        }
        InspectionLevel l;
        try {
            l = InspectionLevel.ofLabel(String.valueOf(level));
        } catch (IllegalArgumentException e) {
            throw new ValidationProblem("level", "one of I, II, III, S-1, S-2, S-3, S-4");
        }
        Aql a;
        try {
            a = Aql.of(String.valueOf(aql));
        } catch (RuntimeException e) {
            throw new ValidationProblem("aql", "a preferred AQL of ISO 2859-1 (0.010 ... 1000)");
        }
        SamplingTables tables = SamplingTables.of(std);
        Severity sev = severity == null ? Severity.NORMAL : severity;
        if (!tables.offers(sev)) {
            throw new ValidationProblem("severity", std.label() + " has no " + sev + " plans in Poka");
        }
        TablePlan p = tables.plan(lotSize, l, a, sev);
        return new TableLookup(std, std.label(), lotSize, l.label(), a.label(), p.severity(), p.codeLetter().name(),
                p.planCodeLetter().name(), p.sampleSize(), p.acceptanceNumber(), p.rejectionNumber(), p.fullInspection());
    }
}
