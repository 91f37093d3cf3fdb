package io.poka.lots;

import static io.poka.lots.LotFixtures.as;
import static io.poka.lots.LotFixtures.newLot;
import static io.poka.lots.LotFixtures.unique;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.platform.Problems;
import io.poka.platform.Roles;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lots API as an ERP/MES client and QA staff drive it: idempotency, concurrency, status, roles, genealogy. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class LotsApiTest {
    @jakarta.inject.Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    private static final String LOTS = "/api/v1/lots";
    private static final Map<String, Object> SIGNED_RELEASE = Map.of("reason", "documents complete",
            "signature", Map.of("password", LotFixtures.PASSWORD, "meaning", "APPROVAL"));

    private static String create(Map<String, Object> body) {
        return as(Roles.INTEGRATION).body(body).post(LOTS).then().statusCode(201).extract().path("id");
    }

    private static String createdLot() {
        return create(newLot(unique("P"), unique("EXT")));
    }

    private static ValidatableResponse move(String id, String to) {
        return as(Roles.INTEGRATION).body(Map.of("to", to)).post(LOTS + "/" + id + "/moves").then();
    }

    private static ValidatableResponse get(String id) {
        return as(Roles.AUDITOR).get(LOTS + "/" + id).then().statusCode(200);
    }

    private static void assertProblem(ValidatableResponse r, int status, String type) {
        r.statusCode(status).contentType(Problems.MEDIA_TYPE).body("type", equalTo(type)).body("status", equalTo(status));
    }

    @Test
    void creatingTheSameLotAgainAnswers200WithTheExistingLot() {
        Map<String, Object> body = newLot(unique("P"), unique("EXT"));
        String id = create(body);
        as(Roles.INTEGRATION).body(body).post(LOTS).then().statusCode(200).body("id", equalTo(id)).body("version", equalTo(0));
        assertEquals(1L, LotFixtures.query("select count(*) from lots.lot where external_id = ?", body.get("externalId")).get(0).get(0));
    }

    @Test
    void repeatingACreateWithDifferentContentAnswers409NamingTheDifferingFieldsAndChangesNothing() {
        Map<String, Object> body = newLot(unique("P"), unique("EXT"));
        String id = create(body);
        body.put("quantity", 499);
        body.put("line", "L2");
        ValidatableResponse r = as(Roles.INTEGRATION).body(body).post(LOTS).then();
        assertProblem(r, 409, Problems.type("lots/content-conflict"));
        r.body("differingFields", containsInAnyOrder("quantity", "line")).body("existingLotId", equalTo(id));
        get(id).body("quantity", equalTo(500)).body("line", equalTo("L1")).body("version", equalTo(0));
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstResponseAndRefusesAnotherBody() {
        String key = unique("idem");
        Map<String, Object> body = newLot(unique("P"), unique("EXT"));
        String id = as(Roles.INTEGRATION).header("Idempotency-Key", key).body(body).post(LOTS).then().statusCode(201)
                .extract().path("id");
        as(Roles.INTEGRATION).header("Idempotency-Key", key).body(body).post(LOTS).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id)).body("status", equalTo("CREATED"));

        Map<String, Object> other = newLot(unique("P"), unique("EXT"));
        assertProblem(as(Roles.INTEGRATION).header("Idempotency-Key", key).body(other).post(LOTS).then(), 422,
                Problems.type("lots/idempotency-key-reused"));
        assertTrue(LotFixtures.query("select id from lots.lot where external_id = ?", other.get("externalId")).isEmpty(),
                "the refused body created no lot");
    }

    /**
     * A key an ERP stored before lot creation moved to the platform's store: the old table is recreated as
     * V2026.11.29.20 made it, a row written as the old LotService wrote it (SHA-256 of the body serialised with map
     * entries sorted), then the moving migration's own SQL runs; a retry with that key and body is replayed, another body
     * is refused, and no second lot exists.
     */
    @Test
    void aKeyStoredInTheLotsOwnTableBeforeTheMoveIsStillReplayedFromThePlatformStore() throws Exception {
        String key = unique("idem-old");
        Map<String, Object> body = newLot(unique("P"), unique("EXT"));
        String principal = LotFixtures.user(Roles.INTEGRATION);
        io.poka.lots.internal.LotRequests.NewLot parsed = json.convertValue(body,
                io.poka.lots.internal.LotRequests.NewLot.class);
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(
                json.writer().with(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                        .writeValueAsString(parsed).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String firstAnswer = "{\"id\": \"00000000-0000-0000-0000-00000000a001\", \"status\": \"CREATED\", "
                + "\"externalId\": \"" + body.get("externalId") + "\"}";
        String migration = java.nio.file.Files.readString(java.nio.file.Path.of(
                "db-migrations/V2026.12.08.30__lots_idempotency_on_platform_keys.sql"));
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres",
                "postgres"); java.sql.Statement st = c.createStatement()) {
            st.execute("create table lots.idempotency_key (principal text not null, idem_key text not null,"
                    + " request_hash text not null, response_status integer not null, response_body jsonb not null,"
                    + " created_at timestamptz not null, primary key (principal, idem_key))");
            try (java.sql.PreparedStatement ps = c.prepareStatement("insert into lots.idempotency_key values"
                    + " (?, ?, ?, 201, cast(? as jsonb), now())")) {
                ps.setString(1, principal);
                ps.setString(2, key);
                ps.setString(3, hash);
                ps.setString(4, firstAnswer);
                ps.executeUpdate();
            }
            st.execute(migration);
        }
        as(Roles.INTEGRATION).header("Idempotency-Key", key).body(body).post(LOTS).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo("00000000-0000-0000-0000-00000000a001"));
        assertTrue(LotFixtures.query("select id from lots.lot where external_id = ?", body.get("externalId")).isEmpty(),
                "the replayed create recorded nothing");
        assertProblem(as(Roles.INTEGRATION).header("Idempotency-Key", key).body(newLot(unique("P"), unique("EXT")))
                .post(LOTS).then(), 422, Problems.type("lots/idempotency-key-reused"));
        assertEquals(List.of(List.of(false)), LotFixtures.query("select to_regclass('lots.idempotency_key') is not null"),
                "the lots module's own table is gone again");
    }

    @Test
    void updatesNeedIfMatchAndAStaleETagAnswers412WithoutChangingTheLot() {
        String id = createdLot();
        String etag = as(Roles.INTEGRATION).get(LOTS + "/" + id).then().statusCode(200).extract().header("ETag");
        assertEquals("\"0\"", etag);
        Map<String, Object> patch = Map.of("quantity", 480);

        assertProblem(as(Roles.INTEGRATION).body(patch).patch(LOTS + "/" + id).then(), 428,
                Problems.type("lots/if-match-required"));
        String next = as(Roles.INTEGRATION).header("If-Match", etag).body(patch).patch(LOTS + "/" + id).then()
                .statusCode(200).body("quantity", equalTo(480)).body("line", equalTo("L1")).extract().header("ETag");
        assertEquals("\"1\"", next);
        // a second writer still holding version 0 loses
        assertProblem(as(Roles.INTEGRATION).header("If-Match", etag).body(Map.of("quantity", 1)).patch(LOTS + "/" + id).then(),
                412, Problems.type("lots/stale-version"));
        Map<String, Object> put = newLot("ignored", "ignored");
        put.remove("sourceSystem");
        put.remove("externalId");
        put.put("product", "BRACKET-B");
        put.put("line", null);
        assertProblem(as(Roles.INTEGRATION).header("If-Match", etag).body(put).put(LOTS + "/" + id).then(), 412,
                Problems.type("lots/stale-version"));
        get(id).body("quantity", equalTo(480)).body("version", equalTo(1));
        as(Roles.INTEGRATION).header("If-Match", next).body(put).put(LOTS + "/" + id).then().statusCode(200)
                .body("product", equalTo("BRACKET-B")).body("line", nullValue()).body("version", equalTo(2));
    }

    @Test
    void concurrentCreatesOfOneLotMakeOneLotAndConcurrentWritersOfOneVersionMakeOneChange() throws Exception {
        Map<String, Object> body = newLot(unique("P"), unique("EXT"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> creates = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                creates.add(pool.submit(() -> as(Roles.INTEGRATION).body(body).post(LOTS).then().extract().statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var f : creates) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(c -> c == 201).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(c -> c == 200).count(), statuses.toString());
            assertEquals(1L, LotFixtures.query("select count(*) from lots.lot where external_id = ?",
                    body.get("externalId")).get(0).get(0));

            String id = as(Roles.AUDITOR).queryParam("product", body.get("product")).get(LOTS).then().extract()
                    .path("items[0].id");
            List<java.util.concurrent.Future<Integer>> patches = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int q = 400 + i;
                patches.add(pool.submit(() -> as(Roles.INTEGRATION).header("If-Match", "\"0\"")
                        .body(Map.of("quantity", q)).patch(LOTS + "/" + id).then().extract().statusCode()));
            }
            List<Integer> outcomes = new java.util.ArrayList<>();
            for (var f : patches) {
                outcomes.add(f.get());
            }
            // the losers see 412 (stale If-Match) or 409 (lost the optimistic lock at commit)
            assertEquals(1, outcomes.stream().filter(c -> c == 200).count(), outcomes.toString());
            assertTrue(outcomes.stream().allMatch(c -> c == 200 || c == 412 || c == 409), outcomes.toString());
            get(id).body("version", equalTo(1));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theListIsPagedAndFilteredByStatusProductLineSupplierAndDates() {
        String product = unique("PAGE");
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = newLot(product, unique("EXT"));
            body.put("line", i < 3 ? "L7" : "L8");
            body.put("supplier", i == 0 ? "Other Supplier" : "ACME Metals");
            body.put("productionStart", "2026-10-0" + (i + 1) + "T06:00:00Z");
            body.put("productionEnd", "2026-10-0" + (i + 1) + "T14:00:00Z");
            String id = create(body);
            if (i == 4) {
                move(id, "IN_PROCESS").statusCode(200);
            }
        }
        as(Roles.AUDITOR).queryParam("product", product).queryParam("size", 2).get(LOTS).then().statusCode(200)
                .body("total", equalTo(5)).body("items", hasSize(2)).body("page", equalTo(0)).body("size", equalTo(2));
        as(Roles.AUDITOR).queryParam("product", product).queryParam("size", 2).queryParam("page", 2).get(LOTS).then()
                .body("total", equalTo(5)).body("items", hasSize(1));
        as(Roles.AUDITOR).queryParam("product", product).queryParam("line", "L7").get(LOTS).then().body("total", equalTo(3));
        as(Roles.AUDITOR).queryParam("product", product).queryParam("supplier", "Other Supplier").get(LOTS).then()
                .body("total", equalTo(1));
        as(Roles.AUDITOR).queryParam("product", product).queryParam("status", "IN_PROCESS").get(LOTS).then()
                .body("total", equalTo(1)).body("items[0].status", equalTo("IN_PROCESS"));
        as(Roles.AUDITOR).queryParam("product", product).queryParam("producedFrom", "2026-10-02T00:00:00Z")
                .queryParam("producedTo", "2026-10-04T00:00:00Z").get(LOTS).then().body("total", equalTo(2));
        as(Roles.AUDITOR).queryParam("product", product).queryParam("createdFrom", "2999-01-01T00:00:00Z").get(LOTS).then()
                .body("total", equalTo(0));
        assertProblem(as(Roles.AUDITOR).queryParam("size", 10_000).get(LOTS).then(), 400, Problems.VALIDATION);
    }

    @Test
    void genealogyReturnsTheWholeUpstreamAndDownstreamTreeAndRefusesCycles() {
        String a = createdLot();
        String b = createdLot();
        String c = createdLot();
        String d = createdLot();
        String e = createdLot();
        link(a, b, "SPLIT").statusCode(200);
        link(a, c, "SPLIT").statusCode(200);
        link(b, d, "MERGE").statusCode(200);
        link(e, d, "MERGE").statusCode(200);
        link(b, d, "MERGE").statusCode(200); // identical repeat is a no-op

        as(Roles.AUDITOR).get(LOTS + "/" + d + "/genealogy").then().statusCode(200)
                .body("upstream.parentId", containsInAnyOrder(b, e, a))
                .body("upstream.find { it.parentId == '" + a + "' }.depth", equalTo(2))
                .body("downstream", hasSize(0))
                .body("lots.id", containsInAnyOrder(a, b, d, e));
        as(Roles.AUDITOR).get(LOTS + "/" + a + "/genealogy").then().statusCode(200)
                .body("downstream.childId", containsInAnyOrder(b, c, d))
                .body("downstream.find { it.childId == '" + d + "' }.depth", equalTo(2))
                .body("downstream.find { it.childId == '" + d + "' }.type", equalTo("MERGE"));

        assertProblem(link(d, a, "CONSUMED_INTO"), 409, Problems.type("lots/genealogy-cycle"));
        assertProblem(link(b, d, "SPLIT"), 409, Problems.type("lots/genealogy-link-exists"));
        assertProblem(link(a, a, "SPLIT"), 400, Problems.VALIDATION);
        as(Roles.AUDITOR).get(LOTS + "/" + a + "/genealogy").then().body("upstream", hasSize(0));
    }

    private static ValidatableResponse link(String parent, String child, String type) {
        return as(Roles.INTEGRATION).body(Map.of("childId", child, "type", type)).post(LOTS + "/" + parent + "/children").then();
    }

    @Test
    void anIllegalTransitionAnswers409NamingTheAllowedOnes() {
        String id = createdLot();
        ValidatableResponse r = as(Roles.QA_MANAGER).body(SIGNED_RELEASE).post(LOTS + "/" + id + "/release").then();
        assertProblem(r, 409, Problems.type("lots/illegal-transition"));
        r.body("from", equalTo("CREATED")).body("to", equalTo("RELEASED"))
                .body("allowed", containsInAnyOrder("IN_PROCESS", "AWAITING_INSPECTION", "REJECTED", "ON_HOLD", "QUARANTINED"));
        move(id, "IN_PROCESS").statusCode(200);
        assertProblem(move(id, "IN_PROCESS"), 409, Problems.type("lots/illegal-transition"));
        get(id).body("status", equalTo("IN_PROCESS")).body("version", equalTo(1));
    }

    @Test
    void aHoldRecordsWhoWhenWhyAndLiftingReturnsToTheStatusBeforeIt() {
        String id = createdLot();
        move(id, "AWAITING_INSPECTION").statusCode(200);
        as(Roles.QA_MANAGER).body(Map.of("reason", "burr found")).post(LOTS + "/" + id + "/hold").then().statusCode(200)
                .body("status", equalTo("ON_HOLD")).body("hold.reason", equalTo("burr found"))
                .body("hold.heldBy", equalTo(LotFixtures.user(Roles.QA_MANAGER))).body("hold.heldAt", notNullValue())
                .body("hold.statusBeforeHold", equalTo("AWAITING_INSPECTION"));
        // escalating to quarantine keeps the status to return to
        as(Roles.QA_MANAGER).body(Map.of("reason", "supplier alert")).post(LOTS + "/" + id + "/quarantine").then()
                .statusCode(200).body("status", equalTo("QUARANTINED")).body("hold.statusBeforeHold", equalTo("AWAITING_INSPECTION"));
        as(Roles.QA_MANAGER).body(Map.of("reason", "gauge error")).post(LOTS + "/" + id + "/lift-hold").then()
                .statusCode(200).body("status", equalTo("AWAITING_INSPECTION")).body("hold", nullValue());
        as(Roles.AUDITOR).get(LOTS + "/" + id + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("CREATED", "MOVED_TO_AWAITING_INSPECTION", "HELD", "QUARANTINED", "HOLD_LIFTED")))
                .body("[2].reason", equalTo("burr found"));
        assertTrue(LotFixtures.outboxTypes(id).containsAll(List.of("LotHeld", "LotHoldLifted", "LotStatusChanged")),
                LotFixtures.outboxTypes(id).toString());
    }

    @Test
    void rolesGuardHoldsReleasesAndChanges() {
        String id = createdLot();
        move(id, "AWAITING_INSPECTION").statusCode(200);
        assertProblem(as(Roles.INSPECTOR).body(SIGNED_RELEASE).post(LOTS + "/" + id + "/release").then(), 403, Problems.FORBIDDEN);
        assertProblem(as(Roles.INSPECTOR).body(Map.of("reason", "x")).post(LOTS + "/" + id + "/hold").then(), 403, Problems.FORBIDDEN);
        assertProblem(as(Roles.AUDITOR).body(newLot(unique("P"), unique("EXT"))).post(LOTS).then(), 403, Problems.FORBIDDEN);
        as(Roles.QA_MANAGER).body(Map.of("reason", "check")).post(LOTS + "/" + id + "/hold").then().statusCode(200);
        assertProblem(as(Roles.INTEGRATION).body(Map.of("reason", "x")).post(LOTS + "/" + id + "/lift-hold").then(), 403,
                Problems.FORBIDDEN);
        io.poka.testing.Api.asAdmin().body(Map.of("reason", "admin lifts")).post(LOTS + "/" + id + "/lift-hold").then()
                .statusCode(200).body("status", equalTo("AWAITING_INSPECTION"));
    }

    @Test
    void aSignatureIsRequiredAndAWrongPasswordChangesNothing() {
        String id = createdLot();
        as(Roles.QA_MANAGER).body(Map.of("reason", "check")).post(LOTS + "/" + id + "/hold").then().statusCode(200);
        int version = get(id).extract().path("version");

        assertProblem(as(Roles.QA_MANAGER).body(Map.of("decision", "SCRAP", "reason", "cracked"))
                .post(LOTS + "/" + id + "/dispositions").then(), 400, Problems.VALIDATION);
        assertProblem(as(Roles.QA_MANAGER).body(Map.of("decision", "SCRAP", "reason", "cracked",
                "signature", Map.of("password", "not-my-password", "meaning", "APPROVAL")))
                .post(LOTS + "/" + id + "/dispositions").then(), 403, Problems.type("signature/reauthentication-failed"));
        get(id).body("status", equalTo("ON_HOLD")).body("version", equalTo(version));
        as(Roles.AUDITOR).get(LOTS + "/" + id + "/dispositions").then().body("", hasSize(0));
        as(Roles.AUDITOR).get(LOTS + "/" + id + "/history").then().body("", hasSize(2));
    }

    @Test
    void aSignedDispositionIsRecordedAndMovesTheLot() {
        String id = createdLot();
        as(Roles.QA_MANAGER).body(Map.of("reason", "burr")).post(LOTS + "/" + id + "/hold").then().statusCode(200);
        String qa = LotFixtures.user(Roles.QA_MANAGER);
        as(Roles.QA_MANAGER).body(Map.of("decision", "REWORK", "reason", "deburr all units",
                "signature", Map.of("password", LotFixtures.PASSWORD, "meaning", "APPROVAL")))
                .post(LOTS + "/" + id + "/dispositions").then().statusCode(201)
                .body("decision", equalTo("REWORK")).body("decidedBy", equalTo(qa))
                .body("signature.signedBy", equalTo(qa)).body("signature.printedName", equalTo("Test qa-manager"))
                .body("signature.meaning", equalTo("APPROVAL"));
        get(id).body("status", equalTo("IN_PROCESS")).body("hold", nullValue());
        as(Roles.AUDITOR).get(LOTS + "/" + id + "/history").then()
                .body("find { it.action == 'DISPOSITION_REWORK' }.signature.signedBy", equalTo(qa));
        // a disposition needs a nonconforming lot
        assertProblem(as(Roles.QA_MANAGER).body(Map.of("decision", "SCRAP", "reason", "x",
                "signature", Map.of("password", LotFixtures.PASSWORD, "meaning", "APPROVAL")))
                .post(LOTS + "/" + id + "/dispositions").then(), 409, Problems.type("lots/illegal-transition"));
        assertTrue(LotFixtures.outboxTypes(id).contains("LotDispositioned"));
        assertEquals(1L, LotFixtures.query("select count(*) from lots.disposition where lot_id = ?::uuid", id).get(0).get(0));
    }

    @jakarta.inject.Inject
    RecordedEvents recorded;

    @Test
    void everyChangeFiresRecordChangedAndTheReleaseCarriesItsSignature() {
        String id = createdLot();
        move(id, "IN_PROCESS").statusCode(200);
        move(id, "AWAITING_INSPECTION").statusCode(200);
        as(Roles.QA_MANAGER).body(Map.of("reason", "check")).post(LOTS + "/" + id + "/hold").then().statusCode(200);
        as(Roles.QA_MANAGER).body(Map.of("reason", "x",
                "signature", Map.of("password", "not-my-password", "meaning", "APPROVAL")))
                .post(LOTS + "/" + id + "/release").then().statusCode(403);
        as(Roles.QA_MANAGER).body(Map.of("decision", "USE_AS_IS", "reason", "cosmetic only", "signature",
                Map.of("password", LotFixtures.PASSWORD, "meaning", "RESPONSIBILITY")))
                .post(LOTS + "/" + id + "/dispositions").then().statusCode(201);

        List<io.poka.platform.RecordChanged> changes = recorded.changesOf(id);
        assertEquals(List.of("CREATED", "MOVED_TO_IN_PROCESS", "MOVED_TO_AWAITING_INSPECTION", "HELD", "DISPOSITION_USE_AS_IS"),
                changes.stream().map(io.poka.platform.RecordChanged::action).toList());
        io.poka.platform.RecordChanged signed = changes.get(4);
        assertEquals(LotFixtures.user(Roles.QA_MANAGER), signed.signature().username());
        assertEquals(io.poka.platform.Signature.Meaning.RESPONSIBILITY, signed.signature().meaning());
        assertEquals("cosmetic only", signed.reason());
        assertEquals("ON_HOLD", ((LotView) signed.before()).status().name());
        assertEquals("RELEASED", ((LotView) signed.after()).status().name());
        assertEquals(1, recorded.eventsOf(LotHeld.class, e -> e.lotId().toString().equals(id)).size());
        assertEquals(1, recorded.eventsOf(LotReleased.class, e -> e.lotId().toString().equals(id)).size());
    }

    @Test
    void malformedAndInvalidBodiesAreProblemsAndCreateNothing() {
        String ext = unique("EXT");
        Map<String, Object> body = newLot(unique("P"), ext);
        body.remove("product");
        body.put("quantity", -1);
        ValidatableResponse r = as(Roles.INTEGRATION).body(body).post(LOTS).then();
        assertProblem(r, 400, Problems.VALIDATION);
        r.body("errors.field", hasItems("product", "quantity"));
        assertProblem(as(Roles.INTEGRATION).body("{\"sourceSystem\": ").post(LOTS).then(), 400, Problems.MALFORMED);
        assertTrue(LotFixtures.query("select id from lots.lot where external_id = ?", ext).isEmpty());
        assertProblem(as(Roles.AUDITOR).get(LOTS + "/" + java.util.UUID.randomUUID()).then(), 404, Problems.NOT_FOUND);
        as(Roles.AUDITOR).get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/lots'.post.requestBody.content.'application/json'.examples.'finished goods lot'",
                        notNullValue())
                .body("paths.'/api/v1/lots/{id}/release'.post.requestBody.content.'application/json'.examples.release",
                        notNullValue());
    }
}
