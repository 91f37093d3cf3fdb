package io.poka.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.platform.Roles;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Only auditors and admins read the trail and export it; QA managers see one record's history; nobody else. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AuditAccessTest {
    private static final List<String> TRAIL_READS = List.of("/api/v1/audit/entries", "/api/v1/audit/verification",
            "/api/v1/audit/head");
    private static final String HISTORY = "/api/v1/audit/entities/User/admin/history";

    @Test
    void anonymousCallsGet401() {
        for (String path : List.of(TRAIL_READS.get(0), TRAIL_READS.get(1), TRAIL_READS.get(2), HISTORY,
                "/api/v1/audit/public-key")) {
            given().get(path).then().statusCode(401).contentType("application/problem+json");
        }
        given().contentType("application/json").body("{}").post("/api/v1/audit/exports").then().statusCode(401);
    }

    @Test
    void rolesOtherThanAuditorAndAdminGet403OnTheTrailAndExports() {
        for (String role : List.of(Roles.INSPECTOR, Roles.QA_MANAGER, Roles.INTEGRATION)) {
            String user = AuditTestSupport.newUser(role);
            for (String path : TRAIL_READS) {
                AuditTestSupport.as(user).get(path).then().statusCode(403).contentType("application/problem+json");
            }
            AuditTestSupport.as(user).body("{}").post("/api/v1/audit/exports").then().statusCode(403);
            AuditTestSupport.as(user).body(Map.of("comment", "c", "password", AuditTestSupport.PASSWORD))
                    .post("/api/v1/audit/reviews").then().statusCode(403);
            AuditTestSupport.as(user).get(HISTORY).then()
                    .statusCode(role.equals(Roles.QA_MANAGER) ? 200 : 403);
            AuditTestSupport.as(user).get("/api/v1/audit/public-key").then().statusCode(200);
        }
    }

    @Test
    void auditorsReadSearchAndVerify() {
        String auditor = AuditTestSupport.newUser(Roles.AUDITOR);
        AuditTestSupport.as(auditor).queryParam("entityType", "User").queryParam("entityId", auditor)
                .get("/api/v1/audit/entries").then().statusCode(200)
                // created by the admin, then the temporary password replaced by the user (Api.createUser)
                .body("size()", equalTo(2)).body("[0].action", equalTo("CREATED"))
                .body("[1].action", equalTo("PASSWORD_CHANGED"));
        AuditTestSupport.as(auditor).queryParam("from", "yesterday").get("/api/v1/audit/entries").then()
                .statusCode(400).contentType("application/problem+json");
        AuditTestSupport.as(auditor).queryParam("limit", 100000).get("/api/v1/audit/entries").then().statusCode(400);
        AuditTestSupport.as(auditor).get("/api/v1/audit/verification").then().statusCode(200)
                .body("valid", equalTo(true));
        AuditTestSupport.as(auditor).get(HISTORY).then().statusCode(200);
    }

    @Test
    void aSignedReviewRequiresTheReviewersPasswordAgain() {
        String auditor = AuditTestSupport.newUser(Roles.AUDITOR);
        long headBefore = AuditTestSupport.head();
        AuditTestSupport.as(auditor).body(Map.of("comment", "monthly review", "password", "not-my-password"))
                .post("/api/v1/audit/reviews").then().statusCode(403)
                .body("type", equalTo("urn:poka:problem:signature/reauthentication-failed"));
        assertEquals(headBefore, AuditTestSupport.head(), "a rejected signature records nothing");

        String reviewId = AuditTestSupport.as(auditor)
                .body(Map.of("comment", "monthly review", "password", AuditTestSupport.PASSWORD))
                .post("/api/v1/audit/reviews").then().statusCode(200)
                .body("verification.valid", equalTo(true)).extract().path("reviewId");
        List<Map<String, Object>> history = AuditTestSupport.history("AuditReview", reviewId);
        assertEquals(1, history.size());
        Map<?, ?> signature = (Map<?, ?>) history.get(0).get("signature");
        assertEquals(auditor, signature.get("username"));
        assertEquals("Test auditor", signature.get("printedName"));
        assertEquals("REVIEW", signature.get("meaning"));
        assertEquals("monthly review", history.get(0).get("reason"));
        List<Map<String, Object>> signatures = given().auth().preemptive().basic(auditor, AuditTestSupport.PASSWORD)
                .get("/api/v1/audit/entities/AuditReview/{id}/signatures", reviewId).then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertEquals(history.get(0).get("hash"), signatures.get(0).get("boundHash"));
        assertTrue((Boolean) signatures.get(0).get("bound"));
    }
}
