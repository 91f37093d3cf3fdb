package io.poka.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.audit.internal.chain.EntryContent;
import io.poka.audit.internal.chain.HashChain;
import io.poka.lots.LotFixtures;
import io.poka.platform.Roles;
import io.poka.platform.Signature;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A superuser who rewrites an entry and recomputes every later hash, the signature bindings and the chain head leaves
 * a chain that verifies on its own; a signed checkpoint of the chain head taken before (kept in the audit schema and
 * sent on the quality-events topic) exposes the rewrite, and verifies offline with the published key.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class CheckpointTest {

    @Test
    void aCheckpointIsSignedStoredAndVerifiesOfflineWithThePublicKey() throws Exception {
        AuditTestSupport.newUser(Roles.INSPECTOR);
        JsonPath cp = Api.asAdmin().post("/api/v1/audit/checkpoints").then().statusCode(201).extract().jsonPath();
        long head = AuditTestSupport.head();
        assertEquals(head - 1, cp.getLong("sequence"), "the checkpoint names the chain head before its own entry");
        List<Map<String, Object>> audited = AuditTestSupport.history("AuditCheckpoint", cp.getString("id"));
        assertEquals("PUBLISHED", audited.get(0).get("action"));
        assertEquals("admin", audited.get(0).get("userId"));
        assertEquals(head, ((Number) audited.get(0).get("sequence")).longValue());
        String payload = cp.getString("payload");
        assertTrue(payload.contains("\"hash\":\"" + cp.getString("hash") + "\""), payload);
        assertTrue(verifies(payload, cp.getString("signature")), "the payload's Ed25519 signature verifies");
        assertFalse(verifies(payload.replace(cp.getString("hash"), "0".repeat(64)), cp.getString("signature")),
                "a changed payload does not verify");

        JsonPath latest = Api.asAdmin().get("/api/v1/audit/checkpoints/latest").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(cp.getString("id"), latest.getString("id"));
        Api.as(AuditTestSupport.newUser(Roles.INSPECTOR), AuditTestSupport.PASSWORD)
                .post("/api/v1/audit/checkpoints").then().statusCode(403);
    }

    @Test
    void aCheckpointIsSentOnTheQualityEventsTopicAsAuditCheckpointPublishedAndVerifiesOffline() throws Exception {
        Api.asAdmin().post("/api/v1/audit/checkpoints").then().statusCode(201);
        String found = LotFixtures.awaitOnKafka("audit-chain", "AuditCheckpointPublished", 30);
        assertTrue(found != null, "AuditCheckpointPublished reached the topic");
        JsonPath event = JsonPath.from(found);
        assertTrue(verifies(event.getString("data.payload"), event.getString("data.signature")),
                "the checkpoint from Kafka verifies offline with the public key");
        String stored = Api.asAdmin().get("/api/v1/audit/checkpoints/" + event.getString("data.id")).then()
                .statusCode(200).extract().path("payload");
        assertEquals(stored, event.getString("data.payload"), "the same signed bytes as the stored checkpoint");
    }

    @Test
    void aRewrittenAndRehashedHistoryFailsVerificationAgainstTheCheckpoint() throws Exception {
        String victim = AuditTestSupport.newUser(Roles.INSPECTOR);
        long sequence = ((Number) AuditTestSupport.history("User", victim).get(0).get("sequence")).longValue();
        AuditTestSupport.newUser(Roles.INSPECTOR);
        String checkpoint = Api.asAdmin().post("/api/v1/audit/checkpoints").then().statusCode(201).extract()
                .path("id");
        AuditTestSupport.newUser(Roles.INSPECTOR);

        List<Object[]> original = new ArrayList<>();
        try (Connection c = AuditTestSupport.superuser()) {
            c.setAutoCommit(false);
            rewriteAndRehash(c, sequence, original);
            c.commit();
        }
        try {
            assertTrue(AuditTestSupport.verify("?checkpoint=none").getBoolean("valid"),
                    "without a checkpoint the rehashed chain verifies: the attack is invisible to the walk alone");
            JsonPath against = AuditTestSupport.verify("?checkpoint=" + checkpoint);
            assertFalse(against.getBoolean("valid"), "the rewrite is detected against the checkpoint");
            assertEquals("CHECKPOINT_MISMATCH", against.getString("checkpoint.problem"));
            assertEquals(checkpoint, against.getString("checkpoint.id"));
            assertTrue(against.getBoolean("checkpoint.signatureValid"));
            org.junit.jupiter.api.Assertions.assertNull(against.get("firstBroken"), "the recomputed chain is consistent in itself");
            JsonPath latest = AuditTestSupport.verify("");
            assertFalse(latest.getBoolean("valid"), "the default verification uses the latest checkpoint");
        } finally {
            try (Connection c = AuditTestSupport.superuser()) {
                restore(c, original);
            }
        }
        assertTrue(AuditTestSupport.verify("").getBoolean("valid"), "the chain verifies again once restored");
    }

    private static boolean verifies(String payload, String signatureBase64) throws Exception {
        String pem = Api.asAdmin().get("/api/v1/audit/public-key").then().statusCode(200).extract().asString();
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        java.security.Signature v = java.security.Signature.getInstance("Ed25519");
        v.initVerify(key);
        v.update(payload.getBytes(StandardCharsets.UTF_8));
        return v.verify(Base64.getDecoder().decode(signatureBase64));
    }

    /**
     * The attack: with the triggers off, change entry {@code from}'s after state, recompute it and every later hash
     * and link, re-bind the signatures and move the chain head, all under the chain head's lock.
     */
    private static void rewriteAndRehash(Connection c, long from, List<Object[]> original) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("select 1 from audit.chain_head where id = 1 for update");
            s.execute("alter table audit.entry disable trigger user");
            s.execute("alter table audit.signature disable trigger user");
        }
        String previous;
        try (PreparedStatement ps = c.prepareStatement("select hash from audit.entry where sequence = ?")) {
            ps.setLong(1, from - 1);
            try (ResultSet rs = ps.executeQuery()) {
                previous = rs.next() ? rs.getString(1) : HashChain.GENESIS;
            }
        }
        List<EntryContent> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select sequence, recorded_at, user_id, printed_name,"
                + " entity_type, entity_id, action, before_state::text, after_state::text, reason, signer,"
                + " signer_printed_name, signature_meaning, signed_at, previous_hash, hash from audit.entry"
                + " where sequence >= ? order by sequence")) {
            ps.setLong(1, from);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    original.add(new Object[] { rs.getLong(1), rs.getString(9), rs.getString(15), rs.getString(16) });
                    Signature sig = rs.getString(11) == null ? null
                            : new Signature(rs.getString(11), rs.getString(12),
                                    Signature.Meaning.valueOf(rs.getString(13)),
                                    rs.getObject(14, OffsetDateTime.class).toInstant());
                    rows.add(new EntryContent(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9), rs.getString(10), sig, rs.getString(15)));
                }
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            EntryContent e = rows.get(i);
            String after = i == 0 ? e.afterJson().replace("Test inspector", "Mallory") : e.afterJson();
            EntryContent forged = new EntryContent(e.sequence(), e.recordedAt(), e.userId(), e.printedName(),
                    e.entityType(), e.entityId(), e.action(), e.beforeJson(), after, e.reason(), e.signature(),
                    previous);
            String hash = HashChain.hash(forged);
            try (PreparedStatement ps = c.prepareStatement("update audit.entry set after_state = cast(? as jsonb),"
                    + " previous_hash = ?, hash = ? where sequence = ?")) {
                ps.setString(1, after);
                ps.setString(2, previous);
                ps.setString(3, hash);
                ps.setLong(4, e.sequence());
                ps.executeUpdate();
            }
            previous = hash;
        }
        try (Statement s = c.createStatement()) {
            s.execute("update audit.signature s set entry_hash = e.hash from audit.entry e"
                    + " where e.sequence = s.entry_sequence and s.entry_sequence >= " + from);
            s.execute("update audit.chain_head set last_hash = (select hash from audit.entry order by sequence desc"
                    + " limit 1) where id = 1");
            s.execute("alter table audit.entry enable trigger user");
            s.execute("alter table audit.signature enable trigger user");
        }
        assertTrue(rows.get(0).afterJson().contains("Test inspector"), rows.get(0).afterJson());
    }

    private static void restore(Connection c, List<Object[]> original) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("select 1 from audit.chain_head where id = 1 for update");
            s.execute("alter table audit.entry disable trigger user");
            s.execute("alter table audit.signature disable trigger user");
        }
        try (PreparedStatement ps = c.prepareStatement("update audit.entry set after_state = cast(? as jsonb),"
                + " previous_hash = ?, hash = ? where sequence = ?")) {
            for (Object[] row : original) {
                ps.setString(1, (String) row[1]);
                ps.setString(2, (String) row[2]);
                ps.setString(3, (String) row[3]);
                ps.setLong(4, (Long) row[0]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("update audit.signature s set entry_hash = e.hash from audit.entry e"
                    + " where e.sequence = s.entry_sequence");
            s.execute("update audit.chain_head set last_hash = (select hash from audit.entry order by sequence desc"
                    + " limit 1) where id = 1");
            s.execute("alter table audit.entry enable trigger user");
            s.execute("alter table audit.signature enable trigger user");
        }
        c.commit();
    }
}
