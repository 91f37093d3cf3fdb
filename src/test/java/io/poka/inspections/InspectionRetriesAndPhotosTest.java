package io.poka.inspections;

import static io.poka.lots.LotFixtures.as;
import static io.poka.lots.LotFixtures.newLot;
import static io.poka.lots.LotFixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.poka.lots.LotFixtures;
import io.poka.platform.Problems;
import io.poka.platform.Roles;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A tablet that lost its network retries an inspection with the Idempotency-Key of its draft: the server records it
 * once and replays the first answer; a key reused for other results is refused. Photos are stored with the
 * inspection by SHA-256 (a retried upload stores once), size-limited and checked to be images.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class InspectionRetriesAndPhotosTest {
    private static final String INSPECTIONS = "/api/v1/inspections";
    /** The smallest JPEG header: SOI marker FF D8 followed by an APP0 marker FF E0 (JFIF). */
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0};

    /** FIXED plan: 3 units, MAJOR Ac 0 on a diameter 7.95..8.05 mm and MINOR Ac 1 by attribute. */
    private static String plan(String product) {
        return as(Roles.QA_MANAGER).body(Map.of("product", product, "name", "Tablet " + product, "kind", "FIXED",
                "fixedSampleSize", 3, "classes", List.of(Map.of("defectClass", "MAJOR", "acceptanceNumber", 0),
                        Map.of("defectClass", "MINOR", "acceptanceNumber", 1)),
                "characteristics", List.of(Map.of("name", "diameter", "kind", "VARIABLE", "defectClass", "MAJOR",
                        "lsl", 7.95, "usl", 8.05, "unit", "mm"),
                        Map.of("name", "scratch", "kind", "ATTRIBUTE", "defectClass", "MINOR"))))
                .post("/api/v1/inspection-plans").then().statusCode(201).extract().path("id");
    }

    private static String lotAwaitingInspection(String product) {
        String id = as(Roles.INTEGRATION).body(newLot(product, unique("EXT"))).post("/api/v1/lots").then()
                .statusCode(201).extract().path("id");
        as(Roles.INTEGRATION).body(Map.of("to", "AWAITING_INSPECTION")).post("/api/v1/lots/" + id + "/moves").then()
                .statusCode(200);
        return id;
    }

    private static Map<String, Object> results(String lotId, String planId, double third) {
        return Map.of("lotId", lotId, "planId", planId,
                "variables", List.of(Map.of("characteristic", "diameter", "values", List.of(8.0, 8.01, third))),
                "attributes", List.of(Map.of("defectClass", "MINOR", "nonconforming", 1,
                        "defects", List.of(Map.of("code", "SCR-01", "count", 1)))));
    }

    private static Response post(String key, Map<String, Object> body) {
        return as(Roles.INSPECTOR).header("Idempotency-Key", key).body(body).post(INSPECTIONS);
    }

    @Test
    void aRetriedInspectionWithTheSameKeyIsRecordedOnceAndAnswersTheFirstVerdictAgain() {
        String product = unique("TAB");
        String planId = plan(product);
        String lotId = lotAwaitingInspection(product);
        String key = "draft-" + UUID.randomUUID();
        Map<String, Object> body = results(lotId, planId, 8.2);

        Response first = post(key, body);
        first.then().statusCode(201).body("accepted", equalTo(false)).body("lotStatus", equalTo("ON_HOLD"))
                .body("classes[0].characteristics[0].unitsOutOfSpec", equalTo(List.of(2)))
                .body("attributes[0].defects[0].code", equalTo("SCR-01"));
        assertNull(first.getHeader("Idempotent-Replayed"));

        // the answer was lost on the way to the tablet; it sends the same draft again (the lot is now ON_HOLD, so
        // without the key this would be refused with 409 lot-not-awaiting-inspection)
        Response retry = post(key, body);
        retry.then().statusCode(201).header("Idempotent-Replayed", "true").header("Location", first.getHeader("Location"));
        assertEquals(first.jsonPath().getString("id"), retry.jsonPath().getString("id"));
        assertEquals(first.jsonPath().getMap(""), retry.jsonPath().getMap(""));

        as(Roles.INSPECTOR).queryParam("lotId", lotId).get(INSPECTIONS).then().statusCode(200).body("size()", equalTo(1));
        assertEquals(1, LotFixtures.query("select count(*) from lots.status_change where lot_id = ? and to_status = 'ON_HOLD'",
                UUID.fromString(lotId)).get(0).get(0) instanceof Number n ? n.intValue() : -1, "the lot was held once");
    }

    @Test
    void theSameKeyWithOtherResultsIsRefusedAndChangesNothing() {
        String product = unique("TAB");
        String planId = plan(product);
        String lotId = lotAwaitingInspection(product);
        String otherLot = lotAwaitingInspection(product);
        String key = "draft-" + UUID.randomUUID();
        post(key, results(lotId, planId, 8.2)).then().statusCode(201);

        post(key, results(otherLot, planId, 8.0)).then().statusCode(422).contentType(Problems.MEDIA_TYPE)
                .body("type", equalTo(Problems.type("inspections/idempotency-key-reused")))
                .body("idempotencyKey", equalTo(key));
        as(Roles.INSPECTOR).queryParam("lotId", otherLot).get(INSPECTIONS).then().statusCode(200).body("size()", equalTo(0));
        as(Roles.INSPECTOR).get("/api/v1/lots/" + otherLot).then().body("status", equalTo("AWAITING_INSPECTION"));

        post("k".repeat(201), results(otherLot, planId, 8.0)).then().statusCode(400).contentType(Problems.MEDIA_TYPE);
        as(Roles.INSPECTOR).queryParam("lotId", otherLot).get(INSPECTIONS).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aKeyIsScopedToTheClientThatSentIt() {
        String product = unique("TAB");
        String planId = plan(product);
        String lotId = lotAwaitingInspection(product);
        String otherLot = lotAwaitingInspection(product);
        String key = "draft-" + UUID.randomUUID();
        post(key, results(lotId, planId, 8.0)).then().statusCode(201).body("accepted", equalTo(true));
        as(Roles.QA_MANAGER).header("Idempotency-Key", key).body(results(otherLot, planId, 8.0)).post(INSPECTIONS)
                .then().statusCode(201).header("Idempotent-Replayed", (String) null).body("lotId", equalTo(otherLot));
    }

    @Test
    void aPhotoIsStoredWithTheInspectionOnceByItsSha256() throws Exception {
        String product = unique("TAB");
        String inspection = post("draft-" + UUID.randomUUID(), results(lotAwaitingInspection(product), plan(product), 8.2))
                .then().statusCode(201).extract().path("id");
        byte[] photo = Arrays.copyOf(JPEG, 4096);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
        String url = INSPECTIONS + "/" + inspection + "/photos";

        Response stored = as(Roles.INSPECTOR).contentType("image/jpeg").header("X-File-Name", "IMG_0042.jpg")
                .body(photo).post(url);
        stored.then().statusCode(201).body("sha256", equalTo(sha256)).body("sizeBytes", equalTo(4096))
                .body("contentType", equalTo("image/jpeg")).body("fileName", equalTo("IMG_0042.jpg"))
                .body("uploadedBy", equalTo(LotFixtures.user(Roles.INSPECTOR)));
        as(Roles.INSPECTOR).contentType("image/jpeg").body(photo).post(url).then().statusCode(200)
                .body("id", equalTo(stored.jsonPath().getString("id")));

        as(Roles.AUDITOR).get(url).then().statusCode(200).body("size()", equalTo(1)).body("[0].sha256", equalTo(sha256));
        byte[] back = as(Roles.AUDITOR).get(stored.getHeader("Location")).then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray();
        assertArrayEquals(photo, back);
    }

    @Test
    void aPhotoThatIsTooLargeOrNotAnImageIsRefusedAndNothingIsStored() {
        String product = unique("TAB");
        String inspection = post("draft-" + UUID.randomUUID(), results(lotAwaitingInspection(product), plan(product), 8.0))
                .then().statusCode(201).extract().path("id");
        String url = INSPECTIONS + "/" + inspection + "/photos";
        // poka.inspections.max-photo-bytes defaults to 8 MiB
        as(Roles.INSPECTOR).contentType("image/jpeg").body(Arrays.copyOf(JPEG, 8 * 1024 * 1024 + 1)).post(url).then()
                .statusCode(413).contentType(Problems.MEDIA_TYPE)
                .body("type", equalTo(Problems.type("inspections/photo-too-large"))).body("maxBytes", equalTo(8388608));
        as(Roles.INSPECTOR).contentType("image/jpeg").body("<script>alert(1)</script>".getBytes()).post(url).then()
                .statusCode(415).contentType(Problems.MEDIA_TYPE)
                .body("type", equalTo(Problems.type("inspections/photo-type-unsupported")));
        as(Roles.INSPECTOR).get(url).then().statusCode(200).body("size()", equalTo(0));
        as(Roles.INSPECTOR).contentType("image/jpeg").body(JPEG).post(INSPECTIONS + "/" + UUID.randomUUID() + "/photos")
                .then().statusCode(404).contentType(Problems.MEDIA_TYPE);
    }
}
