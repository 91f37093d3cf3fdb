package io.poka.audit;

import io.poka.audit.internal.JdbcChainVerifier;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Verifies the whole audit chain of a database reached by a plain JDBC connection, without the running application:
 * what a restore uses to prove the restored trail is the one that was backed up.
 */
public final class AuditChainCheck {
    private AuditChainCheck() {
    }

    public static ChainVerification verify(Connection connection) throws SQLException {
        return JdbcChainVerifier.verify(connection);
    }
}
