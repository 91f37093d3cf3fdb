package io.poka.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.platform.RecordChanged;
import io.poka.platform.Roles;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every write path of the application at this time leaves an entry naming who, when, what, before and after. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AuditTrailWritePathsTest {
    @Inject
    Event<RecordChanged> changes;

    @Inject
    AuditApi audit;

    @Test
    void userAdministrationWritesOneEntryPerChangeWithWhoWhenBeforeAndAfter() {
        Instant start = Instant.now();
        // created by the admin and left with its temporary password: every change below is the admin's
        String user = "inspector-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Api.asAdmin().body(Map.of("username", user, "displayName", "Test inspector", "password", AuditTestSupport.PASSWORD,
                "roles", List.of(Roles.INSPECTOR))).post("/api/v1/users").then().statusCode(201);
        Api.asAdmin().body(Map.of("roles", List.of(Roles.INSPECTOR, Roles.QA_MANAGER)))
                .put("/api/v1/users/{u}/roles", user).then().statusCode(200);
        Api.asAdmin().body(Map.of("enabled", false)).put("/api/v1/users/{u}/enabled", user).then().statusCode(200);
        Api.asAdmin().body(Map.of("enabled", true)).put("/api/v1/users/{u}/enabled", user).then().statusCode(200);
        Api.asAdmin().body(Map.of("newPassword", "another-long-password")).put("/api/v1/users/{u}/password", user)
                .then().statusCode(204);
        Instant end = Instant.now();

        List<Map<String, Object>> history = AuditTestSupport.history("User", user);
        assertEquals(List.of("CREATED", "ROLES_CHANGED", "DISABLED", "ENABLED", "PASSWORD_RESET"),
                history.stream().map(e -> e.get("action")).toList());
        for (Map<String, Object> e : history) {
            assertEquals("admin", e.get("userId"));
            assertEquals("Administrator", e.get("printedName"));
            Instant at = Instant.parse((String) e.get("recordedAt"));
            assertFalse(at.isBefore(start.minusMillis(1)) || at.isAfter(end.plusMillis(1)), "recorded at " + at);
            assertNotNull(e.get("after"));
            assertFalse(e.toString().contains("passwordHash"), "no secrets in the trail");
        }
        assertNull(history.get(0).get("before"));
        assertEquals(user, field(history.get(0), "after", "username"));
        assertEquals(List.of(Roles.INSPECTOR), field(history.get(1), "before", "roles"));
        assertEquals(2, ((List<?>) field(history.get(1), "after", "roles")).size());
        assertEquals(true, field(history.get(2), "before", "enabled"));
        assertEquals(false, field(history.get(2), "after", "enabled"));
        List<Map<String, Object>> changed = (List<Map<String, Object>>) history.get(2).get("changes");
        assertEquals(List.of("enabled"), changed.stream().map(c -> c.get("field")).toList());
        assertTrue(((List<?>) history.get(4).get("changes")).stream()
                .anyMatch(c -> ((Map<?, ?>) c).get("field").equals("passwordChangedAt")));
    }

    @Test
    void lockoutIsRecordedAsSystemAndTheUnlockAsTheAdmin() {
        String user = AuditTestSupport.newUser(Roles.INSPECTOR);
        for (int i = 0; i < 5; i++) { // poka.platform.login.max-failed-attempts defaults to 5
            Api.as(user, "wrong-password-" + i).get("/api/v1/me").then().statusCode(401);
        }
        Api.asAdmin().post("/api/v1/users/{u}/unlock", user).then().statusCode(200);

        List<Map<String, Object>> history = AuditTestSupport.history("User", user);
        // PASSWORD_CHANGED: the user replaced the admin's temporary password (Api.createUser)
        assertEquals(List.of("CREATED", "PASSWORD_CHANGED", "LOCKED", "UNLOCKED"),
                history.stream().map(e -> e.get("action")).toList());
        Map<String, Object> locked = history.get(2);
        assertEquals("system", locked.get("userId"));
        assertEquals("5 consecutive failed logins", locked.get("reason"));
        assertNotNull(field(locked, "after", "lockedUntil"));
        Map<String, Object> unlocked = history.get(3);
        assertEquals("admin", unlocked.get("userId"));
        assertEquals(true, field(unlocked, "before", "locked"));
        assertEquals(false, field(unlocked, "after", "locked"));
    }

    @Test
    void aRolledBackChangeLeavesNoEntry() {
        String id = UUID.randomUUID().toString();
        long headBefore = audit.head().sequence();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            changes.fire(new RecordChanged("Probe", id, "CREATED", null, Map.of("n", 1), null));
            throw new IllegalStateException("the business change fails after it was audited");
        }));
        assertEquals(List.of(), audit.history("Probe", id));
        assertTrue(audit.head().sequence() >= headBefore);
        QuarkusTransaction.requiringNew().run(() -> changes.fire(
                new RecordChanged("Probe", id, "CREATED", null, Map.of("n", 2), null)));
        List<AuditEntry> kept = audit.history("Probe", id);
        assertEquals(1, kept.size());
        assertEquals(2, kept.get(0).after().get("n").asInt());
        assertEquals("system", kept.get(0).userId());
        assertTrue(audit.verify(kept.get(0).sequence() - 1 < 1 ? 1 : kept.get(0).sequence() - 1, null).valid());
    }

    @Test
    void otherModulesCanReadAndVerifyInsideTheirOwnTransactionAndSeeTheirEntryOnceCommitted() {
        String id = UUID.randomUUID().toString();
        ChainVerification inside = QuarkusTransaction.requiringNew().call(() -> {
            changes.fire(new RecordChanged("Probe", id, "CREATED", null, Map.of("n", 1), null));
            // the entry is journaled with the change and chained after its commit: not in the chain yet
            assertEquals(List.of(), audit.history("Probe", id));
            return audit.verify(null, null);
        });
        assertTrue(inside.valid(), "reading and verifying inside an open transaction works (no wait on itself)");
        List<AuditEntry> committed = audit.history("Probe", id);
        assertEquals(1, committed.size(), "once committed, the entry is in the chain");
        long own = committed.get(0).sequence();
        ChainVerification after = audit.verify(own, own);
        assertTrue(after.valid());
        assertEquals(1, after.entriesChecked());
    }

    @Test
    void aChangeFiredOutsideATransactionIsRefused() {
        String id = UUID.randomUUID().toString();
        assertThrows(RuntimeException.class,
                () -> changes.fire(new RecordChanged("Probe", id, "CREATED", null, Map.of("n", 1), null)));
        assertEquals(List.of(), audit.history("Probe", id));
    }

    private static Object field(Map<String, Object> entry, String state, String name) {
        return ((Map<?, ?>) entry.get(state)).get(name);
    }
}
