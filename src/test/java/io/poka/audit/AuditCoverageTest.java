package io.poka.audit;

import static io.poka.lots.LotFixtures.as;
import static io.poka.lots.LotFixtures.newLot;
import static io.poka.lots.LotFixtures.unique;
import static io.poka.lots.LotFixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.platform.Roles;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Walks one write path of every module that changes quality records over REST and checks that each left an audit
 * entry naming who did what to which record, with the new state, and that the chain still verifies afterwards.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AuditCoverageTest {

    private static JsonPath history(String entityType, String entityId) {
        return Api.asAdmin().get("/api/v1/audit/entities/" + entityType + "/" + entityId + "/history")
                .then().statusCode(200).extract().jsonPath();
    }

    private static void assertAudited(String entityType, String entityId, String action, String userId) {
        JsonPath h = history(entityType, entityId);
        List<String> actions = h.getList("action");
        assertTrue(actions.contains(action), entityType + " " + entityId + " has " + actions + ", expected " + action);
        int i = actions.indexOf(action);
        assertEquals(userId, h.getString("[" + i + "].userId"), "who, for " + entityType + " " + action);
        assertNotNull(h.get("[" + i + "].recordedAt"), "when");
        assertNotNull(h.get("[" + i + "].after"), "new state of " + entityType);
        assertFalse(h.getString("[" + i + "].hash").isBlank());
    }

    @Test
    void everyModulesWritePathLeavesAnAuditEntryWithWhoWhatAndTheNewState() {
        // lots: create (integration) and hold with a reason (qa-manager)
        String lot = as(Roles.INTEGRATION).body(newLot(unique("P"), unique("EXT"))).post("/api/v1/lots").then()
                .statusCode(201).extract().path("id");
        assertAudited("Lot", lot, "CREATED", user(Roles.INTEGRATION));
        as(Roles.QA_MANAGER).body(Map.of("reason", "burr found")).post("/api/v1/lots/" + lot + "/hold").then().statusCode(200);
        JsonPath lotHistory = history("Lot", lot);
        assertTrue(lotHistory.getList("reason").contains("burr found"), "the hold's reason is in the trail");

        // inspections: a plan
        String plan = as(Roles.QA_MANAGER).body(Map.of("product", unique("P"), "name", "Incoming", "kind", "ISO_2859_1",
                "inspectionLevel", "II", "classes", List.of(Map.of("defectClass", "MAJOR", "aql", "1.0")),
                "characteristics", List.of(Map.of("name", "diameter", "kind", "VARIABLE", "defectClass", "MAJOR",
                        "nominal", 8.0, "lsl", 7.95, "usl", 8.05, "unit", "mm"))))
                .post("/api/v1/inspection-plans").then().statusCode(201).extract().path("id");
        assertAudited("InspectionPlan", plan, "CREATED", user(Roles.QA_MANAGER));

        // telemetry: a catalogue entry
        String variable = Api.asAdmin().body(Map.of("line", unique("line"), "variable", "temperature", "unit", "degC"))
                .post("/api/v1/telemetry/variables").then().statusCode(201).extract().path("id");
        assertAudited("TelemetryVariable", variable, "CREATED", "admin");

        // scoring: a data set
        String dataset = Api.asAdmin().contentType("text/csv").queryParam("name", unique("ds"))
                .body("a,b\n1,2\n2,3\n3,5\n").post("/api/v1/scoring/datasets").then().statusCode(201)
                .extract().path("id");
        assertAudited("ScoringDataset", dataset, "CREATED", "admin");

        // platform: a user
        String name = unique("auditcov");
        Api.createUser(Map.of("username", name, "displayName", "Coverage", "password", "correct-horse-battery",
                "roles", List.of("auditor")));
        assertAudited("User", name, "CREATED", "admin");

        Api.asAdmin().get("/api/v1/audit/verification").then().statusCode(200)
                .body("valid", org.hamcrest.Matchers.equalTo(true));
    }
}
