package io.poka.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * For tests that read audit.entry behind the application's back: audit entries are chained shortly after the commit
 * of their change (audit.journal to audit.entry), so such a test first waits until the journal is empty. Reads through
 * the audit API need no wait (they chain what was committed first).
 */
public final class AuditJournal {
    private AuditJournal() {
    }

    /** Waits (up to 30 s) until every committed audit journal entry has been chained. */
    public static void awaitChained() {
        long deadline = System.nanoTime() + 30_000_000_000L;
        try (Connection c = DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres");
                Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet rs = s.executeQuery("select exists (select 1 from audit.journal)")) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("audit.journal was not chained within 30 s");
                }
                Thread.sleep(10);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
