package io.poka.ncr;

import static io.poka.lots.LotFixtures.newLot;
import static io.poka.lots.LotFixtures.unique;

import io.poka.lots.LotFixtures;
import io.poka.platform.Roles;
import io.poka.testing.Api;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Lots, failed inspections and reports for the nonconformance tests, prepared through the REST API only. */
public final class NcrFixtures {
    public static final String NCRS = "/api/v1/ncrs";
    static final String LOTS = "/api/v1/lots";

    private NcrFixtures() {
    }

    public static RequestSpecification qa() {
        return LotFixtures.as(Roles.QA_MANAGER);
    }

    public static String qaUser() {
        return LotFixtures.user(Roles.QA_MANAGER);
    }

    public static Map<String, Object> signature() {
        return Map.of("password", LotFixtures.PASSWORD, "meaning", "APPROVAL");
    }

    /** A lot of 500 pcs on {@code line}, produced in [start, end]. */
    public static String lot(String product, String line, String start, String end) {
        Map<String, Object> body = new HashMap<>(newLot(product, unique("LOT")));
        body.put("line", line);
        body.put("productionStart", start);
        body.put("productionEnd", end);
        return Api.asAdmin().body(body).post(LOTS).then().statusCode(201).extract().path("id");
    }

    public static void link(String parent, String child, String type) {
        Api.asAdmin().body(Map.of("childId", child, "type", type)).post(LOTS + "/" + parent + "/children").then()
                .statusCode(200);
    }

    /** The two records a failed inspection report needs. */
    public record FailedInspection(String lotId, String inspectionId, String product, String line) {
    }

    /**
     * A lot of 500 inspected with an ISO 2859-1 plan (level II, MAJOR at AQL 1.0: code letter H, n = 50, Ac 1, Re 2,
     * ISO 2859-1:1999 Tables 1 and 2-A) finding 2 major nonconforming units: rejected, the lot goes ON_HOLD.
     */
    public static FailedInspection failedInspection() {
        String product = unique("BRACKET");
        String line = unique("L");
        String plan = Api.asAdmin().body(Map.of("product", product, "name", "Final " + product, "kind", "ISO_2859_1",
                "inspectionLevel", "II", "classes", List.of(Map.of("defectClass", "MAJOR", "aql", "1.0")),
                "characteristics", List.of(Map.of("name", "burr", "kind", "ATTRIBUTE", "defectClass", "MAJOR"))))
                .post("/api/v1/inspection-plans").then().statusCode(201).extract().path("id");
        String lot = lot(product, line, "2026-11-28T06:00:00Z", "2026-11-28T14:00:00Z");
        Api.asAdmin().body(Map.of("to", "AWAITING_INSPECTION")).post(LOTS + "/" + lot + "/moves").then().statusCode(200);
        String inspection = Api.asAdmin().body(Map.of("lotId", lot, "planId", plan, "attributes",
                List.of(Map.of("defectClass", "MAJOR", "nonconforming", 2))))
                .post("/api/v1/inspections").then().statusCode(201).extract().path("id");
        return new FailedInspection(lot, inspection, product, line);
    }

    /** Opens a report by hand on a line and product; returns its id. */
    public static String manual(String line, String product, String defectCode) {
        return qa().body(Map.of("source", "MANUAL", "title", "found at the press", "line", line, "product", product,
                "defectCode", defectCode)).post(NCRS).then().statusCode(201).extract().path("id");
    }
}
