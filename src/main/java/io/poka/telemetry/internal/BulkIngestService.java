package io.poka.telemetry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.platform.ValidationProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The REST bulk path for systems without Kafka: the very validator of the Kafka path, then one transaction.
 * Policy PER_ROW stores the valid rows and reports the others; ALL_OR_NOTHING stores nothing if any row is invalid.
 */
@ApplicationScoped
public class BulkIngestService {

    /** How a bulk request treats invalid rows. */
    public enum Policy { PER_ROW, ALL_OR_NOTHING }

    /** One rejected row: 1-based row number (CSV: data rows after the header), its id if readable, and why. */
    public record RowError(int row, String readingId, String code, String reason) {
    }

    /** Answer of a bulk request. */
    public record BulkResult(Policy policy, int received, int accepted, int duplicates, int rejected,
            List<RowError> errors) {
    }

    private final IngestService ingest;
    private final ReadingParser parser;
    private final TelemetryConfig config;

    BulkIngestService(IngestService ingest, CatalogueService catalogue, ObjectMapper json, Clock clock,
            TelemetryConfig config) {
        this.ingest = ingest;
        this.config = config;
        this.parser = new ReadingParser(json, clock, config.maxFutureSkew(), catalogue::lookup);
    }

    public BulkResult ingest(List<? extends JsonNode> rows, Policy policy) throws SQLException {
        if (rows.size() > config.bulkMaxRows()) {
            throw new ValidationProblem("body", "at most " + config.bulkMaxRows() + " rows per request");
        }
        List<Reading> valid = new ArrayList<>(rows.size());
        List<RowError> errors = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            try {
                valid.add(parser.parse(row));
            } catch (ReadingParser.InvalidReading e) {
                JsonNode id = row == null ? null : row.get("readingId");
                errors.add(new RowError(i + 1, id != null && id.isTextual() ? id.asText() : null, e.code(), e.getMessage()));
            }
        }
        if (policy == Policy.ALL_OR_NOTHING && !errors.isEmpty()) {
            throw new ValidationProblem(errors.size() + " of " + rows.size() + " rows are invalid; nothing was stored",
                    errors.stream().map(e -> new ValidationProblem.FieldError("row " + e.row(), e.reason())).toList());
        }
        IngestService.Outcome outcome = ingest.ingest(valid);
        return new BulkResult(policy, rows.size(), outcome.stored(), outcome.duplicates(), errors.size(), errors);
    }
}
