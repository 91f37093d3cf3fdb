package io.poka.telemetry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.poka.platform.Roles;
import io.poka.platform.ValidationProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reads stored sensor readings back, and accepts bulk uploads (JSON array or CSV) for systems without Kafka. */
@Path("/api/v1/telemetry/readings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Telemetry", description = "Sensor readings and the variable catalogue")
public class ReadingResource {
    private static final int MAX_LIMIT = 10_000;

    private final ReadingStore store;
    private final BulkIngestService bulk;
    private final ReadingSeriesQuery series;

    ReadingResource(ReadingStore store, BulkIngestService bulk, ReadingSeriesQuery series) {
        this.store = store;
        this.bulk = bulk;
        this.series = series;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
    @Operation(operationId = "findReadings", summary = "Readings of one line and variable in [from, to), oldest first")
    public List<Reading> find(@QueryParam("line") String line, @QueryParam("variable") String variable,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") Integer limit)
            throws SQLException {
        required(line, variable);
        int n = limit == null ? 1000 : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw new ValidationProblem("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return store.find(line, variable, instant("from", from, Instant.EPOCH),
                instant("to", to, Instant.parse("9999-12-31T00:00:00Z")), n);
    }

    @GET
    @Path("/series")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
    @Operation(operationId = "readingSeries",
            summary = "Readings of one line and variable in [from, to) as buckets, from raw readings or rollups",
            description = "Ranges up to poka.telemetry.storage.raw-series-max-range (6 h) come from the raw readings, "
                    + "one bucket per reading (source RAW, at most 50,000); up to minute-series-max-range (14 days) "
                    + "from the minute rollups (MINUTE), longer ones from the hour rollups (HOUR). A bucket: start, "
                    + "count, mean, min, max and sample standard deviation of its readings; rollups are kept longer "
                    + "than raw readings (poka.telemetry.storage.*-retention).")
    public io.poka.telemetry.ReadingSeries series(@QueryParam("line") String line,
            @QueryParam("variable") String variable, @QueryParam("from") String from, @QueryParam("to") String to)
            throws SQLException {
        required(line, variable);
        if (from == null || to == null) {
            throw new ValidationProblem(from == null ? "from" : "to", "is required");
        }
        Instant a = instant("from", from, null);
        Instant b = instant("to", to, null);
        if (!a.isBefore(b)) {
            throw new ValidationProblem("to", "must be after from");
        }
        return series.series(line, variable, a, b);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
    @Operation(operationId = "uploadReadings", summary = "Upload readings as a JSON array (schema poka.reading/v1 per element)",
            description = "policy=PER_ROW (default) stores the valid rows and lists the rejected ones; "
                    + "policy=ALL_OR_NOTHING stores nothing when any row is invalid (400 with every reason).")
    public BulkIngestService.BulkResult uploadJson(JsonNode body, @QueryParam("policy") String policy)
            throws SQLException {
        if (body == null || !body.isArray()) {
            throw new ValidationProblem("body", "must be a JSON array of readings");
        }
        List<JsonNode> rows = new ArrayList<>(body.size());
        body.forEach(rows::add);
        return bulk.ingest(rows, policy(policy));
    }

    @POST
    @Consumes("text/csv")
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
    @Operation(operationId = "uploadReadings", summary = "Upload readings as CSV with a header row of schema field names",
            description = "Same validation and policies as the JSON upload; rows are numbered from 1 after the header. "
                    + "Comma, semicolon, tab or whitespace delimiters are detected; quoted cells follow RFC 4180.")
    public BulkIngestService.BulkResult uploadCsv(java.io.InputStream body, @QueryParam("policy") String policy,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.HttpHeaders headers) throws SQLException {
        return bulk.ingestCsv(new java.io.InputStreamReader(body, charset(headers.getMediaType())), policy(policy));
    }

    /** The charset the Content-Type names (UTF-8 when it names none). */
    private static java.nio.charset.Charset charset(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return java.nio.charset.StandardCharsets.UTF_8;
        }
        try {
            return java.nio.charset.Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new ValidationProblem("Content-Type", "unknown charset '" + name + "'");
        }
    }

    private static void required(String line, String variable) {
        if (line == null || line.isBlank()) {
            throw new ValidationProblem("line", "is required");
        }
        if (variable == null || variable.isBlank()) {
            throw new ValidationProblem("variable", "is required");
        }
    }

    private static BulkIngestService.Policy policy(String value) {
        if (value == null || value.isBlank()) {
            return BulkIngestService.Policy.PER_ROW;
        }
        try {
            return BulkIngestService.Policy.valueOf(value.trim().toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ValidationProblem("policy", "must be PER_ROW or ALL_OR_NOTHING");
        }
    }

    private static Instant instant(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new ValidationProblem(name, "must be ISO-8601 with an offset, e.g. 2026-11-29T08:00:00Z");
        }
    }
}
