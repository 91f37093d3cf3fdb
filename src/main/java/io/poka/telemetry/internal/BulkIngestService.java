package io.poka.telemetry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.platform.ValidationProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
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

    /** Streams a CSV body into rows (refusing more than the bulk limit while reading), then as {@link #ingest}. */
    public BulkResult ingestCsv(java.io.Reader body, Policy policy) throws SQLException {
        return ingest(CsvReadings.parse(body, config.bulkMaxRows()), policy);
    }

    public BulkResult ingest(List<? extends JsonNode> rows, Policy policy) throws SQLException {
        if (rows.size() > config.bulkMaxRows()) {
            throw new ValidationProblem("body", "at most " + config.bulkMaxRows() + " rows per request");
        }
        List<Row> valid = new ArrayList<>(rows.size());
        List<RowError> errors = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            try {
                valid.add(new Row(i + 1, parser.parse(row)));
            } catch (ReadingParser.InvalidReading e) {
                JsonNode id = row == null ? null : row.get("readingId");
                errors.add(new RowError(i + 1, id != null && id.isTextual() ? id.asText() : null, e.code(), e.getMessage()));
            }
        }
        if (policy == Policy.ALL_OR_NOTHING && !errors.isEmpty()) {
            throw allOrNothing(errors, rows.size());
        }
        try {
            IngestService.Outcome outcome = ingest.ingest(readings(valid));
            return new BulkResult(policy, rows.size(), outcome.stored(), outcome.duplicates(), errors.size(), errors);
        } catch (SQLException | RuntimeException e) {
            if (DatabaseRefusal.in(e).isEmpty()) {
                throw e;
            }
        }
        try {
            return policy == Policy.ALL_OR_NOTHING ? refusedAll(valid, rows.size())
                    : storedPerRow(valid, errors, rows.size());
        } catch (UncheckedSql e) {
            throw (SQLException) e.getCause();
        }
    }

    /** A valid reading and its 1-based row number. */
    private record Row(int number, Reading reading) {
    }

    /** The database refused the request's batch: store what it takes, row by row groups, and list what it refused. */
    private BulkResult storedPerRow(List<Row> valid, List<RowError> errors, int received) {
        int[] counts = new int[2];
        List<RowError> refused = new ArrayList<>();
        RefusalIsolation.store(valid, part -> {
            try {
                IngestService.Outcome outcome = ingest.ingest(readings(part));
                counts[0] += outcome.stored();
                counts[1] += outcome.duplicates();
            } catch (SQLException e) {
                throw DatabaseRefusal.in(e).orElseThrow(() -> new UncheckedSql(e));
            } catch (RuntimeException e) {
                throw DatabaseRefusal.in(e).orElseThrow(() -> e);
            }
        }, (row, refusal) -> refused.add(refusedRow(row, refusal)));
        List<RowError> all = new ArrayList<>(errors);
        all.addAll(refused);
        all.sort(Comparator.comparingInt(RowError::row));
        return new BulkResult(Policy.PER_ROW, received, counts[0], counts[1], all.size(), all);
    }

    /** The database refused a request that must store all or nothing: find the rows it refuses, store nothing. */
    private BulkResult refusedAll(List<Row> valid, int received) {
        List<RowError> refused = new ArrayList<>();
        RefusalIsolation.store(valid, part -> {
            try {
                ingest.probe(readings(part));
            } catch (SQLException e) {
                throw new UncheckedSql(e);
            }
        }, (row, refusal) -> refused.add(refusedRow(row, refusal)));
        throw allOrNothing(refused, received);
    }

    private static RowError refusedRow(Row row, DatabaseRefusal refusal) {
        return new RowError(row.number(), row.reading().readingId(), ReadingsConsumer.REFUSED,
                "the database refused the reading (SQLState " + refusal.sqlState() + "): " + refusal.getMessage());
    }

    private static ValidationProblem allOrNothing(List<RowError> errors, int received) {
        return new ValidationProblem(errors.size() + " of " + received + " rows are invalid; nothing was stored",
                errors.stream().map(e -> new ValidationProblem.FieldError("row " + e.row(), e.reason())).toList());
    }

    private static List<Reading> readings(List<Row> rows) {
        List<Reading> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(r.reading());
        }
        return out;
    }

    /** A database failure that is not a refusal, carried out of the isolation callback. */
    private static final class UncheckedSql extends RuntimeException {
        UncheckedSql(SQLException cause) {
            super(cause);
        }
    }
}
