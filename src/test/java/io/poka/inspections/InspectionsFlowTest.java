package io.poka.inspections;

import static io.poka.lots.LotFixtures.as;
import static io.poka.lots.LotFixtures.newLot;
import static io.poka.lots.LotFixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.lots.LotFixtures;
import io.poka.platform.Problems;
import io.poka.platform.Roles;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An ERP-like client drives lots through inspection to release or hold, using only the documented API: plans,
 * the sampling question, results, verdicts and the ISO 2859-1 switching state over long sequences of lots.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class InspectionsFlowTest {
    private static final String PLANS = "/api/v1/inspection-plans";
    private static final String LOTS = "/api/v1/lots";
    private static final String INSPECTIONS = "/api/v1/inspections";

    /** ISO 2859-1:1999 plan, level II, one MAJOR variable (diameter 7.95..8.05 mm) at the given AQL. */
    private static String isoPlan(String product, String aql, boolean reducedApproved) {
        return tablePlan(product, aql, reducedApproved, null);
    }

    /** A table plan as {@link #isoPlan}, following {@code standard} (omitted when null: the default). */
    private static String tablePlan(String product, String aql, boolean reducedApproved, String standard) {
        Map<String, Object> body = new HashMap<>();
        if (standard != null) {
            body.put("standard", standard);
        }
        body.put("product", product);
        body.put("name", "Incoming " + product);
        body.put("kind", "ISO_2859_1");
        body.put("inspectionLevel", "II");
        body.put("reducedInspectionApproved", reducedApproved);
        body.put("classes", List.of(Map.of("defectClass", "MAJOR", "aql", aql)));
        body.put("characteristics", List.of(Map.of("name", "diameter", "kind", "VARIABLE", "defectClass", "MAJOR",
                "nominal", 8.0, "lsl", 7.95, "usl", 8.05, "unit", "mm")));
        return as(Roles.QA_MANAGER).body(body).post(PLANS).then().statusCode(201).extract().path("id");
    }

    /** A lot of 500 pcs of {@code product}, moved to AWAITING_INSPECTION as an MES would. */
    private static String lotAwaitingInspection(String product) {
        String id = as(Roles.INTEGRATION).body(newLot(product, unique("EXT"))).post(LOTS).then().statusCode(201)
                .extract().path("id");
        as(Roles.INTEGRATION).body(Map.of("to", "AWAITING_INSPECTION")).post(LOTS + "/" + id + "/moves").then().statusCode(200);
        return id;
    }

    /** The sampling answer for a lot of 500 from the supplier of the test lots. */
    private static JsonPath sampling(String planId, int lotSize) {
        return as(Roles.INSPECTOR).queryParam("lotSize", lotSize).queryParam("supplier", "ACME Metals")
                .get(PLANS + "/" + planId + "/sampling").then().statusCode(200).extract().jsonPath();
    }

    /** Asks for the sample size, measures that many units, {@code bad} of them out of spec. */
    private static ValidatableResponse inspect(String planId, String lotId, int bad) {
        int n = as(Roles.INSPECTOR).queryParam("lotId", lotId).get(PLANS + "/" + planId + "/sampling").then()
                .statusCode(200).extract().jsonPath().getInt("classes[0].sampleSize");
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(i < bad ? 8.2 : 8.0 + (i % 3) * 0.01);
        }
        return as(Roles.INSPECTOR).body(Map.of("lotId", lotId, "planId", planId,
                "variables", List.of(Map.of("characteristic", "diameter", "values", values))))
                .post(INSPECTIONS).then();
    }

    private static String severity(String planId) {
        return sampling(planId, 500).getString("classes[0].severity");
    }

    private static void assertProblem(ValidatableResponse r, int status, String type) {
        r.statusCode(status).contentType(Problems.MEDIA_TYPE).body("type", equalTo(type));
    }

    @Test
    void anErpClientDrivesALotFromCreationThroughInspectionToRelease() {
        String product = unique("BRACKET");
        String plan = isoPlan(product, "1.0", false);
        String lot = lotAwaitingInspection(product);

        // ISO 2859-1:1999 Table 1: 281..500 at level II -> H; Table 2-A row H (n = 50), AQL 1.0 -> Ac 1, Re 2
        JsonPath s = sampling(plan, 500);
        assertEquals("H", s.getString("classes[0].codeLetter"));
        assertEquals(50, s.getInt("classes[0].sampleSize"));
        assertEquals(1, s.getInt("classes[0].acceptanceNumber"));
        assertEquals(2, s.getInt("classes[0].rejectionNumber"));
        assertEquals("NORMAL", s.getString("classes[0].severity"));

        inspect(plan, lot, 1).statusCode(201).body("accepted", equalTo(true)).body("original", equalTo(true))
                .body("lotStatus", equalTo("READY_FOR_RELEASE")).body("classes[0].nonconforming", equalTo(1))
                .body("classes[0].characteristics[0].unitsOutOfSpec", equalTo(List.of(0)));
        as(Roles.QA_MANAGER).body(Map.of("reason", "inspection accepted",
                "signature", Map.of("password", LotFixtures.PASSWORD, "meaning", "APPROVAL")))
                .post(LOTS + "/" + lot + "/release").then().statusCode(200).body("status", equalTo("RELEASED"));

        List<String> events = LotFixtures.outboxTypes(lot);
        assertTrue(events.containsAll(List.of("InspectionPassed", "LotReleased")), events.toString());
        as(Roles.AUDITOR).queryParam("lotId", lot).get(INSPECTIONS).then().statusCode(200).body("", hasSize(1))
                .body("[0].accepted", equalTo(true));
    }

    @Test
    void aFailedInspectionPutsTheLotOnHoldAndPublishesWhatAnNcrNeeds() {
        String product = unique("BRACKET");
        String plan = isoPlan(product, "1.0", false);
        String lot = lotAwaitingInspection(product);

        inspect(plan, lot, 2).statusCode(201).body("accepted", equalTo(false)).body("lotStatus", equalTo("ON_HOLD"));
        as(Roles.AUDITOR).get(LOTS + "/" + lot).then().body("status", equalTo("ON_HOLD"))
                .body("hold.statusBeforeHold", equalTo("AWAITING_INSPECTION"))
                .body("hold.reason", org.hamcrest.Matchers.containsString("MAJOR 2 nonconforming, Ac 1 Re 2"));

        String payload = LotFixtures.outboxPayload(lot, "InspectionFailed");
        assertNotNull(payload, "InspectionFailed is in the outbox");
        JsonPath failed = JsonPath.from(payload);
        assertEquals(lot, failed.getString("lotId"));
        assertEquals(plan, failed.getString("planId"));
        assertEquals(LotFixtures.user(Roles.INSPECTOR), failed.getString("inspector"));
        assertEquals("MAJOR", failed.getString("classes[0].defectClass"));
        assertEquals("NORMAL", failed.getString("classes[0].severity"));
        assertEquals(50, failed.getInt("classes[0].sampleSize"));
        assertEquals(2, failed.getInt("classes[0].nonconforming"));
        assertEquals(1, failed.getInt("classes[0].acceptanceNumber"));
        assertEquals(2, failed.getInt("classes[0].rejectionNumber"));
        assertEquals(List.of(0, 1), failed.getList("classes[0].characteristics[0].unitsOutOfSpec"));
        assertTrue(LotFixtures.outboxTypes(lot).contains("LotHeld"));
        String sent = LotFixtures.awaitOnKafka(lot, "InspectionFailed", 30);
        assertNotNull(sent, "InspectionFailed reached poka.quality.events.v1");
        assertTrue(sent.contains("\"nonconforming\":2"), sent);
        assertNotNull(LotFixtures.awaitOnKafka(lot, "LotHeld", 30), "LotHeld reached poka.quality.events.v1");
    }

    @Test
    void resultsThatDoNotFitThePlanAreRefusedAndChangeNothing() {
        String product = unique("BRACKET");
        String plan = isoPlan(product, "1.0", false);
        String lot = lotAwaitingInspection(product);
        assertProblem(as(Roles.INSPECTOR).body(Map.of("lotId", lot, "planId", plan,
                "variables", List.of(Map.of("characteristic", "diameter", "values", List.of(8.0, 8.0)))))
                .post(INSPECTIONS).then(), 400, Problems.VALIDATION);
        as(Roles.AUDITOR).get(LOTS + "/" + lot).then().body("status", equalTo("AWAITING_INSPECTION")).body("version", equalTo(1));
        as(Roles.AUDITOR).queryParam("lotId", lot).get(INSPECTIONS).then().body("", hasSize(0));
        assertProblem(as(Roles.INSPECTOR).body(Map.of("product", product, "name", "x", "kind", "FULL",
                "classes", List.of(Map.of("defectClass", "MAJOR")))).post(PLANS).then(), 403, Problems.FORBIDDEN);
        // a lot of another product cannot be judged by this plan
        String other = lotAwaitingInspection(unique("OTHER"));
        assertProblem(inspect(plan, other, 0), 400, Problems.VALIDATION);
    }

    @Test
    void theSamplingLookupMatchesTheMasterTablesInAllThreeSeverities() {
        // lotSize, level, AQL, severity -> Table 1 letter, row used after arrows, n, Ac, Re.
        // Source: ISO 2859-1:1999 Table 1 and Tables 2-A (normal), 2-B (tightened); ANSI/ASQ Z1.4-2003 Table II-C
        // (reduced, as transcribed in AQLSchemes R/AAZ14Single.R; reduced is asked of the Z1.4 tables).
        Object[][] cells = {
                {2000, "II", "1.0", "NORMAL", "K", "K", 125, 3, 4, false},
                {2000, "II", "1.0", "TIGHTENED", "K", "K", 125, 2, 3, false},
                {2000, "II", "1.0", "REDUCED", "K", "K", 50, 1, 4, false},
                {500, "II", "1.0", "NORMAL", "H", "H", 50, 1, 2, false},
                {500, "II", "1.0", "TIGHTENED", "H", "J", 80, 1, 2, false},
                {500, "II", "1.0", "REDUCED", "H", "H", 20, 0, 2, false},
                {60, "II", "1.0", "NORMAL", "E", "E", 13, 0, 1, false},
                {60, "II", "1.0", "TIGHTENED", "E", "F", 20, 0, 1, false},
                {60, "II", "1.0", "REDUCED", "E", "E", 5, 0, 1, false},
                {1000, "II", "6.5", "REDUCED", "J", "J", 32, 5, 8, false},
                // B at 1.0 points down to E (n = 13) which exceeds the lot of 10: inspect every unit
                {10, "II", "1.0", "NORMAL", "B", "E", 10, 0, 1, true},
        };
        for (Object[] c : cells) {
            as(Roles.AUDITOR).queryParam("lotSize", c[0]).queryParam("level", c[1]).queryParam("aql", c[2])
                    .queryParam("severity", c[3])
                    .queryParam("standard", "REDUCED".equals(c[3]) ? "ANSI_ASQ_Z1_4_2003" : "ISO_2859_1_1999")
                    .get("/api/v1/sampling/iso-2859-1").then().statusCode(200)
                    .body("codeLetter", equalTo(c[4])).body("planCodeLetter", equalTo(c[5]))
                    .body("sampleSize", equalTo(c[6])).body("acceptanceNumber", equalTo(c[7]))
                    .body("rejectionNumber", equalTo(c[8])).body("fullInspection", equalTo(c[9]));
        }
        assertProblem(as(Roles.AUDITOR).queryParam("lotSize", 500).queryParam("level", "II").queryParam("aql", "1.1")
                .get("/api/v1/sampling/iso-2859-1").then(), 400, Problems.VALIDATION);
        // ISO 2859-1:1999 Table 2-C (no gap): H at 1.0 points down to J, n 32, 1/2 (Z1.4 II-C: H, n 20, 0/2)
        as(Roles.AUDITOR).queryParam("lotSize", 500).queryParam("level", "II").queryParam("aql", "1.0")
                .queryParam("severity", "REDUCED").get("/api/v1/sampling/iso-2859-1").then().statusCode(200)
                .body("edition", equalTo("ISO 2859-1:1999")).body("codeLetter", equalTo("H"))
                .body("planCodeLetter", equalTo("J")).body("sampleSize", equalTo(32))
                .body("acceptanceNumber", equalTo(1)).body("rejectionNumber", equalTo(2));
        assertProblem(as(Roles.AUDITOR).queryParam("lotSize", 500).queryParam("level", "II").queryParam("aql", "1.0")
                .queryParam("standard", "Z1.4").get("/api/v1/sampling/iso-2859-1").then(), 400, Problems.VALIDATION);
    }

    @Test
    void switchingStateFollowsALongSequenceOfLotsThroughReducedTightenedAndBackToNormal() {
        String product = unique("SWITCH");
        String plan = tablePlan(product, "1.0", true, "ANSI_ASQ_Z1_4_2003");
        // Ac = 1 < 2, so each accepted lot adds 2 to the switching score (8.3.3): the 15th reaches 30 -> REDUCED
        for (int i = 1; i <= 15; i++) {
            assertEquals("NORMAL", severity(plan), "before lot " + i);
            inspect(plan, lotAwaitingInspection(product), 0).statusCode(201).body("accepted", equalTo(true));
        }
        assertEquals("REDUCED", severity(plan));
        assertEquals(20, sampling(plan, 500).getInt("classes[0].sampleSize"), "Table II-C row H");
        // a lot not accepted on reduced (2 >= Re 2 of H at 1.0) -> NORMAL (8.3.4)
        inspect(plan, lotAwaitingInspection(product), 2).statusCode(201).body("accepted", equalTo(false));
        assertEquals("NORMAL", severity(plan));

        // 2 of 3 consecutive lots not accepted on normal -> TIGHTENED (9.3.1)
        String rejected = lotAwaitingInspection(product);
        inspect(plan, rejected, 2).statusCode(201).body("accepted", equalTo(false));
        // a re-inspection after lifting the hold is not an original inspection and does not count
        as(Roles.QA_MANAGER).body(Map.of("reason", "re-inspect after sorting")).post(LOTS + "/" + rejected + "/lift-hold")
                .then().statusCode(200);
        long counted = lotsInspected(product);
        inspect(plan, rejected, 0).statusCode(201).body("original", equalTo(false)).body("accepted", equalTo(true));
        assertEquals(counted, lotsInspected(product));
        inspect(plan, lotAwaitingInspection(product), 0).statusCode(201);
        assertEquals("NORMAL", severity(plan));
        inspect(plan, lotAwaitingInspection(product), 2).statusCode(201);
        JsonPath tightened = sampling(plan, 500);
        assertEquals("TIGHTENED", tightened.getString("classes[0].severity"));
        assertEquals("J", tightened.getString("classes[0].planCodeLetter"), "Table 2-B: H at 1.0 points down to J");
        assertEquals(80, tightened.getInt("classes[0].sampleSize"));

        // 5 consecutive lots accepted on tightened -> NORMAL (9.3.2)
        for (int i = 1; i <= 5; i++) {
            assertEquals("TIGHTENED", severity(plan), "tightened lot " + i);
            inspect(plan, lotAwaitingInspection(product), 1).statusCode(201).body("accepted", equalTo(true));
        }
        assertEquals("NORMAL", severity(plan));

        as(Roles.AUDITOR).queryParam("product", product).get("/api/v1/inspection-switching/events").then().statusCode(200)
                .body("reason", equalTo(List.of("SWITCHING_SCORE_REACHED", "LOT_NOT_ACCEPTED_ON_REDUCED",
                        "TWO_OF_FIVE_NOT_ACCEPTED", "FIVE_CONSECUTIVE_ACCEPTED")))
                .body("to", equalTo(List.of("REDUCED", "NORMAL", "TIGHTENED", "NORMAL")))
                .body("clause", equalTo(List.of("8.3.3", "8.3.4", "8.3.1", "8.3.2")));
        assertEquals(4L, LotFixtures.query("select count(*) from platform.outbox_event where type = 'InspectionSeverityChanged'"
                + " and event_key like ?", product + "|%").get(0).get(0));
    }

    /** A plan of {@code standard} (AQL 1.0, reduced approved) after {@code lots} accepted lots without findings. */
    private static String approvedPlanAfterGoodLots(String product, String standard, int lots) {
        String plan = tablePlan(product, "1.0", true, standard);
        as(Roles.AUDITOR).get(PLANS + "/" + plan).then().statusCode(200).body("standard", equalTo(standard));
        for (int i = 1; i <= lots; i++) {
            inspect(plan, lotAwaitingInspection(product), 0).statusCode(201).body("accepted", equalTo(true));
        }
        return plan;
    }

    @Test
    void onZ14ReducedALotBetweenAcAndReIsAcceptedAndInspectionReturnsToNormalWithAnEvent() {
        String product = unique("GAP");
        String plan = approvedPlanAfterGoodLots(product, "ANSI_ASQ_Z1_4_2003", 15);
        // ANSI/ASQ Z1.4-2003 Table II-C: lot 500, level II -> H, reduced n = 20, AQL 1.0 -> Ac 0, Re 2
        JsonPath reduced = sampling(plan, 500);
        assertEquals(List.of("ANSI_ASQ_Z1_4_2003", "ANSI/ASQ Z1.4-2003", "REDUCED", 20, 0, 2),
                List.of(reduced.getString("standard"), reduced.getString("edition"), reduced.getString("classes[0].severity"),
                        reduced.getInt("classes[0].sampleSize"), reduced.getInt("classes[0].acceptanceNumber"),
                        reduced.getInt("classes[0].rejectionNumber")));

        String lot = lotAwaitingInspection(product);
        inspect(plan, lot, 1).statusCode(201).body("accepted", equalTo(true))
                .body("lotStatus", equalTo("READY_FOR_RELEASE")).body("classes[0].severity", equalTo("REDUCED"))
                .body("classes[0].nonconforming", equalTo(1)).body("classes[0].acceptedBetweenAcAndRe", equalTo(true));
        assertEquals("NORMAL", severity(plan));
        as(Roles.AUDITOR).queryParam("product", product).get("/api/v1/inspection-switching/events").then().statusCode(200)
                .body("reason", equalTo(List.of("SWITCHING_SCORE_REACHED", "ACCEPTED_BETWEEN_AC_AND_RE")))
                .body("to", equalTo(List.of("REDUCED", "NORMAL"))).body("clause", equalTo(List.of("8.3.3", "8.3.4")));
        assertEquals(2L, LotFixtures.query("select count(*) from platform.outbox_event where type = 'InspectionSeverityChanged'"
                + " and event_key like ?", product + "|%").get(0).get(0));
        assertTrue(LotFixtures.outboxTypes(lot).contains("InspectionPassed"));
    }

    @Test
    void anIso2859PlanSwitchesToReducedFromTable2cAndAFixedPlanRefusesAStandard() {
        String product = unique("ISO");
        String plan = approvedPlanAfterGoodLots(product, "ISO_2859_1_1999", 16);
        JsonPath s = sampling(plan, 500);
        assertEquals("REDUCED", s.getString("classes[0].severity"));
        assertEquals("ISO 2859-1:1999", s.getString("edition"));
        assertEquals(32, s.getInt("classes[0].sampleSize"));
        assertEquals(1, s.getInt("classes[0].acceptanceNumber"));
        as(Roles.AUDITOR).queryParam("product", product).get("/api/v1/inspection-switching/events").then().statusCode(200)
                .body("reason", equalTo(List.of("SWITCHING_SCORE_REACHED"))).body("to", equalTo(List.of("REDUCED")))
                .body("clause", equalTo(List.of("9.3.3")));
        assertProblem(as(Roles.QA_MANAGER).body(Map.of("product", product, "name", "fixed", "kind", "FIXED",
                "fixedSampleSize", 5, "standard", "ANSI_ASQ_Z1_4_2003",
                "classes", List.of(Map.of("defectClass", "MAJOR", "acceptanceNumber", 0)))).post(PLANS).then(),
                400, Problems.VALIDATION);
    }

    @Test
    void fiveLotsNotAcceptedOnTightenedDiscontinueInspectionUntilItIsResumed() {
        String product = unique("DISC");
        String plan = isoPlan(product, "1.0", false);
        inspect(plan, lotAwaitingInspection(product), 2).statusCode(201);
        inspect(plan, lotAwaitingInspection(product), 2).statusCode(201);
        assertEquals("TIGHTENED", severity(plan));
        for (int i = 0; i < 5; i++) {
            inspect(plan, lotAwaitingInspection(product), 2).statusCode(201).body("accepted", equalTo(false));
        }
        assertTrue(sampling(plan, 500).getBoolean("classes[0].discontinued"));
        String waiting = lotAwaitingInspection(product);
        assertProblem(inspect(plan, waiting, 0), 409, Problems.type("inspections/discontinued"));
        as(Roles.AUDITOR).get(LOTS + "/" + waiting).then().body("status", equalTo("AWAITING_INSPECTION"));

        assertProblem(as(Roles.INSPECTOR).body(Map.of("product", product, "supplier", "ACME Metals",
                "defectClass", "MAJOR", "correctiveAction", "new die")).post("/api/v1/inspection-switching/resume").then(),
                403, Problems.FORBIDDEN);
        as(Roles.QA_MANAGER).body(Map.of("product", product, "supplier", "ACME Metals", "defectClass", "MAJOR",
                "correctiveAction", "supplier replaced the worn die (8D 2026-114)"))
                .post("/api/v1/inspection-switching/resume").then().statusCode(200)
                .body("severity", equalTo("TIGHTENED")).body("discontinued", equalTo(false));
        inspect(plan, waiting, 0).statusCode(201).body("accepted", equalTo(true));
    }

    @Test
    void aNewPlanVersionSupersedesTheOldOneWhichCanNoLongerBeUsed() {
        String product = unique("VER");
        String v1 = isoPlan(product, "1.0", false);
        String v2 = isoPlan(product, "2.5", false);
        as(Roles.AUDITOR).get(PLANS + "/" + v2).then().body("version", equalTo(2)).body("active", equalTo(true));
        as(Roles.AUDITOR).get(PLANS + "/" + v1).then().body("version", equalTo(1)).body("active", equalTo(false));
        ValidatableResponse r = inspect(v1, lotAwaitingInspection(product), 0);
        assertProblem(r, 409, Problems.type("inspections/plan-superseded"));
        r.body("activePlanId", equalTo(v2));
    }

    private static long lotsInspected(String product) {
        return as(Roles.AUDITOR).queryParam("product", product).get("/api/v1/inspection-switching/states").then()
                .statusCode(200).extract().jsonPath().getLong("[0].lotsInspected");
    }
}
