package io.poka.inspections;

import static io.poka.lots.LotFixtures.newLot;
import static io.poka.lots.LotFixtures.unique;

import io.poka.testing.Api;
import java.util.List;
import java.util.Map;

/**
 * A lot as QA finds it after incoming inspection, prepared through the REST API only: an ISO 2859-1 plan, the lot
 * inspected and accepted (READY_FOR_RELEASE), the lot it was split from and a lot it was consumed into.
 */
public final class InspectedLots {
    private static final String LOTS = "/api/v1/lots";

    /** The ids and external ids of one prepared genealogy: parent -> lot -> child. */
    public record Scenario(String product, String planId, String lotId, String externalId, String parentId,
            String parentExternalId, String childId, String childExternalId) {
    }

    private InspectedLots() {
    }

    /**
     * Plan: level II, MAJOR at AQL 1.0 and MINOR at AQL 2.5, attribute inspection. For a lot of 500, ISO 2859-1:1999
     * Table 1 gives code letter H and Table 2-A (normal) n = 50 with Ac 1 / Re 2 (AQL 1.0) and Ac 3 / Re 4 (AQL 2.5).
     * The inspection finds 0 major and 1 minor nonconforming units, so the lot is accepted.
     */
    public static Scenario readyForRelease() {
        String product = unique("HINGE");
        String plan = plan(product);
        String parentExt = unique("COIL");
        String parent = create(product, parentExt);
        String ext = unique("LOT");
        String lot = create(product, ext);
        String childExt = unique("ASSY");
        String child = create(product, childExt);
        link(parent, lot, "SPLIT");
        link(lot, child, "CONSUMED_INTO");
        Api.asAdmin().body(Map.of("to", "AWAITING_INSPECTION")).post(LOTS + "/" + lot + "/moves").then().statusCode(200);
        Api.asAdmin().body(Map.of("lotId", lot, "planId", plan, "attributes", List.of(
                Map.of("defectClass", "MAJOR", "nonconforming", 0), Map.of("defectClass", "MINOR", "nonconforming", 1))))
                .post("/api/v1/inspections").then().statusCode(201);
        return new Scenario(product, plan, lot, ext, parent, parentExt, child, childExt);
    }

    /** The plan above for {@code product}: level II, MAJOR at AQL 1.0, MINOR at AQL 2.5, attributes. Returns its id. */
    public static String plan(String product) {
        return Api.asAdmin().body(Map.of("product", product, "name", "Incoming " + product, "kind", "ISO_2859_1",
                "inspectionLevel", "II",
                "classes", List.of(Map.of("defectClass", "MAJOR", "aql", "1.0"), Map.of("defectClass", "MINOR", "aql", "2.5")),
                "characteristics", List.of(Map.of("name", "crack", "kind", "ATTRIBUTE", "defectClass", "MAJOR"),
                        Map.of("name", "scratch", "kind", "ATTRIBUTE", "defectClass", "MINOR"))))
                .post("/api/v1/inspection-plans").then().statusCode(201).extract().path("id");
    }

    /** A lot of 500 pcs just created (status CREATED). */
    public static String create(String product, String externalId) {
        return Api.asAdmin().body(newLot(product, externalId)).post(LOTS).then().statusCode(201).extract().path("id");
    }

    private static void link(String parent, String child, String type) {
        Api.asAdmin().body(Map.of("childId", child, "type", type)).post(LOTS + "/" + parent + "/children").then()
                .statusCode(200);
    }
}
