package io.poka.telemetry.internal;

import io.poka.platform.Roles;
import io.poka.platform.ValidationProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reads stored sensor readings back, by line, variable and time range. */
@Path("/api/v1/telemetry/readings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Telemetry", description = "Sensor readings")
public class ReadingResource {
    private static final int MAX_LIMIT = 10_000;

    private final ReadingStore store;

    ReadingResource(ReadingStore store) {
        this.store = store;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
    @Operation(summary = "Readings of one line and variable in [from, to), oldest first")
    public List<Reading> find(@QueryParam("line") String line, @QueryParam("variable") String variable,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") Integer limit)
            throws SQLException {
        if (line == null || line.isBlank()) {
            throw new ValidationProblem("line", "is required");
        }
        if (variable == null || variable.isBlank()) {
            throw new ValidationProblem("variable", "is required");
        }
        int n = limit == null ? 1000 : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw new ValidationProblem("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return store.find(line, variable, instant("from", from, Instant.EPOCH),
                instant("to", to, Instant.parse("9999-12-31T00:00:00Z")), n);
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
