package io.poka.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poka.lots.LotFixtures;
import io.poka.platform.Roles;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real requests against the running server, each answer checked against the published OpenAPI document (status,
 * media type, body schema, headers): the ERP flow of lots and inspections end to end, and for every operation the
 * document lists the answers that can be provoked cheaply (no credentials, unknown records, wrong media types).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class OpenApiConformanceTest {
    private static final String LOTS = "/api/v1/lots";
    private static final String AUDITOR = "contract-auditor";
    private static final String PASSWORD = "contract-auditor-password";
    private static boolean auditorCreated;

    private OpenApiContract contract;
    private ContractCheck check;

    @BeforeEach
    void readDocument() {
        contract = OpenApiContract.parse(Api.asAdmin().get("/q/openapi?format=json").then().statusCode(200).extract()
                .asString());
        check = new ContractCheck(contract);
    }

    private RequestSpecification admin() {
        return Api.asAdmin().filter(check);
    }

    @Test
    void theErpFlowOfLotsInspectionsAndDecisionsAnswersAsDeclared() {
        String product = "CONTRACT-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> lot = LotFixtures.newLot(product, product + "-1");
        String id = admin().body(lot).post(LOTS).then().statusCode(201).extract().path("id");
        admin().body(lot).post(LOTS).then().statusCode(200);
        Map<String, Object> changed = new HashMap<>(lot);
        changed.put("quantity", 7);
        admin().body(changed).post(LOTS).then().statusCode(409);
        String key = "contract-" + UUID.randomUUID();
        Map<String, Object> second = LotFixtures.newLot(product, product + "-2");
        String other = admin().header("Idempotency-Key", key).body(second).post(LOTS).then().statusCode(201)
                .extract().path("id");
        admin().header("Idempotency-Key", key).body(second).post(LOTS).then().header("Idempotent-Replayed", "true");
        admin().header("Idempotency-Key", key).body(LotFixtures.newLot(product, product + "-3")).post(LOTS).then().statusCode(422);
        String etag = admin().get(LOTS + "/" + id).then().statusCode(200).extract().header("ETag");
        Map<String, Object> content = Map.of("product", product, "quantity", 480, "unit", "pcs");
        admin().body(content).put(LOTS + "/" + id).then().statusCode(428);
        admin().header("If-Match", "\"999\"").body(content).put(LOTS + "/" + id).then().statusCode(412);
        admin().header("If-Match", etag).body(Map.of("quantity", 490)).patch(LOTS + "/" + id).then().statusCode(200);
        admin().body(Map.of("to", "AWAITING_INSPECTION", "reason", "done")).post(LOTS + "/" + id + "/moves").then()
                .statusCode(200);
        admin().queryParam("status", "NO_SUCH_STATUS").get(LOTS).then().statusCode(400);
        admin().queryParam("product", product).get(LOTS).then().statusCode(200);

        String plan = admin().body(Map.of("product", product, "name", "Incoming " + product, "kind", "ISO_2859_1",
                "inspectionLevel", "II", "classes", List.of(Map.of("defectClass", "MAJOR", "aql", "1.0")),
                "characteristics", List.of(Map.of("name", "crack", "kind", "ATTRIBUTE", "defectClass", "MAJOR"))))
                .post("/api/v1/inspection-plans").then().statusCode(201).extract().path("id");
        admin().queryParam("lotId", id).get("/api/v1/inspection-plans/" + plan + "/sampling").then().statusCode(200);
        String inspection = admin().body(Map.of("lotId", id, "planId", plan, "attributes",
                List.of(Map.of("defectClass", "MAJOR", "nonconforming", 0)))).post("/api/v1/inspections").then()
                .statusCode(201).extract().path("id");
        admin().get("/api/v1/inspections/" + inspection).then().statusCode(200);
        admin().queryParam("lotId", id).get("/api/v1/inspections").then().statusCode(200);
        admin().body(signed("wrong password")).post(LOTS + "/" + id + "/release").then().statusCode(403);
        admin().body(signed(Api.ADMIN_PASSWORD)).post(LOTS + "/" + id + "/release").then().statusCode(200);
        admin().body(Map.of("to", "IN_PROCESS")).post(LOTS + "/" + id + "/moves").then().statusCode(409);

        admin().body(Map.of("reason", "burr on first articles")).post(LOTS + "/" + other + "/hold").then()
                .statusCode(200);
        admin().body(Map.of("reason", "gauge, not parts")).post(LOTS + "/" + other + "/lift-hold").then()
                .statusCode(200);
        admin().body(Map.of("reason", "supplier claim")).post(LOTS + "/" + other + "/quarantine").then()
                .statusCode(200);
        Map<String, Object> disposition = new HashMap<>(signed(Api.ADMIN_PASSWORD));
        disposition.put("decision", "REWORK");
        admin().body(disposition).post(LOTS + "/" + other + "/dispositions").then().statusCode(201);
        admin().get(LOTS + "/" + other + "/dispositions").then().statusCode(200);
        admin().get(LOTS + "/" + other + "/history").then().statusCode(200);
        admin().body(Map.of("childId", other, "type", "CONSUMED_INTO")).post(LOTS + "/" + id + "/children").then()
                .statusCode(200);
        admin().get(LOTS + "/" + id + "/genealogy").then().statusCode(200);
        admin().body("{\"to\": ").contentType("application/json").post(LOTS + "/" + id + "/moves").then()
                .statusCode(400);

        assertEquals(List.of(), check.violations());
        for (String answer : List.of("createLot 201", "createLot 200", "createLot 409", "createLot 422",
                "replaceLot 428", "replaceLot 412", "patchLot 200", "moveLot 200", "moveLot 409", "moveLot 400",
                "listLots 400", "createInspectionPlan 201", "getInspectionPlanSampling 200", "recordInspection 201",
                "releaseLot 403", "releaseLot 200", "holdLot 200", "recordLotDisposition 201")) {
            assertTrue(check.answered().contains(answer), answer + " was seen: " + check.answered());
        }
    }

    @Test
    void theAdministrationTelemetryAndAuditFlowsAnswerAsDeclared() throws InterruptedException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String user = "contract-" + suffix;
        admin().body(Map.of("username", user, "displayName", "Contract user", "password", "temporary-password-1",
                "roles", List.of(Roles.INSPECTOR))).post("/api/v1/users").then().statusCode(201);
        admin().get("/api/v1/users/" + user).then().statusCode(200);
        admin().body(Map.of("roles", List.of(Roles.INSPECTOR, Roles.AUDITOR))).put("/api/v1/users/" + user + "/roles")
                .then().statusCode(200);
        admin().body(Map.of("enabled", true)).put("/api/v1/users/" + user + "/enabled").then().statusCode(200);
        admin().post("/api/v1/users/" + user + "/unlock").then().statusCode(200);
        admin().body(Map.of("newPassword", "another-temporary-password")).put("/api/v1/users/" + user + "/password")
                .then().statusCode(204);

        String line = "CL-" + suffix;
        Map<String, Object> variable = Map.of("line", line, "variable", "temperature", "unit", "degC", "lsl", 60.0,
                "usl", 80.0, "target", 70.0);
        String variableId = admin().body(variable).post("/api/v1/telemetry/variables").then().statusCode(201)
                .extract().path("id");
        admin().get("/api/v1/telemetry/variables/" + variableId).then().statusCode(200);
        admin().body(variable).put("/api/v1/telemetry/variables/" + variableId).then().statusCode(200);
        StringBuilder readings = new StringBuilder("[");
        for (int i = 0; i < 30; i++) {
            readings.append(i == 0 ? "" : ",").append("""
                    {"readingId":"%s","line":"%s","station":"S1","variable":"temperature","value":%s,"unit":"degC",\
                    "timestamp":"2026-11-28T06:00:%02dZ"}""".formatted(UUID.randomUUID(), line, 70 + (i % 5) * 0.5, i));
        }
        admin().body(readings.append(']').toString()).post("/api/v1/telemetry/readings").then().statusCode(200);
        admin().queryParam("line", line).queryParam("variable", "temperature").queryParam("from", "2026-11-28T00:00:00Z")
                .queryParam("to", "2026-11-29T00:00:00Z").get("/api/v1/telemetry/readings").then().statusCode(200);
        admin().queryParam("line", line).queryParam("variable", "temperature").queryParam("from", "2026-11-28T00:00:00Z")
                .queryParam("to", "2026-11-29T00:00:00Z").get("/api/v1/telemetry/readings/series").then().statusCode(200);
        admin().queryParam("line", line).queryParam("variable", "temperature").queryParam("from", "2026-11-29T00:00:00Z")
                .queryParam("to", "2026-11-28T00:00:00Z").get("/api/v1/telemetry/readings/series").then().statusCode(400);
        admin().get("/api/v1/spc/charts/" + line + "/temperature").then().statusCode(org.hamcrest.Matchers.lessThan(500));
        admin().get("/api/v1/spc/charts/" + line + "/temperature/limits").then().statusCode(200);
        admin().get("/api/v1/spc/charts/" + line + "/temperature/capability").then()
                .statusCode(org.hamcrest.Matchers.lessThan(500));
        admin().delete("/api/v1/telemetry/variables/" + variableId).then().statusCode(204);
        admin().queryParam("lotSize", 500).queryParam("level", "II").queryParam("aql", "1.0")
                .get("/api/v1/sampling/iso-2859-1").then().statusCode(200);
        String dataset = admin().contentType("text/csv").queryParam("name", "contract " + suffix)
                .body("a,b\n1,2\n2,3\n3,4\n").post("/api/v1/scoring/datasets").then().statusCode(201).extract().path("id");
        admin().get("/api/v1/scoring/datasets/" + dataset).then().statusCode(200);

        String checkpoint = admin().post("/api/v1/audit/checkpoints").then().statusCode(201).extract().path("id");
        admin().get("/api/v1/audit/checkpoints/" + checkpoint).then().statusCode(200);
        admin().get("/api/v1/audit/checkpoints/latest").then().statusCode(200);
        admin().body(Map.of("password", Api.ADMIN_PASSWORD, "comment", "contract review")).post("/api/v1/audit/reviews")
                .then().statusCode(200);
        String job = admin().body(Map.of("user", user)).post("/api/v1/audit/export-jobs").then().statusCode(202)
                .extract().path("id");
        String state = "";
        for (int i = 0; i < 50 && !state.equals("SUCCEEDED") && !state.equals("FAILED"); i++) {
            state = admin().get("/api/v1/audit/export-jobs/" + job).then().statusCode(200).extract().path("state");
            Thread.sleep(200);
        }
        admin().get("/api/v1/audit/export-jobs/" + job + "/zip").then().statusCode(200);
        admin().get("/api/v1/audit/public-key").then().statusCode(200);

        assertEquals(List.of(), check.violations());
        for (String answer : List.of("createUser 201", "changeUserPassword 204", "createVariable 201",
                "deleteVariable 204", "uploadReadings 200", "uploadDatasetCsv 201", "publishAuditCheckpoint 201",
                "startAuditExportJob 202", "downloadAuditExportJobZip 200", "signAuditReview 200")) {
            assertTrue(check.answered().contains(answer), answer + " was seen: " + check.answered());
        }
    }

    @Test
    void everyOperationAnswersARequestWithoutCredentialsAsDeclared() {
        for (OpenApiContract.Operation op : contract.operations()) {
            String mediaType = firstRequestMediaType(op);
            RequestSpecification request = given().filter(check)
                    .contentType(mediaType == null ? "application/json" : mediaType);
            send(request, op, path(op), mediaType == null || mediaType.contains("json") ? "{}" : "x\n1\n");
        }
        assertEquals(List.of(), check.violations());
        for (OpenApiContract.Operation op : contract.operations()) {
            assertTrue(check.answered(op.id(), 401), op.label() + " answered 401: " + check.answered());
        }
    }

    @Test
    void everyOperationAnswersAsDeclaredForUnknownRecordsAndEmptyBodies() {
        int probed = 0;
        for (OpenApiContract.Operation op : contract.operations()) {
            if (op.parameters() == 0 && !op.hasRequestBody()) {
                continue;
            }
            String body = op.hasRequestBody() ? "{}" : null;
            String mediaType = firstRequestMediaType(op);
            if (mediaType != null && !mediaType.contains("json")) {
                body = "x\n1\n";
            }
            send(admin().contentType(mediaType == null ? "application/json" : mediaType), op, path(op), body);
            probed++;
        }
        assertTrue(probed > 40, "probed " + probed + " operations");
        assertEquals(List.of(), check.violations());
    }

    @Test
    void everyReadWithoutParametersAnswersItsDeclaredSchema() {
        int read = 0;
        for (OpenApiContract.Operation op : contract.operations()) {
            boolean requiredQuery = op.parameters("query").stream().anyMatch(p -> p.path("required").asBoolean());
            if (op.method().equals("get") && op.parameters() == 0 && !requiredQuery) {
                admin().get(op.path()).then().statusCode(org.hamcrest.Matchers.lessThan(500));
                read++;
            }
        }
        assertTrue(read > 15, "read " + read + " operations");
        assertEquals(List.of(), check.violations());
    }

    @Test
    void wrongMediaTypesAndMissingRolesAnswerTheDeclaredProblems() {
        for (OpenApiContract.Operation op : contract.operations()) {
            if (op.hasRequestBody()) {
                send(admin().contentType("application/xml"), op, path(op), "<lot/>");
                assertTrue(check.answered(op.id(), 415), op.label() + " answered 415: " + check.answered());
            }
        }
        admin().accept("application/xml").get(LOTS).then().statusCode(406);
        ensureAuditor();
        Api.as(AUDITOR, PASSWORD).filter(check).body(LotFixtures.newLot("X", "contract-forbidden")).post(LOTS).then().statusCode(403);
        assertEquals(List.of(), check.violations());
    }

    private static synchronized void ensureAuditor() {
        if (!auditorCreated) {
            Api.createUser(Map.of("username", AUDITOR, "displayName", "Contract auditor", "password", PASSWORD,
                    "roles", List.of(Roles.AUDITOR)));
            auditorCreated = true;
        }
    }

    private static String firstRequestMediaType(OpenApiContract.Operation op) {
        var names = op.node().path("requestBody").path("content").fieldNames();
        return names.hasNext() ? names.next() : null;
    }

    /** The operation's path with each parameter replaced by a value no record has. */
    private static String path(OpenApiContract.Operation op) {
        String path = op.path();
        for (JsonNode p : op.parameters("path")) {
            boolean uuid = "uuid".equals(p.path("schema").path("format").asText());
            String value = uuid ? UUID.randomUUID().toString() : "no-such-" + p.path("name").asText().toLowerCase();
            path = path.replace("{" + p.path("name").asText() + "}", value);
        }
        return path;
    }

    private static void send(RequestSpecification request, OpenApiContract.Operation op, String path, String body) {
        if (body != null) {
            // a text body for a binary media type (a photo or attachment upload) goes as bytes: RestAssured encodes only text
            String type = firstRequestMediaType(op);
            request = type != null && !type.contains("json") && !type.startsWith("text/")
                    ? request.body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)) : request.body(body);
        }
        request.request(op.method().toUpperCase(), path);
    }

    private static Map<String, Object> signed(String password) {
        return Map.of("reason", "inspection accepted", "signature", Map.of("password", password, "meaning",
                "APPROVAL"));
    }
}
