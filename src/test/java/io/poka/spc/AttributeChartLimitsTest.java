package io.poka.spc;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.poka.alerts.AlertFixtures;
import io.poka.lots.LotFixtures;
import io.poka.spc.internal.QccDataSets;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Attribute charts get frozen, versioned limits like the variables charts: phase I from a baseline with samples
 * of assignable cause excluded (optionally iterated) or entered from a study; every later sample is evaluated
 * against them, its violations stored and folded into one alert per ongoing condition.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AttributeChartLimitsTest {
    private static final String BASE = "/api/v1/spc/attribute-charts/";
    private static final String PROBLEM = "application/problem+json";

    private static RequestSpecification admin() {
        return Api.asAdmin().config(RestAssuredConfig.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)));
    }

    private static String newChart(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void post(String chart, String type, double count, double size, Instant at) {
        Api.asAdmin().body(Map.of("chartType", type, "count", count, "size", size, "sampledAt", at.toString()))
                .post(BASE + chart + "/samples").then().statusCode(201);
    }

    /**
     * Montgomery, Introduction to Statistical Quality Control, Example 7.1: orange juice cans, 30 samples
     * of n = 50 (data as in qcc's orangejuice, {@link QccDataSets}): p-bar = 347 / 1500 = 0.2313, UCL = 0.4102,
     * LCL = 0.0524; samples 15 and 23 are out of control (assignable causes found) and dropped, giving the revised
     * p-bar = 301 / 1400 = 0.2150 (UCL 0.3893, LCL 0.0407).
     */
    @Test
    void phaseOneReproducesMontgomeryExample71AndFreezesTheRevisedPBarAsVersion1() throws Exception {
        String chart = newChart("oj-cans");
        Instant start = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        int n = QccDataSets.ORANGEJUICE_SAMPLE_SIZE;
        for (int i = 0; i < QccDataSets.ORANGEJUICE_TRIAL_SAMPLES; i++) {
            post(chart, "P", QccDataSets.ORANGEJUICE_NONCONFORMING[i], n, start.plus(i, ChronoUnit.HOURS));
        }
        Instant end = start.plus(30, ChronoUnit.HOURS);
        Instant sample15 = start.plus(14, ChronoUnit.HOURS);
        Instant sample23 = start.plus(22, ChronoUnit.HOURS);

        // the phase I preview (limits estimated on the query) shows Montgomery's trial limits and flags 15 and 23
        admin().queryParam("from", start.toString()).queryParam("to", end.toString())
                .queryParam("baselineFrom", start.toString()).queryParam("baselineTo", end.toString())
                .get(BASE + chart).then().statusCode(200)
                .body("limits", nullValue())
                .body("center", closeTo(0.2313, 5e-5))
                .body("points[0].ucl", closeTo(0.4102, 5e-5))
                .body("points[0].lcl", closeTo(0.0524, 5e-5))
                .body("points.findAll { it.rules.contains('WE1') }.time",
                        contains(sample15.toString(), sample23.toString()));

        admin().body(Map.of("from", start.toString(), "to", end.toString(),
                        "excluded", List.of(sample15.toString(), sample23.toString())))
                .post(BASE + chart + "/limits/phase-one").then().statusCode(201)
                .body("version", equalTo(1))
                .body("chartType", equalTo("P"))
                .body("origin", equalTo("PHASE_I_ESTIMATE"))
                .body("center", closeTo(301.0 / 1400, 1e-12))
                .body("center", closeTo(0.2150, 5e-5))
                .body("sigmaMultiplier", closeTo(3, 0))
                .body("baselineCount", equalTo(28))
                .body("excluded", contains(sample15.toString(), sample23.toString()))
                .body("frozenBy", equalTo("admin"));
        io.poka.testing.AuditJournal.awaitChained();
        assertEquals(1L, TelemetryFixtures.count("select count(*) from audit.entry where entity_type = "
                + "'SpcAttributeLimits' and action = 'FROZEN' and entity_id = ?", chart + "/v1"));

        // the chart now uses the frozen version: Montgomery's revised limits at every point, nothing recomputed
        admin().queryParam("from", start.toString()).queryParam("to", end.toString()).get(BASE + chart)
                .then().statusCode(200)
                .body("limits.version", equalTo(1))
                .body("limits.origin", equalTo("PHASE_I_ESTIMATE"))
                .body("center", closeTo(0.2150, 5e-5))
                .body("points[0].ucl", closeTo(0.3893, 5e-5))
                .body("points[0].lcl", closeTo(0.0407, 5e-5))
                .body("violations", empty());

        // iterating from scratch drops 15 and 23, then 21 (0.40 > 0.3893), which Montgomery keeps for lack of a cause
        admin().body(Map.of("from", start.toString(), "to", end.toString(), "iterate", true))
                .post(BASE + chart + "/limits/phase-one").then().statusCode(201)
                .body("version", equalTo(2))
                .body("excluded", contains(sample15.toString(), start.plus(20, ChronoUnit.HOURS).toString(),
                        sample23.toString()))
                .body("baselineCount", equalTo(27));
        admin().get(BASE + chart + "/limits").then().statusCode(200)
                .body("version", contains(2, 1));
    }

    /** p-bar = 84 / 2000 = 0.042, UCL = 0.042 + 3 sqrt(0.042 · 0.958 / 100) = 0.1022, LCL floored at 0 (Montgomery 7.2). */
    @Test
    void aSampleBeyondTheFrozenUclIsStoredAsAViolationAndRaisesOneAlertThatTheNextOneFolds() throws Exception {
        String chart = newChart("final-visual");
        Instant start = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        List<Integer> counts = List.of(4, 5, 3, 6, 4, 5, 2, 4, 5, 3, 6, 4, 5, 3, 4, 5, 4, 3, 5, 4);
        for (int i = 0; i < counts.size(); i++) {
            post(chart, "P", counts.get(i), 100, start.plus(i, ChronoUnit.HOURS));
        }
        admin().body(Map.of("from", start.toString(), "to", start.plus(20, ChronoUnit.HOURS).toString()))
                .post(BASE + chart + "/limits/phase-one").then().statusCode(201)
                .body("center", closeTo(0.042, 1e-12));

        Instant first = start.plus(21, ChronoUnit.HOURS);
        Api.asAdmin().body(Map.of("chartType", "P", "count", 20, "size", 100, "sampledAt", first.toString()))
                .post(BASE + chart + "/samples").then().statusCode(201)
                .body("limitsVersion", equalTo(1))
                .body("rules", contains("WE1"));
        List<List<Object>> stored = LotFixtures.query("select chart, rule_id, limits_version, "
                + "array_to_string(point_times, ',') from spc.violation where line = 'attribute-charts' and variable = ?",
                chart);
        assertEquals(1, stored.size(), stored.toString());
        assertEquals(List.of("P", "WE1", 1), stored.get(0).subList(0, 3));

        List<Map<String, Object>> alerts = alerts(chart);
        assertEquals(1, alerts.size(), alerts.toString());
        Map<String, Object> alert = alerts.get(0);
        assertEquals("P", alert.get("chart"));
        assertEquals("WE1", alert.get("ruleId"));
        assertEquals("HIGH", alert.get("severity"));
        assertEquals(1, alert.get("limitsVersion"));
        assertEquals(List.of(first.toString()), alert.get("firstPoints"));
        assertEquals(1, alert.get("occurrences"));

        // the next sample is beyond the UCL too: the same condition, so the same alert (and WE2: 2 of 3 beyond 2 sigma)
        Instant second = start.plus(22, ChronoUnit.HOURS);
        Api.asAdmin().body(Map.of("chartType", "P", "count", 20, "size", 100, "sampledAt", second.toString()))
                .post(BASE + chart + "/samples").then().statusCode(201)
                .body("rules", contains("WE1", "WE2"));
        List<Map<String, Object>> after = alerts(chart);
        Map<String, Object> we1 = after.stream().filter(a -> a.get("ruleId").equals("WE1")).findFirst().orElseThrow();
        assertEquals(alert.get("id"), we1.get("id"));
        assertEquals(2, we1.get("occurrences"));
        assertEquals(second.toString(), we1.get("lastPointAt"));
        assertEquals(2, after.size(), "WE1 and WE2: " + after);
        assertEquals("MEDIUM", after.stream().filter(a -> a.get("ruleId").equals("WE2")).findFirst().orElseThrow()
                .get("severity"));
        String key = "attribute-charts/" + chart;
        assertEquals(2L, TelemetryFixtures.count(
                "select count(*) from platform.outbox_event where type = 'AlertRaised' and event_key = ?", key));
        String published = LotFixtures.awaitOnKafka(key, "AlertRaised", 60);
        assertNotNull(published, "AlertRaised reached poka.quality.events.v1");

        // the query answers with the same verdicts and the stored violations
        admin().queryParam("from", start.toString()).queryParam("to", start.plus(1, ChronoUnit.DAYS).toString())
                .get(BASE + chart).then().statusCode(200)
                .body("limits.version", equalTo(1))
                .body("points[20].rules", contains("WE1"))
                .body("points[21].rules", contains("WE1", "WE2"))
                .body("points[21].ucl", closeTo(0.042 + 3 * Math.sqrt(0.042 * 0.958 / 100), 1e-12))
                .body("violations.ruleId", contains("WE1", "WE1", "WE2"))
                .body("violations.limitsVersion", contains(1, 1, 1))
                .body("violations.chart", hasItem("P"));

        // older than the newest sample: refused, nothing stored
        Api.asAdmin().body(Map.of("chartType", "P", "count", 1, "size", 100, "sampledAt", first.toString()))
                .post(BASE + chart + "/samples").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:poka:problem:spc/attribute-sample-out-of-order"));
        assertEquals(22L, TelemetryFixtures.count(
                "select count(*) from spc.attribute_sample where chart_name = ?", chart));
    }

    @Test
    void anArrayOfSamplesIsStoredAllOrNothingAndEvaluatedInOrder() throws Exception {
        String chart = newChart("bulk");
        Instant start = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        List<Integer> counts = List.of(4, 5, 3, 6, 4, 5, 2, 4, 5, 3, 6, 4, 5, 3, 4, 5, 4, 3, 5, 4);
        List<Map<String, Object>> baseline = new java.util.ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            baseline.add(Map.of("chartType", "P", "count", counts.get(i), "size", 100,
                    "sampledAt", start.plus(i, ChronoUnit.HOURS).toString()));
        }
        List<Object> bad = new java.util.ArrayList<>(baseline);
        bad.set(1, Map.of("chartType", "P", "count", -2, "size", 100, "sampledAt", start.toString()));
        bad.set(2, Map.of("chartType", "P", "count", "many", "size", 100, "sampledAt", start.toString()));
        bad.set(3, Map.of("chartType", "P", "count", 2, "size", 100));
        Api.asAdmin().body(bad).post(BASE + chart + "/samples").then().statusCode(400).contentType(PROBLEM)
                .body("detail", startsWith("3 of 20 samples rejected"))
                .body("errors.field", contains("[1].count", "[2]", "[3].sampledAt"));
        assertEquals(0L, TelemetryFixtures.count("select count(*) from spc.attribute_sample where chart_name = ?",
                chart));

        Api.asAdmin().body(baseline).post(BASE + chart + "/samples").then().statusCode(201)
                .body("size()", equalTo(20)).body("limitsVersion", everyItem(nullValue()));
        admin().body(Map.of("from", start.toString(), "to", start.plus(20, ChronoUnit.HOURS).toString()))
                .post(BASE + chart + "/limits/phase-one").then().statusCode(201)
                .body("center", closeTo(0.042, 1e-12));
        // out of order within the request: refused as a whole
        Api.asAdmin().body(List.of(sample(5, start.plus(22, ChronoUnit.HOURS)), sample(5, start.plus(21, ChronoUnit.HOURS))))
                .post(BASE + chart + "/samples").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("[1].sampledAt"));
        Api.asAdmin().body(List.of(sample(4, start.plus(21, ChronoUnit.HOURS)), sample(20, start.plus(22, ChronoUnit.HOURS)),
                        sample(21, start.plus(23, ChronoUnit.HOURS))))
                .post(BASE + chart + "/samples").then().statusCode(201)
                .body("rules[0]", empty())
                .body("rules[1]", contains("WE1"))
                .body("rules[2]", contains("WE1", "WE2"))
                .body("limitsVersion", everyItem(equalTo(1)));
        // WE1 at two consecutive samples of one request is one stored violation with both points (as a batch of readings)
        List<List<Object>> we1 = LotFixtures.query("select fired_points, cardinality(point_times) from spc.violation "
                + "where line = 'attribute-charts' and variable = ? and rule_id = 'WE1'", chart);
        assertEquals(List.of(List.of(2, 2)), we1);
        Map<String, Object> alert = alerts(chart).stream().filter(a -> a.get("ruleId").equals("WE1")).findFirst()
                .orElseThrow();
        assertEquals(2, alert.get("occurrences"));
        assertEquals(23L, TelemetryFixtures.count("select count(*) from spc.attribute_sample where chart_name = ?",
                chart));
    }

    private static Map<String, Object> sample(int count, Instant at) {
        return Map.of("chartType", "P", "count", count, "size", 100, "sampledAt", at.toString());
    }

    private static List<Map<String, Object>> alerts(String chart) {
        List<Map<String, Object>> all = Api.asAdmin().queryParam("line", "attribute-charts").queryParam("limit", 1000)
                .get("/api/v1/alerts").then().statusCode(200).extract().jsonPath().getList("");
        return all.stream().filter(a -> chart.equals(a.get("variable"))).toList();
    }

    @Test
    void enteredLimitsNeedAStudyReferenceAndEachFreezeIsANewVersion() throws Exception {
        String chart = newChart("pcb-solder");
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        post(chart, "C", 18, 1, start);

        Api.asAdmin().body(Map.of("center", 19.85)).post(BASE + chart + "/limits/entered")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("studyReference"));
        Api.asAdmin().body(Map.of("center", 19.85, "studyReference", " ")).post(BASE + chart + "/limits/entered")
                .then().statusCode(400).contentType(PROBLEM);
        admin().get(BASE + chart + "/limits").then().statusCode(200).body("$", empty());

        String qa = AlertFixtures.user("qa-manager");
        Api.as(qa, AlertFixtures.PASSWORD).body(Map.of("center", 19.85, "studyReference", "QS-2026-017"))
                .post(BASE + chart + "/limits/entered").then().statusCode(201)
                .body("version", equalTo(1))
                .body("origin", equalTo("ENTERED_FROM_STUDY"))
                .body("studyReference", equalTo("QS-2026-017"))
                .body("frozenBy", equalTo(qa));
        String inspector = AlertFixtures.user("inspector");
        Api.as(inspector, AlertFixtures.PASSWORD).body(Map.of("center", 20.0, "studyReference", "QS-2026-018"))
                .post(BASE + chart + "/limits/entered").then().statusCode(403);
        admin().body(Map.of("center", 20.5, "studyReference", "QS-2026-019", "sigmaMultiplier", 2.5))
                .post(BASE + chart + "/limits/entered").then().statusCode(201)
                .body("version", equalTo(2));
        admin().get(BASE + chart + "/limits").then().statusCode(200)
                .body("version", contains(2, 1))
                .body("studyReference", contains("QS-2026-019", "QS-2026-017"))
                .body("center", contains(20.5, 19.85));
        admin().queryParam("from", start.toString()).get(BASE + chart).then().statusCode(200)
                .body("limits.version", equalTo(2))
                .body("points[0].ucl", closeTo(20.5 + 2.5 * Math.sqrt(20.5), 1e-9));
        admin().queryParam("from", start.toString()).queryParam("limitsVersion", 1).get(BASE + chart).then()
                .statusCode(200)
                .body("limits.version", equalTo(1))
                .body("points[0].ucl", closeTo(19.85 + 3 * Math.sqrt(19.85), 1e-9));
        io.poka.testing.AuditJournal.awaitChained();
        assertEquals(2L, TelemetryFixtures.count("select count(*) from audit.entry where entity_type = "
                + "'SpcAttributeLimits' and entity_id like ?", chart + "/v%"));
    }

    @Test
    void badInputIsAProblemAndStoresNothing() throws Exception {
        String unknown = newChart("no-such-chart");
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> baseline = Map.of("from", start.toString(), "to", start.plusSeconds(3600).toString());
        Api.asAdmin().get(BASE + unknown).then().statusCode(404).contentType(PROBLEM);
        Api.asAdmin().get(BASE + unknown + "/limits").then().statusCode(404).contentType(PROBLEM);
        Api.asAdmin().body(baseline).post(BASE + unknown + "/limits/phase-one").then().statusCode(404)
                .contentType(PROBLEM);
        Api.asAdmin().body(Map.of("center", 0.1, "studyReference", "QS-1"))
                .post(BASE + unknown + "/limits/entered").then().statusCode(404).contentType(PROBLEM);
        Api.asAdmin().body(Map.of("chartType", "P", "count", -1, "size", 50, "sampledAt", start.toString()))
                .post(BASE + unknown + "/samples").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("count"));
        assertEquals(0L, TelemetryFixtures.count("select count(*) from spc.attribute_sample where chart_name = ?",
                unknown));
        assertEquals(0L, TelemetryFixtures.count("select count(*) from spc.attribute_limits where chart_name = ?",
                unknown));

        String chart = newChart("seams");
        post(chart, "NP", 3, 50, start.plus(2, ChronoUnit.HOURS));
        post(chart, "NP", 4, 50, start.plus(3, ChronoUnit.HOURS));
        // no samples of the chart in the baseline
        Api.asAdmin().body(baseline).post(BASE + chart + "/limits/phase-one").then().statusCode(400)
                .contentType(PROBLEM).body("detail", startsWith("from: no samples of chart"));
        // an excluded time that is no baseline sample
        Api.asAdmin().body(Map.of("from", start.toString(), "to", start.plus(1, ChronoUnit.DAYS).toString(),
                        "excluded", List.of(start.toString())))
                .post(BASE + chart + "/limits/phase-one").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("excluded"));
        // an np chart's entered limits need n
        Api.asAdmin().body(Map.of("center", 0.07, "studyReference", "QS-2")).post(BASE + chart + "/limits/entered")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("size"));
        // a fraction nonconforming of 1.5
        Api.asAdmin().body(Map.of("center", 1.5, "size", 50, "studyReference", "QS-2"))
                .post(BASE + chart + "/limits/entered").then().statusCode(400).contentType(PROBLEM);
        assertEquals(0L, TelemetryFixtures.count("select count(*) from spc.attribute_limits where chart_name = ?",
                chart));

        // np limits entered with n: a sample of another size is refused once they are frozen
        admin().body(Map.of("center", 0.07, "size", 50, "studyReference", "QS-3"))
                .post(BASE + chart + "/limits/entered").then().statusCode(201)
                .body("sampleSize", equalTo(50));
        Api.asAdmin().body(Map.of("chartType", "NP", "count", 3, "size", 40,
                        "sampledAt", start.plus(4, ChronoUnit.HOURS).toString()))
                .post(BASE + chart + "/samples").then().statusCode(409).contentType(PROBLEM);
        admin().queryParam("from", start.toString()).get(BASE + chart).then().statusCode(200)
                .body("center", closeTo(3.5, 1e-12))
                .body("points[0].ucl", closeTo(3.5 + 3 * Math.sqrt(3.5 * 0.93), 1e-9));
        assertEquals(2L, TelemetryFixtures.count("select count(*) from spc.attribute_sample where chart_name = ?",
                chart));
    }
}
