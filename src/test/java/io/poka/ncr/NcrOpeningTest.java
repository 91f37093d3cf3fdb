package io.poka.ncr;

import static io.poka.ncr.NcrFixtures.NCRS;
import static io.poka.ncr.NcrFixtures.qa;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.poka.lots.LotFixtures;
import io.poka.ncr.NcrFixtures.FailedInspection;
import io.poka.platform.Roles;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Opening nonconformance reports over REST: from each source, with validation and idempotent retries from ERP. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class NcrOpeningTest {

    private static long count() {
        return ((Number) LotFixtures.query("select count(*) from ncr.ncr").get(0).get(0)).longValue();
    }

    @Test
    void aFailedInspectionOpensAReportCarryingItsLotProductQuantitiesAndWorstClass() {
        FailedInspection f = NcrFixtures.failedInspection();

        String id = LotFixtures.as(Roles.INSPECTOR).body(Map.of("source", "INSPECTION", "inspectionId", f.inspectionId(),
                "defectCode", "DIM-BURR")).post(NCRS).then().statusCode(201)
                .header("Location", containsString("/api/v1/ncrs/"))
                .body("number", matchesPattern("NCR-\\d{4}-\\d{4}"))
                .body("status", equalTo("OPEN")).body("source", equalTo("INSPECTION"))
                .body("sourceReference", equalTo(f.inspectionId()))
                .body("line", equalTo(f.line())).body("product", equalTo(f.product()))
                .body("severity", equalTo("MAJOR"))
                .body("quantities.affected", equalTo(500)).body("quantities.nonconforming", equalTo(2))
                .body("title", startsWith("Failed inspection of lot"))
                .extract().path("id");

        qa().get(NCRS + "/" + id).then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("defectCode", equalTo("DIM-BURR"));
        assertEquals(List.of("NonconformanceOpened"), LotFixtures.outboxTypes(id));
    }

    @Test
    void anAcceptedInspectionAnUnknownDefectCodeOrOwnerIsRefusedAndNothingIsStored() {
        long before = count();
        qa().body(Map.of("source", "INSPECTION", "inspectionId", UUID.randomUUID().toString(), "defectCode", "DIM-BURR"))
                .post(NCRS).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("inspectionId"));
        qa().body(Map.of("source", "MANUAL", "title", "x", "defectCode", "NO-SUCH")).post(NCRS).then().statusCode(400)
                .body("errors[0].field", equalTo("defectCode"));
        qa().body(Map.of("source", "MANUAL", "title", "x", "defectCode", "DIM", "owner", "nobody-" + UUID.randomUUID()))
                .post(NCRS).then().statusCode(400).body("errors[0].field", equalTo("owner"));
        qa().body(Map.of("source", "MANUAL", "title", "x", "defectCode", "DIM",
                "risk", Map.of("severity", 11, "occurrence", 0, "detection", 5)))
                .post(NCRS).then().statusCode(400).body("errors.size()", equalTo(2));
        assertEquals(before, count());
    }

    @Test
    void aCustomerComplaintRetriedWithItsIdempotencyKeyIsRecordedOnce() {
        String key = "crm-" + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(Map.of("source", "CUSTOMER_COMPLAINT", "sourceReference", "CC-" + key,
                "sourceSystem", "CRM", "title", "Customer found burrs", "defectCode", "DIM-BURR",
                "quantityAffected", 40, "quantityNonconforming", 6, "unit", "pcs", "cost", 320.50));
        var integration = LotFixtures.as(Roles.INTEGRATION);
        String first = integration.header("Idempotency-Key", key).body(body).post(NCRS).then().statusCode(201)
                .body("cost", equalTo(320.5f)).extract().path("id");
        long after = count();

        LotFixtures.as(Roles.INTEGRATION).header("Idempotency-Key", key).body(body).post(NCRS).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        body.put("quantityNonconforming", 7);
        LotFixtures.as(Roles.INTEGRATION).header("Idempotency-Key", key).body(body).post(NCRS).then().statusCode(422)
                .body("type", equalTo("urn:poka:problem:ncr/idempotency-key-reused"));
        assertEquals(after, count());
    }

    @Test
    void aComplaintWithoutItsNumberIsRefused() {
        qa().body(Map.of("source", "SUPPLIER_ISSUE", "title", "wrong alloy", "defectCode", "MAT")).post(NCRS).then()
                .statusCode(400).body("errors[0].field", equalTo("sourceReference"));
    }
}
