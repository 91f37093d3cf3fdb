package io.poka.notifications.internal;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The module's few JDBC patterns in one place (statements on the transaction's connection, Instants as timestamps,
 * SQL errors as unchecked), so the stores hold only their SQL and row mapping.
 */
@ApplicationScoped
class Jdbc {
    /** Maps the current row of a result set. */
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Sets parameters that need the connection (arrays); the plain ones are bound from {@code args}. */
    interface Binder {
        void bind(Connection c, PreparedStatement ps) throws SQLException;
    }

    private final AgroalDataSource dataSource;

    Jdbc(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> List<T> query(String sql, Row<T> row, Object... args) {
        return run(sql, (c, ps) -> bind(ps, args), ps -> {
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            return out;
        });
    }

    long count(String sql, Object... args) {
        return query(sql, rs -> rs.getLong(1), args).get(0);
    }

    void update(String sql, Object... args) {
        update(sql, (c, ps) -> bind(ps, args));
    }

    void update(String sql, Binder binder) {
        run(sql, binder, PreparedStatement::executeUpdate);
    }

    private interface Work<T> {
        T on(PreparedStatement ps) throws SQLException;
    }

    private <T> T run(String sql, Binder binder, Work<T> work) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(c, ps);
            return work.on(ps);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i] instanceof Instant t ? Timestamp.from(t) : args[i]);
        }
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
