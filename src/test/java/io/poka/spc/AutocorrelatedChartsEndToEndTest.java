package io.poka.spc;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.telemetry.internal.TepRun;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An autocorrelated TEP variable through the real path (REST ingestion, the stream's charts, stored violations,
 * limits and check over REST): the phase I check flags an individuals chart's baseline and recommends the AR(1)
 * residual chart, which then stays quiet through normal running and signals fault 1 on the A feed.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AutocorrelatedChartsEndToEndTest {

    private static List<Double> column(TepRun run, int variable, int from, int to) {
        List<Double> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(run.value(i, variable));
        }
        return out;
    }

    @Test
    void theAr1ResidualChartOfTheAFeedIsQuietInNormalRunningAndSignalsFault1WithinTenSamples() {
        TepRun d00 = TepRun.load("d00");
        TepRun d01 = TepRun.load("d01");
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "xmeas-01", "kscmh",
                ",\"chartType\":\"AR1_RESIDUALS\",\"ruleSet\":\"BEYOND_LIMITS\"");
        TelemetryFixtures.defineVariable(line, "imr-01", "kscmh", "");
        Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        TelemetryFixtures.postValues(line, "xmeas-01", "kscmh", start, column(d00, 0, 0, 200));
        TelemetryFixtures.postValues(line, "imr-01", "kscmh", start, column(d00, 0, 0, 100));
        String base = "/api/v1/spc/charts/" + line + "/";

        // the individuals chart's baseline of 100 readings: autocorrelated, too little information, AR(1) recommended
        Api.asAdmin().body(Map.of("from", start.toString(), "to", start.plusSeconds(100).toString()))
                .post(base + "imr-01/limits/phase-one-check").then().statusCode(200)
                .body("n", equalTo(100))
                .body("autocorrelated", equalTo(true))
                .body("ljungBoxPValue", lessThan(0.05f))
                .body("effectiveN", lessThan(50f))
                .body("adequate", equalTo(false))
                .body("recommendedChart", equalTo("AR1_RESIDUALS"));
        Api.asAdmin().get(base + "imr-01/limits").then().statusCode(200).body("size()", equalTo(0));

        // AR(1) residual chart: 200 readings, limits at L = 4 as the demo plant freezes them
        Api.asAdmin().body(Map.of("from", start.toString(), "to", start.plusSeconds(200).toString(),
                "sigmaMultiplier", 4)).post(base + "xmeas-01/limits/phase-one").then().statusCode(201)
                .body("chartType", equalTo("AR1_RESIDUALS"))
                .body("arPhi", greaterThan(0.3f))
                .body("baselineCheck.series", equalTo("AR(1) residuals"))
                .body("baselineCheck.adequate", equalTo(true));
        JsonPath limits = Api.asAdmin().get(base + "xmeas-01/limits").then().statusCode(200).extract().jsonPath();
        assertEquals("AR(1) residuals", limits.getString("[0].baselineCheck.series"), "the check is kept with the limits");

        List<Double> rest = new ArrayList<>(column(d00, 0, 200, 500));
        rest.addAll(column(d01, 0, 0, 12));
        TelemetryFixtures.postValues(line, "xmeas-01", "kscmh", start.plusSeconds(200), rest);
        Instant faultStart = start.plusSeconds(500);
        JsonPath chart = Api.asAdmin().queryParam("from", start.toString())
                .queryParam("to", start.plusSeconds(600).toString()).get(base + "xmeas-01").then().statusCode(200)
                .body("points.RESIDUALS.size()", greaterThan(250))
                .body("limits.baselineCheck.adequate", equalTo(true))
                .extract().jsonPath();
        List<List<String>> points = chart.getList("violations.pointTimes");
        List<Instant> violated = points.stream().map(p -> Instant.parse(p.get(p.size() - 1))).toList();
        assertFalse(violated.isEmpty(), "fault 1 is signalled");
        long normal = violated.stream().filter(t -> t.isBefore(faultStart)).count();
        assertTrue(normal <= 1, "at most one firing in the 300 normal samples, found " + normal);
        Instant first = violated.stream().filter(t -> !t.isBefore(faultStart)).findFirst().orElseThrow();
        long delay = first.getEpochSecond() - faultStart.getEpochSecond();
        assertTrue(delay <= 10, "fault 1 signalled " + delay + " samples after it starts");
        assertEquals(List.of("RESIDUALS"), chart.getList("violations.chart").stream().distinct().toList());

        String page = io.restassured.RestAssured.given().cookie("quarkus-credential", adminSession())
                .accept("text/html").queryParam("from", start.toString()).queryParam("to", start.plusSeconds(600).toString())
                .get("/ui/charts/" + line + "/xmeas-01").then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"main-chart\" data-chart=\"RESIDUALS\""), "the residual chart is drawn");
        assertTrue(page.contains("id=\"baseline-check\" data-adequate=\"true\""), "the phase I check is shown");
        assertTrue(page.contains("AR(1) model: mean"), "the model is shown");
    }

    private static String adminSession() {
        return io.restassured.RestAssured.given().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("j_username", "admin")
                .formParam("j_password", Api.ADMIN_PASSWORD).post("/j_security_check").then().statusCode(302)
                .extract().cookie("quarkus-credential");
    }

    @Test
    void supplementaryRulesAreOptedInPerCharacteristicOverRestAuditedAndUsedByTheStream() {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "bore", "mm", ",\"ruleSet\":\"BEYOND_LIMITS\"");
        TelemetryFixtures.enterLimits(line, "bore", 10, 1);
        String rules = "/api/v1/spc/charts/" + line + "/bore/rules";
        Api.asAdmin().get(rules).then().statusCode(200).body("source", equalTo("CATALOGUE_RULE_SET"))
                .body("rules", equalTo(List.of("NELSON1")));

        Api.asAdmin().body(Map.of("rules", List.of("WE1", "WE9"))).put(rules).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("rules[1]"));
        Api.asAdmin().get(rules).then().statusCode(200).body("source", equalTo("CATALOGUE_RULE_SET"));

        Api.asAdmin().body(Map.of("rules", List.of("WE1", "WE4"), "reason", "slow drifts of the bore"))
                .put(rules).then().statusCode(200).body("rules", equalTo(List.of("WE1", "WE4")))
                .body("source", equalTo("CHARACTERISTIC")).body("changedBy", equalTo("admin"));
        List<Map<String, Object>> trail = Api.asAdmin()
                .get("/api/v1/audit/entities/{t}/{id}/history", "SpcChartRules", line + "/bore").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertEquals(List.of("RULES_CHOSEN"), trail.stream().map(e -> e.get("action")).toList());
        assertEquals("slow drifts of the bore", trail.get(0).get("reason"));

        // 9 readings above the center but inside 3 sigma: only the opted-in WE4 (8 in a row on one side) can fire
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        TelemetryFixtures.postValues(line, "bore", "mm", start, java.util.Collections.nCopies(9, 10.5));
        Api.asAdmin().queryParam("from", start.toString()).queryParam("to", start.plusSeconds(60).toString())
                .get("/api/v1/spc/charts/" + line + "/bore").then().statusCode(200)
                .body("violations.ruleId", equalTo(List.of("WE4")));
        String page = io.restassured.RestAssured.given().cookie("quarkus-credential", adminSession())
                .accept("text/html").get("/ui/charts/" + line + "/bore").then().statusCode(200).extract().asString();
        assertTrue(page.contains("rules WE1, WE4 (chosen for this characteristic by admin)"), "the chart page names them");

        Api.asAdmin().delete(rules).then().statusCode(200).body("source", equalTo("CATALOGUE_RULE_SET"));
        Api.as(io.poka.lots.LotFixtures.user(io.poka.platform.Roles.INSPECTOR), io.poka.lots.LotFixtures.PASSWORD)
                .body(Map.of("rules", List.of("WE1"))).put(rules).then().statusCode(403);
    }

    @Test
    void everyPathShowsTheSameCapabilityLabelledAndNotMeaningfulOnceTheChartIsOutOfControl() {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "bore", "mm",
                ",\"lsl\":9,\"usl\":11,\"target\":10,\"ruleSet\":\"BEYOND_LIMITS\"");
        Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        java.util.Random random = new java.util.Random(42);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            // within the entered limits (10 ± 3 x 0.25) and moving ranges below their limit (3.267 x 1.128 x 0.25)
            values.add(10 + 0.15 * Math.max(-2, Math.min(2, random.nextGaussian())));
        }
        TelemetryFixtures.postValues(line, "bore", "mm", start, values.subList(0, 30));
        String base = "/api/v1/spc/charts/" + line + "/bore";
        JsonPath noLimits = Api.asAdmin().get(base + "/capability").then().statusCode(200).extract().jsonPath();
        assertFalse(noLimits.getBoolean("meaningful"), "no limits: stability not established");
        TelemetryFixtures.enterLimits(line, "bore", 10, 0.25);
        TelemetryFixtures.postValues(line, "bore", "mm", start.plusSeconds(30), values.subList(30, 130));

        CapabilityView api = Api.asAdmin().get(base + "/capability").then().statusCode(200)
                .body("cpkSigma", equalTo("within: MR-bar/d2 (average moving range)"))
                .body("ppkSigma", equalTo("overall: sample standard deviation of the readings"))
                .body("firstReadingAt", notNullValue())
                .extract().as(CapabilityView.class);
        assertEquals(100, api.n(), "the newest 100 readings");
        assertEquals(start.plusSeconds(30), api.firstReadingAt());
        assertEquals(start.plusSeconds(129), api.lastReadingAt());
        assertTrue(api.meaningful(), api.notMeaningfulReason());
        CapabilitySummary summary = spc.capabilitySummary().stream().filter(s -> s.line().equals(line)).findFirst()
                .orElseThrow();
        CapabilityView facade = spc.currentCapability(line, "bore");
        assertEquals(api.cpk(), summary.cpk(), 0);
        assertEquals(api.cpk(), facade.cpk(), 0);
        assertEquals(api.ppk(), summary.ppk(), 0);
        assertEquals(api.cpkSigma(), summary.cpkSigma());
        assertTrue(summary.meaningful());
        String shown = String.format(java.util.Locale.ROOT, "%.3f", api.cpk());
        String cookie = adminSession();
        String page = io.restassured.RestAssured.given().cookie("quarkus-credential", cookie).accept("text/html")
                .get("/ui/charts/" + line + "/bore").then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"cpk\">" + shown + "<"), "the chart page shows Cpk " + shown);
        assertFalse(page.contains("capability-not-meaningful"));

        // a point far beyond the limits: the chart shows the process out of control, capability is not meaningful
        TelemetryFixtures.postValues(line, "bore", "mm", start.plusSeconds(130), List.of(13.0));
        CapabilityView out = spc.currentCapability(line, "bore");
        assertFalse(out.meaningful());
        // rule 1 on the individuals chart and on its moving range
        assertTrue(out.notMeaningfulReason().startsWith("the chart shows the process out of control: 2 rule violations"),
                out.notMeaningfulReason());
        assertEquals(2, out.violationsInRange());
        assertFalse(spc.capabilitySummary().stream().filter(s -> s.line().equals(line)).findFirst().orElseThrow()
                .meaningful());
        String after = io.restassured.RestAssured.given().cookie("quarkus-credential", cookie).accept("text/html")
                .get("/ui/charts/" + line + "/bore").then().statusCode(200).extract().asString();
        assertTrue(after.contains("id=\"capability-not-meaningful\""), "the chart page marks it");
    }

    @jakarta.inject.Inject
    SpcApi spc;
}
