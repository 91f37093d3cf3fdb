package io.poka.ncr;

import static io.poka.lots.LotFixtures.unique;
import static io.poka.ncr.NcrFixtures.NCRS;
import static io.poka.ncr.NcrFixtures.qa;
import static io.poka.ncr.NcrFixtures.signature;

import io.poka.lots.LotFixtures;
import io.poka.platform.Roles;
import java.util.List;
import java.util.Map;

/** Drives every write path of the nonconformance module once, for the audit coverage test. */
public final class NcrWorkflowForAudit {
    private NcrWorkflowForAudit() {
    }

    public static void drive() {
        String code = "AUD" + unique("").replace("-", "").toUpperCase();
        qa().body(Map.of("code", code, "parentCode", "DIM", "name", "Audit probe")).post("/api/v1/defect-codes").then()
                .statusCode(201);
        qa().body(Map.of("parentCode", "DIM", "name", "Audit probe, renamed")).put("/api/v1/defect-codes/" + code)
                .then().statusCode(200);
        String line = unique("L");
        String lot = NcrFixtures.lot(unique("P"), line, "2026-11-20T08:00:00Z", "2026-11-20T10:00:00Z");
        String id = LotFixtures.as(Roles.INTEGRATION).header("Idempotency-Key", unique("ncr"))
                .body(Map.of("source", "SUPPLIER_ISSUE", "sourceReference", unique("SI"), "title", "coil out of spec",
                        "line", line, "defectCode", code, "signalFrom", "2026-11-20T09:00:00Z",
                        "signalTo", "2026-11-20T09:30:00Z", "variables", List.of("XMEAS(9)")))
                .post(NCRS).then().statusCode(201).extract().path("id");
        qa().contentType("application/pdf").body("%PDF-1.4\n%probe".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .post(NCRS + "/" + id + "/attachments?fileName=certificate.pdf").then().statusCode(201);
        qa().body(Map.of("reason", "suspect coil", "signature", signature())).post(NCRS + "/" + id + "/containment")
                .then().statusCode(200);
        qa().body(Map.of("lines", List.of(Map.of("lotId", lot, "decision", "RETURN_TO_SUPPLIER", "quantity", 500)),
                "reason", "back to supplier", "signature", signature())).post(NCRS + "/" + id + "/dispositions")
                .then().statusCode(200);
        qa().body(Map.of("method", "ISHIKAWA", "ishikawa", Map.of("material", List.of("coil hardness")),
                "rootCauseCategory", "MATERIAL", "rootCause", "coil hardness above spec"))
                .put(NCRS + "/" + id + "/investigation").then().statusCode(200);
        qa().body(Map.of("reason", "supplier corrected", "signature", signature())).post(NCRS + "/" + id + "/close")
                .then().statusCode(200);
    }
}
