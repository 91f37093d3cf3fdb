package io.poka.ncr;

import static io.poka.lots.LotFixtures.unique;
import static io.poka.ncr.NcrFixtures.LOTS;
import static io.poka.ncr.NcrFixtures.NCRS;
import static io.poka.ncr.NcrFixtures.lot;
import static io.poka.ncr.NcrFixtures.qa;
import static io.poka.ncr.NcrFixtures.signature;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.lots.LotFixtures;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A report through its life over REST: suspect lots proposed from the signal window and the genealogy, one signed
 * hold, recall review of released lots, a reconciled material review moving each lot, investigation and signed
 * closure; and every refusal on the way changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class NcrWorkflowTest {

    private static String status(String lot) {
        return Api.asAdmin().get(LOTS + "/" + lot).then().extract().path("status");
    }

    private static Map<String, Object> line(String lot, String decision, int quantity) {
        return Map.of("lotId", lot, "decision", decision, "quantity", quantity);
    }

    /** A lot moved to RELEASED through a hold and a signed USE_AS_IS disposition. */
    private static String releasedLot(String product, String line, String start, String end) {
        String lot = lot(product, line, start, end);
        qa().body(Map.of("reason", "first articles")).post(LOTS + "/" + lot + "/hold").then().statusCode(200);
        qa().body(Map.of("decision", "USE_AS_IS", "reason", "ok", "signature", signature()))
                .post(LOTS + "/" + lot + "/dispositions").then().statusCode(201);
        assertEquals("RELEASED", status(lot));
        return lot;
    }

    @Test
    void aSignalWindowProposesTheLotsOfTheLineAndTheirDownstreamAndTheLoopClosesSigned() {
        String product = unique("BRACKET");
        String line = unique("L");
        String inWindow = lot(product, line, "2026-11-20T08:00:00Z", "2026-11-20T10:00:00Z");
        String overlapping = lot(product, line, "2026-11-20T10:30:00Z", "2026-11-20T12:00:00Z");
        String after = lot(product, line, "2026-11-20T12:30:00Z", "2026-11-20T14:00:00Z");
        String otherLine = lot(product, unique("L"), "2026-11-20T09:00:00Z", "2026-11-20T10:00:00Z");
        String released = releasedLot(product, line, "2026-11-20T06:00:00Z", "2026-11-20T09:30:00Z");
        String assembly = lot(unique("ASSY"), unique("L"), "2026-11-22T08:00:00Z", "2026-11-22T09:00:00Z");
        NcrFixtures.link(inWindow, assembly, "CONSUMED_INTO");

        Map<String, Object> open = new HashMap<>(Map.of("source", "MANUAL", "title", "burr seen at PRESS-3",
                "line", line, "product", product, "defectCode", "DIM-BURR", "owner", NcrFixtures.qaUser(),
                "signalFrom", "2026-11-20T09:00:00Z", "signalTo", "2026-11-20T11:00:00Z",
                "risk", Map.of("severity", 7, "occurrence", 4, "detection", 5)));
        String id = qa().body(open).post(NCRS).then().statusCode(201).body("risk.rpn", equalTo(140))
                .extract().path("id");
        String number = qa().get(NCRS + "/" + id).then().extract().path("number");

        JsonPath detail = qa().get(NCRS + "/" + id + "/detail").then().statusCode(200).extract().jsonPath();
        Map<String, String> reasons = new HashMap<>();
        List<Map<String, Object>> suspects = detail.getList("suspectLots");
        suspects.forEach(s -> reasons.put((String) s.get("lotId"), (String) s.get("reason")));
        assertEquals(Map.of(inWindow, "WINDOW", overlapping, "WINDOW", released, "WINDOW", assembly, "DOWNSTREAM"),
                reasons, "lots after the window or of another line are not suspect: " + after + ", " + otherLine);
        assertEquals(List.of(true), detail.getList("suspectLots.findAll { it.lotId == '" + released + "' }.recallReview"));
        assertEquals(inWindow, detail.getString("suspectLots.find { it.lotId == '" + assembly + "' }.viaLotId"));

        // a wrong password holds nothing
        qa().body(Map.of("reason", "suspect burr", "signature", Map.of("password", "wrong", "meaning", "APPROVAL")))
                .post(NCRS + "/" + id + "/containment").then().statusCode(403);
        assertEquals("CREATED", status(inWindow));
        assertEquals("RELEASED", status(released));

        qa().body(Map.of("reason", "suspect burr", "signature", signature())).post(NCRS + "/" + id + "/containment")
                .then().statusCode(200).body("status", equalTo("CONTAINED"));
        for (String lot : List.of(inWindow, overlapping, released, assembly)) {
            Api.asAdmin().get(LOTS + "/" + lot).then().body("status", equalTo("ON_HOLD"))
                    .body("hold.reason", containsString(number));
        }
        assertEquals("CREATED", status(after));
        JsonPath contained = JsonPath.from(LotFixtures.outboxPayload(id, "ContainmentApplied"));
        assertEquals(List.of(released), contained.getList("recallReview"));
        assertEquals(4, contained.getList("heldLots").size());

        // quantities that do not add up to the suspect 500 are refused, naming the lot; nothing moves
        qa().body(Map.of("lines", List.of(line(inWindow, "REWORK", 100), line(inWindow, "USE_AS_IS", 300)),
                "reason", "sorted", "signature", signature())).post(NCRS + "/" + id + "/dispositions").then()
                .statusCode(422).body("type", equalTo("urn:poka:problem:ncr/quantities-do-not-reconcile"))
                .body("lots[0].lotId", equalTo(inWindow)).body("lots[0].suspectQuantity", equalTo(500))
                .body("lots[0].dispositionedQuantity", equalTo(400));
        assertEquals("ON_HOLD", status(inWindow));

        qa().body(Map.of("lines", List.of(line(inWindow, "REWORK", 100), line(inWindow, "USE_AS_IS", 400),
                line(overlapping, "SCRAP", 500)), "reason", "100 % sorted", "signature", signature()))
                .post(NCRS + "/" + id + "/dispositions").then().statusCode(200).body("status", equalTo("CONTAINED"));
        assertEquals("RELEASED", status(inWindow), "USE_AS_IS covers most of the lot");
        assertEquals("SCRAPPED", status(overlapping));
        // a lot is dispositioned once
        qa().body(Map.of("lines", List.of(line(overlapping, "SCRAP", 500)), "reason", "again", "signature", signature()))
                .post(NCRS + "/" + id + "/dispositions").then().statusCode(400)
                .body("errors[0].field", equalTo("lines[0].lotId"));

        // closing before the cause is known and all material decided is refused
        qa().body(Map.of("reason", "done", "signature", signature())).post(NCRS + "/" + id + "/close").then()
                .statusCode(409).body("type", equalTo("urn:poka:problem:ncr/illegal-transition"));

        qa().body(Map.of("lines", List.of(line(released, "RETURN_TO_SUPPLIER", 500), line(assembly, "REGRADE", 500)),
                "reason", "supplier coil out of spec; assemblies sold as grade B", "signature", signature()))
                .post(NCRS + "/" + id + "/dispositions").then().statusCode(200).body("status", equalTo("DISPOSITIONED"));
        assertEquals("REJECTED", status(released));
        assertEquals("RELEASED", status(assembly));
        Api.asAdmin().get(LOTS + "/" + released + "/dispositions").then().body("decision", hasItems("RETURN_TO_SUPPLIER"));

        qa().body(Map.of("reason", "done", "signature", signature())).post(NCRS + "/" + id + "/close").then()
                .statusCode(409).body("type", equalTo("urn:poka:problem:ncr/root-cause-missing"));
        qa().body(Map.of("method", "FIVE_WHY", "whys", List.of("burr", "punch worn", "no tool-life limit"),
                "rootCauseCategory", "MACHINE", "rootCause", "punch worn beyond its life"))
                .put(NCRS + "/" + id + "/investigation").then().statusCode(200).body("status", equalTo("DISPOSITIONED"))
                .body("rootCauseCategory", equalTo("MACHINE"));
        qa().body(Map.of("reason", "tool-life limit in the control plan", "signature", signature()))
                .post(NCRS + "/" + id + "/close").then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("closedAt", notNullValue());
        qa().body(Map.of("reason", "oops")).post(NCRS + "/" + id + "/cancel").then().statusCode(409)
                .body("allowed.size()", equalTo(0));

        JsonPath closed = qa().get(NCRS + "/" + id + "/detail").then().extract().jsonPath();
        assertEquals("FIVE_WHY", closed.getString("investigation.method"));
        assertEquals(List.of("OPEN", "CONTAINED", "DISPOSITIONED", "CLOSED"), closed.getList("history.to"));
        assertEquals(5, closed.getList("dispositions").size());
        List<String> events = LotFixtures.outboxTypes(id);
        assertTrue(events.containsAll(List.of("NonconformanceOpened", "ContainmentApplied", "DispositionRecorded")),
                events.toString());
        List<List<Object>> audited = LotFixtures.query(
                "select action from audit.entry where entity_type = 'Ncr' and entity_id = ? order by sequence", id);
        assertEquals(List.of("OPENED", "CONTAINED", "DISPOSITION_RECORDED", "DISPOSITION_RECORDED",
                "INVESTIGATION_SAVED", "CLOSED"), audited.stream().map(r -> r.get(0)).toList());
    }

    @Test
    void aReportOpenedInErrorIsCancelledWithAReasonAndCannotBeClosedFromOpen() {
        String id = NcrFixtures.manual(unique("L"), unique("P"), "SURF-SCRATCH");
        qa().body(Map.of("reason", "done", "signature", signature())).post(NCRS + "/" + id + "/close").then()
                .statusCode(409).body("action", equalTo("CLOSE")).body("allowed", equalTo(List.of("CANCEL", "CONTAIN", "INVESTIGATE")));
        qa().body(Map.of("reason", "suspect", "signature", signature())).post(NCRS + "/" + id + "/containment").then()
                .statusCode(409).body("type", equalTo("urn:poka:problem:ncr/nothing-to-contain"));
        qa().body(Map.of("reason", " ")).post(NCRS + "/" + id + "/cancel").then().statusCode(400);
        qa().body(Map.of("reason", "duplicate")).post(NCRS + "/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        LotFixtures.as(io.poka.platform.Roles.INSPECTOR).body(Map.of("reason", "x")).post(NCRS + "/" + id + "/cancel")
                .then().statusCode(403);
    }

    @Test
    void staleIfMatchIsRefused() {
        String id = NcrFixtures.manual(unique("L"), unique("P"), "SURF");
        qa().header("If-Match", "\"7\"").body(Map.of("reason", "dup")).post(NCRS + "/" + id + "/cancel").then()
                .statusCode(412).body("type", equalTo("urn:poka:problem:ncr/stale-version"));
    }
}
