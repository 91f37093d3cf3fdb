package io.poka.capa;

import static io.poka.capa.CapaFixtures.asQa;
import static io.poka.capa.CapaFixtures.close;
import static io.poka.capa.CapaFixtures.detail;
import static io.poka.capa.CapaFixtures.evaluate;
import static io.poka.capa.CapaFixtures.move;
import static io.poka.capa.CapaFixtures.open;
import static io.poka.capa.CapaFixtures.startWindow;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.capa.internal.CapaScheduler;
import io.poka.lots.LotFixtures;
import io.poka.notifications.NotificationsProfile;
import io.poka.notifications.TestSmtpServer;
import io.poka.testing.AdjustableClock;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A CAPA's life over the API: every move and refusal of its status machine, the closure that needs a passed
 * effectiveness check and a QA manager's signature, the events and the audit trail, and the overdue escalation.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@TestProfile(NotificationsProfile.class)
class CapaLifecycleTest {
    @Inject
    AdjustableClock clock;
    @Inject
    CapaScheduler scheduler;

    private Map<String, Object> cleanChart(String line) {
        TelemetryFixtures.defineVariable(line, "temp", "degC", "");
        TelemetryFixtures.enterLimits(line, "temp", 0.0, 1.0);
        return Map.of("kind", "NO_RULE_VIOLATION", "line", line, "variable", "temp", "days", 14);
    }

    @Test
    void aCapaIsClosedOnlyAfterAPassedCheckAndWithTheQaManagersSignature() {
        String line = TelemetryFixtures.newLine();
        String id = open("Replace feed valve", clock.instant().plus(Duration.ofDays(30)), cleanChart(line));
        JsonPath opened = detail(id);
        assertEquals("OPEN", opened.getString("capa.status"));
        assertTrue(opened.getString("capa.number").matches("CAPA-\\d{4}-\\d{4}"), opened.getString("capa.number"));

        move(id, "EFFECTIVENESS_PENDING").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.equalTo("urn:poka:problem:capa/illegal-transition"))
                .body("allowed", org.hamcrest.Matchers.contains("IN_PROGRESS", "IMPLEMENTED"));
        Instant start = startWindow(id);

        assertEquals("NOT_YET", evaluate(id).getString("result"), "the 14-day window has just begun");
        close(id, CapaFixtures.PASSWORD).then().statusCode(409)
                .body("type", org.hamcrest.Matchers.equalTo("urn:poka:problem:capa/effectiveness-not-proven"))
                .body("latestResult", org.hamcrest.Matchers.equalTo("NOT_YET"));

        clock.advance(Duration.ofHours(1));
        TelemetryFixtures.postValues(line, "temp", "degC", start.plusSeconds(600), List.of(0.1, -0.4, 0.3, 0.2, -0.1));
        clock.advance(Duration.ofDays(14));
        JsonPath passed = evaluate(id);
        assertEquals("PASSED", passed.getString("result"));
        assertEquals(0.0, passed.getDouble("measuredValue"));
        assertEquals(start, Instant.parse(passed.getString("dataFrom")));
        assertEquals(start.plus(Duration.ofDays(14)), Instant.parse(passed.getString("dataTo")));

        close(id, "not-the-password").then().statusCode(403)
                .body("type", org.hamcrest.Matchers.equalTo("urn:poka:problem:signature/reauthentication-failed"));
        assertEquals("EFFECTIVENESS_PENDING", detail(id).getString("capa.status"), "a refused closure changes nothing");
        Api.as(CapaFixtures.owner(), CapaFixtures.PASSWORD)
                .body(Map.of("reason", "x", "signature", Map.of("password", CapaFixtures.PASSWORD)))
                .post("/api/v1/capas/" + id + "/closure").then().statusCode(403);
        asQa().body(Map.of("to", "CLOSED")).post("/api/v1/capas/" + id + "/transitions").then().statusCode(400);

        close(id, CapaFixtures.PASSWORD).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("CLOSED"))
                .body("closedBy", org.hamcrest.Matchers.equalTo(CapaFixtures.qa()));
        JsonPath closed = detail(id);
        Map<String, Object> last = closed.getMap("history[-1]");
        assertEquals("CLOSED", last.get("to"));
        assertEquals(CapaFixtures.qa(), last.get("signedBy"));
        assertEquals("APPROVAL", last.get("signatureMeaning"));
        assertEquals(List.of("REOPENED"), closed.getList("allowedTransitions"));
        assertEquals(List.of("CapaOpened", "EffectivenessChecked", "EffectivenessChecked", "CapaClosed"),
                LotFixtures.outboxTypes(id));
        List<List<Object>> audit = LotFixtures.query("select action from audit.entry where entity_type = 'Capa'"
                + " and entity_id = ? order by sequence", id);
        assertEquals(List.of("CREATED", "MOVED_TO_IN_PROGRESS", "MOVED_TO_IMPLEMENTED",
                "MOVED_TO_EFFECTIVENESS_PENDING", "CLOSED"), audit.stream().map(r -> r.get(0)).toList());
    }

    @Test
    void movesOutsideTheMachineAndEvaluationsOutsideTheWindowAreRefusedAndChangeNothing() {
        String id = open("Retrain operators", clock.instant().plus(Duration.ofDays(10)), null);
        move(id, "IN_PROGRESS").then().statusCode(200);
        move(id, "IN_PROGRESS").then().statusCode(409);
        move(id, "REOPENED").then().statusCode(409);
        asQa().body(Map.of("to", "OPEN")).post("/api/v1/capas/" + id + "/transitions").then().statusCode(400);
        asQa().post("/api/v1/capas/" + id + "/evaluations").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.equalTo("urn:poka:problem:capa/not-in-effectiveness-window"));
        move(id, "IMPLEMENTED").then().statusCode(200);
        move(id, "EFFECTIVENESS_PENDING").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.equalTo("urn:poka:problem:capa/no-effectiveness-criterion"));
        asQa().body(Map.of("to", "EFFECTIVENESS_PENDING", "criterion", Map.of("kind", "CPK_AT_LEAST", "line", "L1")))
                .post("/api/v1/capas/" + id + "/transitions").then().statusCode(400)
                .body("errors.field", hasItem("criterion.minCpk")).body("errors.field", hasItem("criterion.count"));
        long version = detail(id).getLong("capa.version");
        asQa().body(Map.of("to", "IN_PROGRESS", "version", version - 1)).post("/api/v1/capas/" + id + "/transitions")
                .then().statusCode(409).body("type", org.hamcrest.Matchers.equalTo("urn:poka:problem:capa/stale-version"));
        JsonPath after = detail(id);
        assertEquals("IMPLEMENTED", after.getString("capa.status"));
        assertEquals(3, after.getList("history").size(), "OPEN, IN_PROGRESS, IMPLEMENTED and nothing of the refusals");
        // back to work: IMPLEMENTED -> IN_PROGRESS, and a manual reopening needs a reason
        move(id, "IN_PROGRESS").then().statusCode(200);
    }

    @Test
    void anErpRetryWithTheSameIdempotencyKeyAnswersTheFirstCapaAndAnotherBodyIsRefused() {
        String key = "erp-capa-" + java.util.UUID.randomUUID();
        Map<String, Object> body = Map.of("kind", "CORRECTIVE", "title", "Retried from ERP " + key, "owner",
                CapaFixtures.owner(), "dueAt", "2027-01-01T00:00:00Z");
        long before = (Long) LotFixtures.query("select count(*) from capa.capa").get(0).get(0);
        io.restassured.response.Response first = asQa().header("Idempotency-Key", key).body(body).post("/api/v1/capas");
        first.then().statusCode(201);
        String id = first.path("id");
        io.restassured.response.Response retry = asQa().header("Idempotency-Key", key).body(body).post("/api/v1/capas");
        retry.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(id, retry.path("id"));
        assertEquals(first.path("number"), (String) retry.path("number"));
        assertEquals(first.header("Location"), retry.header("Location"));
        assertNull(first.header("Idempotent-Replayed"));

        Map<String, Object> other = Map.of("kind", "CORRECTIVE", "title", "Another CAPA " + key, "owner",
                CapaFixtures.owner(), "dueAt", "2027-01-01T00:00:00Z");
        asQa().header("Idempotency-Key", key).body(other).post("/api/v1/capas").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo(io.poka.platform.Problems.type("capa/idempotency-key-reused")));
        assertEquals(before + 1, (Long) LotFixtures.query("select count(*) from capa.capa").get(0).get(0),
                "one CAPA for the three requests");
    }

    @Test
    void aCapaNeedsAnEnabledOwnerAndACompleteCriterion() {
        Map<String, Object> body = Map.of("kind", "CORRECTIVE", "title", "x", "owner", "nobody-" + System.nanoTime(),
                "dueAt", "2027-01-01T00:00:00Z", "ncrId", java.util.UUID.randomUUID().toString(),
                "criterion", Map.of("kind", "NO_DEFECT_RECURRENCE", "product", "P"));
        long before = (Long) LotFixtures.query("select count(*) from capa.capa").get(0).get(0);
        asQa().body(body).post("/api/v1/capas").then().statusCode(400)
                .body("errors.field", hasItem("owner")).body("errors.field", hasItem("ncrId"))
                .body("errors.field", hasItem("criterion.defectCode")).body("errors.field", hasItem("criterion.count"));
        asQa().body(Map.of("kind", "SOMETIMES", "title", "x", "owner", CapaFixtures.owner(), "dueAt",
                "2027-01-01T00:00:00Z")).post("/api/v1/capas").then().statusCode(400);
        assertEquals(before, (Long) LotFixtures.query("select count(*) from capa.capa").get(0).get(0));
        Api.as(CapaFixtures.owner(), CapaFixtures.PASSWORD).body(Map.of("kind", "CORRECTIVE", "title", "x", "owner",
                CapaFixtures.owner(), "dueAt", "2027-01-01T00:00:00Z")).post("/api/v1/capas").then().statusCode(403);
    }

    @Test
    void anOverdueCapaIsEscalatedOncePerDueDateAndNotBeforeItIsDue() throws Exception {
        String title = "Fix fixture wear " + System.nanoTime();
        String id = open(title, clock.instant().plus(Duration.ofDays(1)), null);
        scheduler.check();
        assertEquals(0, mailsAbout(title), "not due yet");
        clock.advance(Duration.ofDays(2));
        assertTrue(detail(id).getBoolean("capa.overdue"));
        scheduler.check();
        scheduler.check();
        assertEquals(1, mailsAbout(title), "told once, however often the check runs");
        List<List<Object>> rows = LotFixtures.query("select status, recipient from capa.escalation where capa_id = ?",
                java.util.UUID.fromString(id));
        assertEquals(List.of(List.of("SENT", NotificationsProfile.CAPA_ESCALATION_RECIPIENT)), rows);
        // implemented actions are no longer escalated, even when late
        String done = open("Done late " + System.nanoTime(), clock.instant().plus(Duration.ofHours(1)), null);
        move(done, "IMPLEMENTED").then().statusCode(200);
        clock.advance(Duration.ofHours(2));
        scheduler.check();
        assertTrue(LotFixtures.query("select 1 from capa.escalation where capa_id = ?",
                java.util.UUID.fromString(done)).isEmpty());
    }

    @Test
    void theScheduledCheckRunsOnlyOnTheReplicaHoldingItsLeaseAndMovesWhenThatReplicaIsGone() throws Exception {
        String title = "Replica escalation " + System.nanoTime();
        open(title, clock.instant().plus(Duration.ofHours(1)), null);
        clock.advance(Duration.ofHours(2));
        // another replica holds the check's lease (it renews it for a minute)
        LotFixtures.query("""
                insert into platform.lease (name, owner, expires_at, acquired_at) values ('capa.check', 'other-replica',
                    now() + interval '1 minute', now()) on conflict (name) do update set owner = excluded.owner,
                    expires_at = excluded.expires_at, generation = platform.lease.generation + 1 returning 1""");
        assertTrue(scheduler.checkOnThisReplica().isEmpty(), "the other replica runs the check");
        assertEquals(0, mailsAbout(title), "no escalation sent from a replica without the lease");
        // that replica dies: its lease lapses and this replica takes the check over
        LotFixtures.query("update platform.lease set expires_at = now() - interval '1 second' where name = 'capa.check'"
                + " returning 1");
        assertTrue(scheduler.checkOnThisReplica().isPresent(), "the lapsed lease moved here");
        assertEquals(1, mailsAbout(title), "the overdue CAPA is escalated once, by the new holder");
    }

    private static long mailsAbout(String title) throws Exception {
        long n = 0;
        for (var m : TestSmtpServer.receivedBy(NotificationsProfile.CAPA_ESCALATION_RECIPIENT)) {
            if (m.getSubject().contains(title)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void theListFiltersByStatusAndOwner() {
        String id = open("Listed " + System.nanoTime(), clock.instant().plus(Duration.ofDays(3)), null);
        asQa().queryParam("status", "OPEN").queryParam("owner", CapaFixtures.owner()).queryParam("size", 500)
                .get("/api/v1/capas").then().statusCode(200).body("items.id", hasItem(id))
                .body("items.status", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo("OPEN")));
        asQa().queryParam("size", 0).get("/api/v1/capas").then().statusCode(400);
        assertNull(detail(id).getString("capa.windowStart"));
        asQa().get("/api/v1/capas/" + java.util.UUID.randomUUID()).then().statusCode(404);
        assertTrue(detail(id).getString("capa.number").startsWith("CAPA-"));
        asQa().get("/api/v1/capas/" + id).then().body("capa.number", matchesPattern("CAPA-\\d{4}-\\d{4}"));
    }
}
