package io.poka.spc;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A p chart over inspection counts posted over REST: p-bar = sum nonconforming / sum inspected and
 * UCL = p-bar + 3 sqrt(p-bar (1 - p-bar) / n) (Montgomery, section 7.2), worked by hand for these counts.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AttributeChartsTest {

    @Test
    void aPChartEstimatesItsCenterFromTheBaselineAndFlagsASampleBeyondTheLimit() {
        String chart = "/api/v1/spc/attribute-charts/final-visual-" + UUID.randomUUID();
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<Integer> counts = List.of(2, 4, 3, 1, 15);
        for (int i = 0; i < counts.size(); i++) {
            Api.asAdmin().body(Map.of("chartType", "P", "count", counts.get(i), "size", 50,
                    "sampledAt", start.plusSeconds(60L * i).toString()))
                    .post(chart + "/samples").then().statusCode(201);
        }
        Api.asAdmin().body(Map.of("chartType", "C", "count", 1, "size", 1, "sampledAt", start.toString()))
                .post(chart + "/samples").then().statusCode(409);
        double pBar = 10.0 / 200;
        double ucl = pBar + 3 * Math.sqrt(pBar * (1 - pBar) / 50);
        Api.asAdmin()
                .config(io.restassured.config.RestAssuredConfig.config().jsonConfig(
                        io.restassured.config.JsonConfig.jsonConfig().numberReturnType(
                                io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE)))
                .queryParam("from", start.toString()).queryParam("to", start.plusSeconds(3600).toString())
                .queryParam("baselineFrom", start.toString()).queryParam("baselineTo", start.plusSeconds(240).toString())
                .get(chart).then().statusCode(200)
                .body("chartType", equalTo("P"))
                .body("baselineSamples", equalTo(4))
                .body("center", closeTo(pBar, 1e-12))
                .body("points[4].value", closeTo(0.3, 1e-12))
                .body("points[4].ucl", closeTo(ucl, 1e-12))
                .body("points[4].rules", hasItem("WE1"));
    }
}
