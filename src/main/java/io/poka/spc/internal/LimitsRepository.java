package io.poka.spc.internal;

import io.agroal.api.AgroalDataSource;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.spc.BaselineCheck;
import io.poka.spc.ControlLimitsView;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** JDBC access to spc.limits; versions only grow, rows are never updated. Callers own the transaction. */
@ApplicationScoped
public class LimitsRepository {
    private static final String COLUMNS = "line, variable, version, chart_type, origin, center, sigma, subgroup_size, "
            + "sigma_multiplier, baseline_from, baseline_to, baseline_count, excluded, study_reference, frozen_at, frozen_by, "
            + "ar_phi, baseline_check, forecast_lambda";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    LimitsRepository(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    Optional<ControlLimitsView> current(String line, String variable) {
        return query("where line = ? and variable = ? order by version desc limit 1", line, variable).stream().findFirst();
    }

    Optional<ControlLimitsView> version(String line, String variable, int version) {
        return query("where line = ? and variable = ? and version = " + version, line, variable).stream().findFirst();
    }

    List<ControlLimitsView> versions(String line, String variable) {
        return query("where line = ? and variable = ? order by version", line, variable);
    }

    /** Stores the limits as the next version (serialised per variable by an advisory lock) and returns them. */
    ControlLimitsView insertNextVersion(ControlLimitsView v) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "spc.limits/" + v.line() + "/" + v.variable());
                lock.execute();
            }
            int next;
            try (PreparedStatement ps = c.prepareStatement(
                    "select coalesce(max(version), 0) + 1 from spc.limits where line = ? and variable = ?")) {
                ps.setString(1, v.line());
                ps.setString(2, v.variable());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    next = rs.getInt(1);
                }
            }
            ControlLimitsView stored = v.withVersion(next);
            try (PreparedStatement ps = c.prepareStatement("insert into spc.limits (" + COLUMNS + ") values "
                    + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)")) {
                int i = 1;
                ps.setString(i++, stored.line());
                ps.setString(i++, stored.variable());
                ps.setInt(i++, stored.version());
                ps.setString(i++, stored.chartType());
                ps.setString(i++, stored.origin());
                ps.setDouble(i++, stored.center());
                ps.setDouble(i++, stored.sigma());
                ps.setInt(i++, stored.subgroupSize());
                ps.setDouble(i++, stored.sigmaMultiplier());
                ps.setTimestamp(i++, stored.baselineFrom() == null ? null : Timestamp.from(stored.baselineFrom()));
                ps.setTimestamp(i++, stored.baselineTo() == null ? null : Timestamp.from(stored.baselineTo()));
                if (stored.baselineCount() == null) {
                    ps.setNull(i++, Types.INTEGER);
                } else {
                    ps.setInt(i++, stored.baselineCount());
                }
                ps.setArray(i++, c.createArrayOf("timestamptz",
                        stored.excluded().stream().map(Timestamp::from).toArray()));
                ps.setString(i++, stored.studyReference());
                ps.setTimestamp(i++, Timestamp.from(stored.frozenAt()));
                ps.setString(i++, stored.frozenBy());
                if (stored.arPhi() == null) {
                    ps.setNull(i++, Types.DOUBLE);
                } else {
                    ps.setDouble(i++, stored.arPhi());
                }
                ps.setString(i++, stored.baselineCheck() == null ? null
                        : json.writeValueAsString(stored.baselineCheck()));
                ps.setObject(i, stored.forecastLambda(), Types.DOUBLE);
                ps.executeUpdate();
            }
            return stored;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ControlLimitsView> query(String where, String line, String variable) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from spc.limits " + where)) {
            ps.setString(1, line);
            ps.setString(2, variable);
            List<ControlLimitsView> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int count = rs.getInt(12);
                    Integer baselineCount = rs.wasNull() ? null : count;
                    double phi = rs.getDouble(17);
                    Double arPhi = rs.wasNull() ? null : phi;
                    String check = rs.getString(18);
                    double lambda = rs.getDouble(19);
                    Double forecastLambda = rs.wasNull() ? null : lambda;
                    out.add(new ControlLimitsView(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5), rs.getDouble(6), rs.getDouble(7), rs.getInt(8), rs.getDouble(9),
                            instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)), baselineCount,
                            instants(rs.getArray(13)), rs.getString(14), instant(rs.getTimestamp(15)), rs.getString(16),
                            arPhi, check == null ? null : json.readValue(check, BaselineCheck.class), forecastLambda));
                }
            }
            return out;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static List<Instant> instants(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<Instant> out = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            out.add(((Timestamp) o).toInstant());
        }
        return out;
    }
}
