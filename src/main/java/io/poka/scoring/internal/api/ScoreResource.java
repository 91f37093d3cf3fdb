package io.poka.scoring.internal.api;

import io.poka.platform.ValidationProblem;
import io.poka.scoring.ScoredWindow;
import io.poka.scoring.internal.ScoringService;
import io.poka.scoring.internal.data.CsvTables;
import io.poka.scoring.internal.data.NumericTable;
import io.poka.scoring.internal.data.UnusableData;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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

/** Batch scoring over REST: rows in, per row score, threshold, anomalous flag and top contributors out. */
@Path("/api/v1/scoring/lines/{line}/score")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scoring")
public class ScoreResource {

    /** JSON rows: one array of numbers per time step, null = missing, in the order of {@code variables}. */
    public record Rows(List<String> variables, List<List<Double>> rows) {
    }

    private final ScoringService scoring;

    ScoreResource(ScoringService scoring) {
        this.scoring = scoring;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("**")
    @Operation(operationId = "scoreRows", summary = "Score JSON rows with the line's active model (or ?modelId=)")
    public ScoredWindow scoreJson(@PathParam("line") String line, @QueryParam("modelId") UUID modelId, Rows body) {
        if (body == null || body.variables() == null || body.rows() == null) {
            throw new ValidationProblem("body", "variables and rows are required");
        }
        CsvTables.checkHeader(body.variables());
        double[][] rows = new double[body.rows().size()][];
        for (int i = 0; i < rows.length; i++) {
            List<Double> row = body.rows().get(i);
            if (row == null || row.size() != body.variables().size()) {
                throw new UnusableData("ragged-row", "Row " + i + " must have " + body.variables().size() + " values")
                        .at("row", i);
            }
            rows[i] = row.stream().mapToDouble(v -> v == null ? Double.NaN : v).toArray();
        }
        return scoring.score(line, modelId, new NumericTable(body.variables(), rows));
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed("**")
    @Operation(operationId = "scoreRows", summary = "Score CSV rows (header = variable names) with the line's active model (or ?modelId=)")
    public ScoredWindow scoreCsv(@PathParam("line") String line, @QueryParam("modelId") UUID modelId, String csv) {
        return scoring.score(line, modelId, CsvTables.parse(csv));
    }
}
