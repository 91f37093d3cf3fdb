package io.poka.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Probes and scrapers get in without a user; everything else needs one. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class OperationsTest {

    @Test
    void readinessIsUpWithDatabaseAndKafkaChecks() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Reactive Messaging")))
                .body("checks.find { it.name.contains('Reactive Messaging') }.data.readings", equalTo("[OK]"));
    }

    @Test
    void livenessAndStartedAreOpenToProbes() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreOpenAndRevealNoQualityData() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(not(containsString("readingId")));
    }

    @Test
    void apiDocumentationNeedsAUser() {
        given().get("/q/openapi").then().statusCode(401);
        Api.asAdmin().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/users"));
    }

    @Test
    void unknownApiPathIsA404Problem() {
        Api.asAdmin().get("/api/v1/no-such-thing").then().statusCode(404);
    }

    @Test
    void everyRestPathIsUnderApiV1() {
        java.util.Map<String, Object> paths = Api.asAdmin().accept("application/json").get("/q/openapi")
                .jsonPath().getMap("paths");
        org.junit.jupiter.api.Assertions.assertFalse(paths.isEmpty());
        paths.keySet().forEach(p -> org.junit.jupiter.api.Assertions.assertTrue(p.startsWith("/api/v1/"), p));
    }
}
