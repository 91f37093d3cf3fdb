package io.poka.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.platform.RecordChanged;
import io.poka.platform.Roles;
import io.poka.platform.Signature;
import io.poka.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The database refuses to change the trail, and a change made behind the application's back (triggers disabled by a
 * superuser) is detected and located by the verification endpoint.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class TamperEvidenceTest {
    @Inject
    Event<RecordChanged> changes;

    @Test
    void databaseRefusesUpdateDeleteAndTruncateOfTheTrail() throws SQLException {
        String user = AuditTestSupport.newUser(Roles.INSPECTOR);
        long sequence = ((Number) AuditTestSupport.history("User", user).get(0).get("sequence")).longValue();
        QuarkusTransaction.requiringNew().run(() -> changes.fire(new RecordChanged("Probe", user, "APPROVED", null,
                Map.of("ok", true), null, new Signature(user, "Test", Signature.Meaning.APPROVAL, Instant.now()))));
        Api.asAdmin().get("/api/v1/audit/public-key").then().statusCode(200);
        try (Connection c = AuditTestSupport.superuser(); Statement s = c.createStatement()) {
            for (String sql : List.of(
                    "update audit.entry set reason = 'rewritten' where sequence = " + sequence,
                    "delete from audit.entry where sequence = " + sequence,
                    "truncate audit.entry cascade",
                    "update audit.signature set entry_sequence = 1",
                    "delete from audit.signature",
                    "truncate audit.signature",
                    "delete from audit.chain_head",
                    "update audit.signing_key set public_key_pem = 'x'",
                    "delete from audit.signing_key")) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(sql), sql);
                assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
            }
        }
        assertEquals(2, AuditTestSupport.history("User", user).size(),
                "creation and the password change are still there: every refused statement changed nothing");
    }

    @Test
    void verificationNamesExactlyTheEntryChangedBehindTheApplicationsBack() throws SQLException {
        AuditTestSupport.newUser(Roles.INSPECTOR);
        String victim = AuditTestSupport.newUser(Roles.INSPECTOR);
        AuditTestSupport.newUser(Roles.INSPECTOR);
        Map<String, Object> entry = AuditTestSupport.history("User", victim).get(0);
        long sequence = ((Number) entry.get("sequence")).longValue();
        String storedHash = (String) entry.get("hash");
        assertTrue(AuditTestSupport.verify("").getBoolean("valid"), "the chain is intact before tampering");

        String original = afterState(sequence);
        try {
            AuditTestSupport.withTriggersDisabled("audit.entry", "update audit.entry set after_state = "
                    + "jsonb_set(after_state, '{displayName}', '\"Mallory\"') where sequence = " + sequence);

            JsonPath whole = AuditTestSupport.verify("");
            assertFalse(whole.getBoolean("valid"));
            assertEquals(sequence, whole.getLong("firstBroken.sequence"));
            assertEquals("HASH_MISMATCH", whole.getString("firstBroken.problem"));
            assertEquals(storedHash, whole.getString("firstBroken.storedHash"));
            assertNotEquals(storedHash, whole.getString("firstBroken.expectedHash"));

            JsonPath range = AuditTestSupport.verify("?from=" + sequence + "&to=" + (sequence + 1));
            assertFalse(range.getBoolean("valid"));
            assertEquals(sequence, range.getLong("firstBroken.sequence"));
            assertTrue(AuditTestSupport.verify("?from=" + (sequence + 1)).getBoolean("valid"),
                    "entries after the altered one still link to its stored hash");
            assertTrue(AuditTestSupport.verify("?from=1&to=" + (sequence - 1)).getBoolean("valid"));
        } finally {
            AuditTestSupport.withTriggersDisabled("audit.entry",
                    "update audit.entry set after_state = '" + original.replace("'", "''") + "'::jsonb where sequence = "
                            + sequence);
        }
        assertTrue(AuditTestSupport.verify("").getBoolean("valid"), "restoring the original content restores the chain");
    }

    @Test
    void aForgedEntryWithARecomputedHashIsLocatedAtTheNextLink() throws SQLException {
        String victim = AuditTestSupport.newUser(Roles.INSPECTOR);
        AuditTestSupport.newUser(Roles.INSPECTOR);
        long sequence = ((Number) AuditTestSupport.history("User", victim).get(0).get("sequence")).longValue();
        String storedHash = (String) AuditTestSupport.history("User", victim).get(0).get("hash");
        try {
            AuditTestSupport.withTriggersDisabled("audit.entry", "update audit.entry set hash = repeat('a', 64)"
                    + " where sequence = " + sequence);
            JsonPath result = AuditTestSupport.verify("");
            assertFalse(result.getBoolean("valid"));
            assertEquals(sequence, result.getLong("firstBroken.sequence"));
            assertEquals("HASH_MISMATCH", result.getString("firstBroken.problem"));
            JsonPath next = AuditTestSupport.verify("?from=" + (sequence + 1));
            assertEquals(sequence + 1, next.getLong("firstBroken.sequence"));
            assertEquals("PREVIOUS_HASH_MISMATCH", next.getString("firstBroken.problem"));
        } finally {
            AuditTestSupport.withTriggersDisabled("audit.entry", "update audit.entry set hash = '" + storedHash
                    + "' where sequence = " + sequence);
        }
        assertTrue(AuditTestSupport.verify("").getBoolean("valid"));
    }

    @Test
    void aDeletedEntryIsLocated() throws SQLException {
        String victim = AuditTestSupport.newUser(Roles.INSPECTOR);
        AuditTestSupport.newUser(Roles.INSPECTOR);
        long sequence = ((Number) AuditTestSupport.history("User", victim).get(0).get("sequence")).longValue();
        try (Connection c = AuditTestSupport.superuser(); Statement s = c.createStatement()) {
            s.execute("create temporary table kept as select * from audit.entry where sequence = " + sequence);
            s.execute("alter table audit.entry disable trigger user");
            try {
                s.execute("delete from audit.entry where sequence = " + sequence);
                JsonPath result = AuditTestSupport.verify("");
                assertFalse(result.getBoolean("valid"));
                assertEquals(sequence, result.getLong("firstBroken.sequence"));
                assertEquals("MISSING_ENTRY", result.getString("firstBroken.problem"));
            } finally {
                s.execute("insert into audit.entry select * from kept");
                s.execute("alter table audit.entry enable trigger user");
            }
        }
        assertTrue(AuditTestSupport.verify("").getBoolean("valid"));
    }

    private static String afterState(long sequence) throws SQLException {
        try (Connection c = AuditTestSupport.superuser();
                PreparedStatement ps = c.prepareStatement("select after_state::text from audit.entry where sequence = ?")) {
            ps.setLong(1, sequence);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
