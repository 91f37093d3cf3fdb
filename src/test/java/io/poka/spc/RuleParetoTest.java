package io.poka.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Pareto of rule firings counts each rule at every point it fired on, most first, as the chart shows them. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class RuleParetoTest {

    @Test
    void ruleFiringsAreCountedPerRuleMostFirstAsTheChartMarksThem() {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "pressure", "bar", "");
        TelemetryFixtures.enterLimits(line, "pressure", 10.0, 0.1);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            values.add(i < 20 ? 10.0 + (i % 2 == 0 ? 0.05 : -0.05) : 10.35 + 0.01 * (i % 3)); // 3.5 sigma step
        }
        Instant start = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        TelemetryFixtures.postValues(line, "pressure", "bar", start, values);

        Map<String, Long> marked = new HashMap<>();
        // every plotted statistic: the individuals chart and its moving-range companion (rule 1 as NELSON1)
        Map<String, List<Map<String, Object>>> charts = Api.asAdmin().queryParam("from", start.toString())
                .get("/api/v1/spc/charts/" + line + "/pressure").then().statusCode(200).extract().jsonPath()
                .getMap("points");
        for (List<Map<String, Object>> points : charts.values()) {
            for (Map<String, Object> p : points) {
                for (Object r : (List<?>) p.get("rules")) {
                    marked.merge((String) r, 1L, Long::sum);
                }
            }
        }
        List<Map<String, Object>> bars = Api.asAdmin().queryParam("from", start.toString())
                .get("/api/v1/spc/lines/" + line + "/rule-pareto").then().statusCode(200).extract().jsonPath()
                .getList("$");
        assertEquals(marked.size(), bars.size(), "one bar per rule that fired: " + bars);
        for (int i = 0; i < bars.size(); i++) {
            String rule = (String) bars.get(i).get("ruleId");
            assertEquals(marked.get(rule), ((Number) bars.get(i).get("firings")).longValue(), rule);
            if (i > 0) {
                assertTrue(((Number) bars.get(i).get("firings")).longValue()
                        <= ((Number) bars.get(i - 1).get("firings")).longValue(), "most first");
            }
        }
        assertEquals(1.0, ((Number) bars.get(bars.size() - 1).get("cumulativeShare")).doubleValue(), 1e-9);
        assertEquals("pressure", Api.asAdmin().queryParam("from", start.toString()).queryParam("by", "variable")
                .get("/api/v1/spc/lines/" + line + "/rule-pareto").then().statusCode(200).extract().path("[0].variable"));
        Api.asAdmin().queryParam("by", "shift").get("/api/v1/spc/lines/" + line + "/rule-pareto").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
