package io.poka.inspections;

import static io.poka.lots.LotFixtures.newLot;
import static io.poka.lots.LotFixtures.unique;

import io.poka.testing.Api;
import java.util.List;
import java.util.Map;

/**
 * Inspections of lots on two new lines through the REST API, for the Pareto of defect classes: one ISO 2859-1 plan
 * (MAJOR at AQL 1.0, MINOR at AQL 2.5; a lot of 500 at level II samples n = 50 per class, ISO 2859-1:1999 Tables 1
 * and 2-A), line A's lots with MAJOR 1 + 0 and MINOR 3 + 2 nonconforming units, line B's lot with MAJOR 4.
 */
public final class DefectParetoFixtures {

    /** The product and the two lines prepared. */
    public record Lines(String product, String lineA, String lineB) {
    }

    private DefectParetoFixtures() {
    }

    public static Lines inspectedOnTwoLines() {
        String product = unique("VALVE");
        String plan = InspectedLots.plan(product);
        String lineA = unique("LINE-A");
        String lineB = unique("LINE-B");
        inspect(plan, lot(product, lineA), 1, 3);
        inspect(plan, lot(product, lineA), 0, 2);
        inspect(plan, lot(product, lineB), 4, 0);
        return new Lines(product, lineA, lineB);
    }

    private static String lot(String product, String line) {
        Map<String, Object> body = newLot(product, unique("LOT"));
        body.put("line", line);
        String id = Api.asAdmin().body(body).post("/api/v1/lots").then().statusCode(201).extract().path("id");
        Api.asAdmin().body(Map.of("to", "AWAITING_INSPECTION")).post("/api/v1/lots/" + id + "/moves").then()
                .statusCode(200);
        return id;
    }

    private static void inspect(String plan, String lot, int major, int minor) {
        Api.asAdmin().body(Map.of("lotId", lot, "planId", plan, "attributes", List.of(
                Map.of("defectClass", "MAJOR", "nonconforming", major), Map.of("defectClass", "MINOR", "nonconforming",
                        minor)))).post("/api/v1/inspections").then().statusCode(201);
    }
}
