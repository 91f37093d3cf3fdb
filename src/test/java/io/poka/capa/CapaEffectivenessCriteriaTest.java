package io.poka.capa;

import static io.poka.capa.CapaFixtures.close;
import static io.poka.capa.CapaFixtures.detail;
import static io.poka.capa.CapaFixtures.evaluate;
import static io.poka.capa.CapaFixtures.open;
import static io.poka.capa.CapaFixtures.startWindow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.lots.LotFixtures;
import io.poka.ncr.NcrSeverity;
import io.poka.ncr.NcrSource;
import io.poka.ncr.NonconformanceOpened;
import io.poka.notifications.NotificationsProfile;
import io.poka.scoring.ScoringFixtures;
import io.poka.scoring.TepData;
import io.poka.testing.AdjustableClock;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The four effectiveness criteria evaluated by Poka on stored data (readings, violations, capability, lots, NCRs,
 * the active model's scores), passing and failing, with the application's clock moved instead of waiting; a failed
 * check or a new NCR with the watched defect reopens the CAPA.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@TestProfile(NotificationsProfile.class)
class CapaEffectivenessCriteriaTest {
    @Inject
    AdjustableClock clock;
    @Inject
    Event<NonconformanceOpened> ncrOpened;

    private Instant due() {
        return clock.instant().plus(Duration.ofDays(60));
    }

    @Test
    void aRuleViolationInsideTheWindowFailsTheCheckAndReopensTheCapa() {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "temp", "degC", "");
        TelemetryFixtures.enterLimits(line, "temp", 0.0, 1.0);
        String id = open("Stop temperature excursions", due(),
                Map.of("kind", "NO_RULE_VIOLATION", "line", line, "variable", "temp", "days", 14));
        Instant start = startWindow(id);
        clock.advance(Duration.ofHours(1));
        // 5, 6, 7 sigma above the centre: Western Electric rule 1 at each point (AlertFixtures)
        TelemetryFixtures.postValues(line, "temp", "degC", start.plusSeconds(600), List.of(5.0, 6.0, 7.0));
        JsonPath failed = evaluate(id);
        assertEquals("FAILED", failed.getString("result"));
        assertTrue(failed.getDouble("measuredValue") >= 1, failed.prettify());
        JsonPath after = detail(id);
        assertEquals("REOPENED", after.getString("capa.status"));
        assertEquals(1, after.getInt("capa.reopenCount"));
        assertTrue(after.getString("history[-1].reason").startsWith("effectiveness check failed"));
        assertEquals(List.of("CapaOpened", "EffectivenessChecked", "CapaReopened"), LotFixtures.outboxTypes(id));
        CapaFixtures.move(id, "IN_PROGRESS").then().statusCode(200);
    }

    /** 40 readings: the first 30 vary by at most 0.2 around 0, the last 10 sit at 2.9 (outside the first 30). */
    private static List<Double> thirtyTightThenTenOff() {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            values.add(0.1 * ((i * 7) % 5 - 2));
        }
        for (int i = 0; i < 10; i++) {
            values.add(2.9);
        }
        return values;
    }

    private String cpkCapa(String specJson, double minCpk) {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "bore", "mm", specJson);
        TelemetryFixtures.enterLimits(line, "bore", 0.0, 0.1);
        String id = open("Make the bore capable", due(),
                Map.of("kind", "CPK_AT_LEAST", "line", line, "variable", "bore", "minCpk", minCpk, "count", 30));
        Instant start = startWindow(id);
        JsonPath early = evaluate(id);
        assertEquals("NOT_YET", early.getString("result"));
        assertEquals(0, early.getInt("observations"));
        clock.advance(Duration.ofHours(1));
        TelemetryFixtures.postValues(line, "bore", "mm", start.plusSeconds(600), thirtyTightThenTenOff());
        return id;
    }

    @Test
    void cpkOverTheFirstReadingsOfTheWindowPassesAtOrAboveTheMinimumAndFailsBelowIt() {
        String capable = cpkCapa(",\"lsl\":-3,\"usl\":3", 1.33);
        JsonPath passed = evaluate(capable);
        assertEquals("PASSED", passed.getString("result"), passed.prettify());
        assertEquals(30, passed.getInt("observations"), "only the first 30 readings of the window count");
        assertTrue(passed.getDouble("measuredValue") >= 1.33, passed.prettify());

        String incapable = cpkCapa(",\"lsl\":-0.3,\"usl\":0.3", 1.33);
        JsonPath failed = evaluate(incapable);
        assertEquals("FAILED", failed.getString("result"), failed.prettify());
        assertTrue(failed.getDouble("measuredValue") < 1.33, failed.prettify());
        assertEquals("REOPENED", detail(incapable).getString("capa.status"));
    }

    @Test
    void noRecurrenceOfTheDefectPassesAfterTheLotsAndANewNcrReopensEvenAClosedCapa() {
        String product = LotFixtures.unique("BRACKET");
        String code = "DC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String id = open("Deburr brackets", due(),
                Map.of("kind", "NO_DEFECT_RECURRENCE", "defectCode", code, "product", product, "count", 3));
        startWindow(id);
        clock.advance(Duration.ofMinutes(5));
        CapaFixtures.lot(product);
        CapaFixtures.lot(product);
        JsonPath two = evaluate(id);
        assertEquals("NOT_YET", two.getString("result"));
        assertEquals(2, two.getInt("observations"));
        CapaFixtures.lot(product);
        clock.advance(Duration.ofMinutes(1));
        assertEquals("PASSED", evaluate(id).getString("result"));
        close(id, CapaFixtures.PASSWORD).then().statusCode(200);

        // an NCR with the same defect on the same product is opened later: the closed CAPA did not work
        fireNcrOpened(code, product);
        JsonPath reopened = detail(id);
        assertEquals("REOPENED", reopened.getString("capa.status"));
        assertTrue(reopened.getString("history[-1].reason").startsWith("recurrence: NCR"));
        assertEquals(null, reopened.getString("capa.closedAt"));
    }

    @Test
    void anNcrWithTheWatchedDefectInsideTheWindowFailsTheCheck() {
        String product = LotFixtures.unique("HOUSING");
        String code = "DC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String id = open("Seal housings", due(),
                Map.of("kind", "NO_DEFECT_RECURRENCE", "defectCode", code, "product", product, "count", 1));
        Instant start = startWindow(id);
        clock.advance(Duration.ofHours(1));
        CapaFixtures.lot(product);
        CapaFixtures.storeNcr(code, product, "L1", start.plusSeconds(60), BigDecimal.TEN, "OPEN");
        CapaFixtures.storeNcr(code, "OTHER-" + product, "L1", start.plusSeconds(60), BigDecimal.TEN, "OPEN");
        JsonPath failed = evaluate(id);
        assertEquals("FAILED", failed.getString("result"), failed.prettify());
        assertEquals(1.0, failed.getDouble("measuredValue"), "the NCR on another product does not count");
        assertEquals("REOPENED", detail(id).getString("capa.status"));
    }

    @Test
    void theAnomalyRateOfTheActiveModelWithinTargetPassesAndAFaultFailsIt() {
        String line = LotFixtures.unique("tep");
        String modelId = ScoringFixtures.activeModel(line, 5);
        ScoringFixtures.catalogue(line);
        Map<String, Object> criterion = Map.of("kind", "ANOMALY_RATE_WITHIN_TARGET", "line", line, "days", 7);

        String normal = open("Recalibrate analyser", due(), criterion);
        Instant start = startWindow(normal);
        clock.advance(Duration.ofHours(2));
        ScoringFixtures.postReadings(line, Arrays.asList(TepData.normal().slice(440, 500).rows()),
                start.plusSeconds(60), 60);
        clock.advance(Duration.ofDays(7));
        JsonPath passed = evaluate(normal);
        assertEquals("PASSED", passed.getString("result"), passed.prettify());
        assertEquals(60, passed.getInt("observations"));
        assertTrue(passed.getString("modelVersion").startsWith(modelId + ":"), passed.prettify());

        String faulty = open("Fix the A feed", due(), criterion);
        Instant second = startWindow(faulty);
        clock.advance(Duration.ofHours(2));
        ScoringFixtures.postReadings(line, Arrays.asList(TepData.fault(6).slice(100, 160).rows()),
                second.plusSeconds(60), 60);
        JsonPath failed = evaluate(faulty);
        assertEquals("FAILED", failed.getString("result"), failed.prettify());
        assertTrue(failed.getDouble("measuredValue") > failed.getDouble("requiredValue"), failed.prettify());
        assertEquals("REOPENED", detail(faulty).getString("capa.status"));
    }

    @Test
    void anNcrOpenedOverTheApiWithTheWatchedDefectAndProductReopensTheCapaInTheSameTransaction() {
        String product = LotFixtures.unique("VALVE");
        String code = "DR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        io.poka.ncr.NcrFixtures.qa().body(Map.of("code", code, "name", "leak", "defaultSeverity", "MAJOR"))
                .post("/api/v1/defect-codes").then().statusCode(201);
        String id = open("Change the valve seal", due(),
                Map.of("kind", "NO_DEFECT_RECURRENCE", "defectCode", code, "product", product, "count", 5));
        startWindow(id);
        io.poka.ncr.NcrFixtures.manual("L9", "OTHER-" + product, code);
        assertEquals("EFFECTIVENESS_PENDING", detail(id).getString("capa.status"), "another product is no recurrence");
        String ncr = io.poka.ncr.NcrFixtures.manual("L9", product, code);
        JsonPath reopened = detail(id);
        assertEquals("REOPENED", reopened.getString("capa.status"));
        String number = io.poka.ncr.NcrFixtures.qa().get("/api/v1/ncrs/" + ncr).then().extract().path("number");
        assertTrue(reopened.getString("history[-1].reason").contains(number), reopened.getString("history[-1].reason"));
    }

    private void fireNcrOpened(String code, String product) {
        NonconformanceOpened e = new NonconformanceOpened(UUID.randomUUID(), "NCR-TEST-1", NcrSource.MANUAL, null,
                "L1", product, code, NcrSeverity.MAJOR, CapaFixtures.owner(), CapaFixtures.qa(), clock.instant());
        QuarkusTransaction.requiringNew().run(() -> ncrOpened.fire(e));
    }
}
