package io.poka.telemetry.internal;

import java.sql.SQLException;
import java.util.Optional;

/**
 * The database refused a write for what it contains (SQLState class 22 data exception or 23 integrity constraint
 * violation, e.g. 22021 a NUL byte, 22008 a timestamp out of range), as opposed to not being reachable (class 08,
 * 57P01, a closed connection): a refusal fails again on every retry, so the reading must be set aside, while an
 * unreachable database is waited for.
 */
public class DatabaseRefusal extends Exception {
    private final String sqlState;

    DatabaseRefusal(String sqlState, String message, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    /** The SQLState the database answered, e.g. 22021. */
    public String sqlState() {
        return sqlState;
    }

    /** The refusal inside a failure (searching causes and chained SQL exceptions), if it is one. */
    static Optional<DatabaseRefusal> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseRefusal refusal) {
                return Optional.of(refusal);
            }
            for (SQLException e = t instanceof SQLException s ? s : null; e != null; e = e.getNextException()) {
                if (isContentRefusal(e.getSQLState())) {
                    return Optional.of(new DatabaseRefusal(e.getSQLState(), firstLine(e.getMessage()), failure));
                }
            }
        }
        return Optional.empty();
    }

    /** Class 22 (data exception) and 23 (integrity constraint violation) are about the data written. */
    static boolean isContentRefusal(String sqlState) {
        return sqlState != null && (sqlState.startsWith("22") || sqlState.startsWith("23"));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
