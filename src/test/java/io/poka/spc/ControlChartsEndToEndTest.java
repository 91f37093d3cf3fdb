package io.poka.spc;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Phase I limits from a baseline with an assignable cause left out, limits entered from a study as version 2, then
 * a reading through the real broker: its chart point and its rule violation can be queried, with capability.
 * Expected numbers are worked by hand from Montgomery's I-MR formulas (sigma = MR-bar / d2, d2(2) = 1.128).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ControlChartsEndToEndTest {
    // mean 10.0; moving ranges .2 .4 .3 .2 .1 .3 .6 .4 .2 -> MR-bar 2.7 / 9 = 0.3; sigma = 0.3 / 1.128
    private static final List<Double> BASELINE = List.of(10.0, 10.2, 9.8, 10.1, 9.9, 10.0, 10.3, 9.7, 10.1, 9.9, 14.0);
    private static final double SIGMA = 0.3 / 1.128;

    /** Admin requests whose JSON numbers are read as doubles, so closeTo compares at full precision. */
    private static io.restassured.specification.RequestSpecification api() {
        return Api.asAdmin().config(io.restassured.config.RestAssuredConfig.config().jsonConfig(
                io.restassured.config.JsonConfig.jsonConfig().numberReturnType(
                        io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE)));
    }

    @Test
    void limitsArePhaseOneEstimatedThenEnteredAndAReadingFromKafkaIsChartedWithItsViolation() throws Exception {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "diameter", "mm", ",\"lsl\":9,\"usl\":11,\"target\":10");
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        TelemetryFixtures.postValues(line, "diameter", "mm", start, BASELINE);
        String chart = "/api/v1/spc/charts/" + line + "/diameter";

        api().body(Map.of("from", start.toString(), "to", start.plusSeconds(60).toString(),
                        "excluded", List.of(start.plusSeconds(10).toString())))
                .post(chart + "/limits/phase-one").then().statusCode(201)
                .body("version", equalTo(1))
                .body("origin", equalTo("PHASE_I_ESTIMATE"))
                .body("chartType", equalTo("IMR"))
                .body("center", closeTo(10.0, 1e-9))
                .body("sigma", closeTo(SIGMA, 1e-9))
                .body("baselineCount", equalTo(10))
                .body("excluded", hasSize(1));

        api().body(Map.of("center", 10.0, "sigma", 0.25, "studyReference", "MSA-2026-17"))
                .post(chart + "/limits/entered").then().statusCode(201)
                .body("version", equalTo(2))
                .body("origin", equalTo("ENTERED_FROM_STUDY"));
        api().get(chart + "/limits").then().statusCode(200).body("version", equalTo(List.of(1, 2)));

        Instant ts = start.plusSeconds(600);
        String id = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = TelemetryFixtures.producer()) {
            producer.send(new ProducerRecord<>(TelemetryFixtures.READINGS_TOPIC, line,
                    TelemetryFixtures.reading(id, line, "diameter", "mm", 11.0, ts))).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> TelemetryFixtures.count(
                "select count(*) from spc.violation where line = ? and rule_id = 'WE1'", line) == 1);

        JsonPath view = api().queryParam("from", start.toString()).queryParam("to", ts.plusSeconds(1).toString())
                .get(chart).then().statusCode(200)
                .body("limits.version", equalTo(2))
                .body("points.INDIVIDUALS", hasSize(12))
                .body("points.INDIVIDUALS[11].value", closeTo(11.0, 1e-9))
                .body("points.INDIVIDUALS[11].ucl", closeTo(10.75, 1e-9))
                // with the excluded 14.0 just before it, 2 of the last 3 points lie beyond 2 sigma as well (WE2)
                .body("points.INDIVIDUALS[11].rules", equalTo(List.of("WE1", "WE2")))
                .extract().jsonPath();
        List<Map<String, Object>> violations = view.getList("violations");
        Map<String, Object> we1 = violations.stream().filter(v -> v.get("ruleId").equals("WE1")).findFirst().orElseThrow();
        org.junit.jupiter.api.Assertions.assertEquals("INDIVIDUALS", we1.get("chart"));
        org.junit.jupiter.api.Assertions.assertEquals(2, we1.get("limitsVersion"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(ts.toString()), we1.get("pointTimes"));
        Map<String, Object> we2 = violations.stream().filter(v -> v.get("ruleId").equals("WE2")).findFirst().orElseThrow();
        org.junit.jupiter.api.Assertions.assertEquals(List.of(start.plusSeconds(10).toString(), ts.toString()),
                we2.get("pointTimes"), "the stream resumed its run-rule window from the stored readings");
    }

    @Test
    void aRuleFiringOnConsecutivePointsIsStoredOnceWithEveryPointAndTheChartStillShowsEachPoint() throws Exception {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "diameter", "mm", "");
        TelemetryFixtures.enterLimits(line, "diameter", 10.0, 0.25);
        Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        // one batch: 11.0 at points 1-3 (beyond UCL 10.75, WE1 each), 10.0 at 4, 11.0 at 5 -> WE1 runs {1,2,3} and {5}
        TelemetryFixtures.postValues(line, "diameter", "mm", start, List.of(11.0, 11.0, 11.0, 10.0, 11.0));

        List<String> we1 = new java.util.ArrayList<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres");
                java.sql.PreparedStatement ps = c.prepareStatement("select array_length(point_times, 1), fired_points "
                        + "from spc.violation where line = ? and rule_id = 'WE1' order by newest_point_at")) {
            ps.setString(1, line);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    we1.add(rs.getInt(1) + " points, fired at " + rs.getInt(2));
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(List.of("3 points, fired at 3", "1 points, fired at 1"), we1);

        // a range that starts inside the stored pattern still returns it, with all its points
        JsonPath view = api().queryParam("from", start.plusSeconds(1).toString())
                .queryParam("to", start.plusSeconds(10).toString())
                .get("/api/v1/spc/charts/" + line + "/diameter").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> stored = view.getList("violations");
        List<Object> storedWe1 = stored.stream().filter(v -> v.get("ruleId").equals("WE1")).map(v -> v.get("pointTimes")).toList();
        org.junit.jupiter.api.Assertions.assertEquals(List.of(
                List.of(start.toString(), start.plusSeconds(1).toString(), start.plusSeconds(2).toString()),
                List.of(start.plusSeconds(4).toString())), storedWe1);
        List<List<String>> rules = view.getList("points.INDIVIDUALS.rules");
        org.junit.jupiter.api.Assertions.assertEquals(List.of(true, true, false, true),
                rules.stream().map(r -> r.contains("WE1")).toList(), "each plotted point from the second on names its rules");
    }

    @Test
    void capabilityNamesWithinAndOverallSigma() {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "diameter", "mm", ",\"lsl\":9,\"usl\":11,\"target\":10");
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        TelemetryFixtures.postValues(line, "diameter", "mm", start, BASELINE.subList(0, 10));
        // overall s: squared deviations sum to 0.30, s = sqrt(0.30 / 9)
        double overall = Math.sqrt(0.30 / 9);
        api().queryParam("from", start.toString()).queryParam("to", start.plusSeconds(10).toString())
                .get("/api/v1/spc/charts/" + line + "/diameter/capability").then().statusCode(200)
                .body("n", equalTo(10))
                .body("withinSigmaMethod", equalTo("MRBAR_OVER_D2"))
                .body("withinSigma", closeTo(SIGMA, 1e-9))
                .body("overallSigma", closeTo(overall, 1e-9))
                .body("cp", closeTo(2 / (6 * SIGMA), 1e-9))
                .body("cpk", closeTo(1 / (3 * SIGMA), 1e-9))
                .body("pp", closeTo(2 / (6 * overall), 1e-9))
                .body("cpm", closeTo(2 / (6 * SIGMA), 1e-9))
                .body("cpInterval", hasSize(2))
                .body("normalityPValue", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void limitsNeedAStudyReferenceAndAQaRole() {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "diameter", "mm", "");
        api().body(Map.of("center", 10.0, "sigma", 0.25))
                .post("/api/v1/spc/charts/" + line + "/diameter/limits/entered").then().statusCode(400);
        api().get("/api/v1/spc/charts/" + line + "/diameter/limits").then().statusCode(200).body("size()", equalTo(0));
        api().body(Map.of("center", 10.0, "sigma", 0.25, "studyReference", "x"))
                .post("/api/v1/spc/charts/" + line + "/nothing/limits/entered").then().statusCode(404);
    }
}
