package io.poka.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.platform.RecordChanged;
import io.poka.platform.Signature;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A signature is bound to the hash of the entry it signs, so moving it to another record is detected (11.70). */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class SignatureBindingTest {
    @Inject
    Event<RecordChanged> changes;

    @Inject
    AuditApi audit;

    @Test
    void aSignedChangeStoresTheManifestationBoundToTheEntryHash() {
        String lot = "L-" + UUID.randomUUID();
        Instant signedAt = Instant.parse("2026-11-29T08:00:00.123456789Z");
        signedRelease(lot, signedAt);

        List<AuditSignature> signatures = audit.signatures("Lot", lot);
        assertEquals(1, signatures.size());
        AuditSignature s = signatures.get(0);
        AuditEntry entry = audit.history("Lot", lot).get(0);
        assertEquals(entry.hash(), s.boundHash());
        assertTrue(s.bound());
        assertEquals("qa-lead", s.username());
        assertEquals("Quinn Lead", s.printedName());
        assertEquals(Signature.Meaning.APPROVAL, s.meaning());
        assertEquals(Instant.parse("2026-11-29T08:00:00.123456Z"), s.signedAt(), "kept at microsecond precision");
        assertEquals(s.signedAt(), entry.signature().signedAt());

        Api.asAdmin().get("/api/v1/audit/entities/Lot/{id}/signatures", lot).then().statusCode(200)
                .body("[0].boundHash", org.hamcrest.Matchers.equalTo(entry.hash()))
                .body("[0].meaning", org.hamcrest.Matchers.equalTo("APPROVAL"));
    }

    @Test
    void movingASignatureToAnotherEntryIsDetected() throws SQLException {
        String signedLot = "L-" + UUID.randomUUID();
        String otherLot = "L-" + UUID.randomUUID();
        signedRelease(signedLot, Instant.now());
        QuarkusTransaction.requiringNew().run(() -> changes.fire(new RecordChanged("Lot", otherLot, "REJECTED",
                Map.of("status", "HELD"), Map.of("status", "REJECTED"), "failed inspection")));
        AuditEntry signed = audit.history("Lot", signedLot).get(0);
        AuditEntry other = audit.history("Lot", otherLot).get(0);
        assertTrue(audit.verify(signed.sequence(), other.sequence()).valid());

        String move = "update audit.signature set entry_sequence = %d where entry_sequence = %d";
        try {
            AuditTestSupport.withTriggersDisabled("audit.signature",
                    move.formatted(other.sequence(), signed.sequence()));
            JsonPath moved = AuditTestSupport.verify("?from=" + signed.sequence() + "&to=" + other.sequence());
            assertFalse(moved.getBoolean("valid"));
            assertNull(moved.get("firstBroken"), "the entries themselves are intact");
            assertEquals(other.sequence(), moved.getLong("firstBrokenSignature.entrySequence"));
            assertEquals("BOUND_HASH_MISMATCH", moved.getString("firstBrokenSignature.problem"));
            assertEquals(signed.hash(), moved.getString("firstBrokenSignature.boundHash"));
            assertEquals(other.hash(), moved.getString("firstBrokenSignature.expectedHash"));
            assertFalse(audit.signatures("Lot", otherLot).get(0).bound());

            AuditTestSupport.withTriggersDisabled("audit.signature", "update audit.signature set entry_hash = '"
                    + other.hash() + "' where entry_sequence = " + other.sequence());
            JsonPath rebound = AuditTestSupport.verify("?from=" + signed.sequence() + "&to=" + other.sequence());
            assertEquals("MANIFESTATION_MISMATCH", rebound.getString("firstBrokenSignature.problem"),
                    "re-binding to the other hash fails too: that entry's hashed content records no signature");
        } finally {
            AuditTestSupport.withTriggersDisabled("audit.signature", "update audit.signature set entry_sequence = "
                    + signed.sequence() + ", entry_hash = '" + signed.hash() + "' where entry_sequence = "
                    + other.sequence());
        }
        assertTrue(audit.verify(null, null).valid());
        assertTrue(audit.signatures("Lot", signedLot).get(0).bound());
    }

    private void signedRelease(String lot, Instant signedAt) {
        QuarkusTransaction.requiringNew().run(() -> changes.fire(new RecordChanged("Lot", lot, "RELEASED",
                Map.of("status", "HELD"), Map.of("status", "RELEASED"), "inspection passed",
                new Signature("qa-lead", "Quinn Lead", Signature.Meaning.APPROVAL, signedAt))));
    }
}
