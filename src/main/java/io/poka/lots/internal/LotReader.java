package io.poka.lots.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.poka.lots.LotStatus;
import io.poka.lots.LotView;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads one lot for GET /api/v1/lots/{id} with one SELECT on a pooled connection, without a JTA transaction or a
 * Hibernate session: the profile of the lot read showed the transaction (begin, flush, commit) and the entity load
 * costing more CPU than the HTTP Basic check and the JSON together. A single row is consistent on its own, so the
 * read needs no transaction; what it answers is exactly what {@link LotService#view} makes of the entity.
 */
@ApplicationScoped
class LotReader {
    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() { };

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    LotReader(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** The lot as the API shows it, or empty when there is none. */
    Optional<LotView> find(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select source_system, external_id, product, quantity, unit,"
                        + " line, station, supplier, supplier_lot, production_start, production_end, attributes::text,"
                        + " status, status_before_hold, hold_reason, held_by, held_at, created_at, created_by,"
                        + " updated_at, version from lots.lot where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                LotStatus status = LotStatus.valueOf(rs.getString(13));
                String before = rs.getString(14);
                LotView.Hold hold = status.isHeld() ? new LotView.Hold(rs.getString(15), rs.getString(16),
                        instant(rs, 17), before == null ? null : LotStatus.valueOf(before)) : null;
                return Optional.of(new LotView(id, rs.getString(1), rs.getString(2), rs.getString(3),
                        plain(rs.getBigDecimal(4)), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), instant(rs, 10), instant(rs, 11), attributes(id, rs.getString(12)), status,
                        hold, instant(rs, 18), rs.getString(19), instant(rs, 20), rs.getLong(21)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading lot " + id + " failed", e);
        }
    }

    /** The quantity without the trailing zeros of the numeric(19, 6) column (500.000000 shows as 500). */
    static BigDecimal plain(BigDecimal q) {
        BigDecimal s = q.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** The stored attributes (a JSON object text) as a map. */
    static Map<String, Object> attributes(ObjectMapper json, UUID lot, String text) {
        try {
            return json.readValue(text, ATTRIBUTES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attributes of lot " + lot + " are not JSON", e);
        }
    }

    private Map<String, Object> attributes(UUID lot, String text) {
        return attributes(json, lot, text);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
