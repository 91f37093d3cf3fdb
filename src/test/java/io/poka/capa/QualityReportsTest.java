package io.poka.capa;

import static io.poka.capa.CapaFixtures.asQa;
import static io.poka.capa.CapaFixtures.move;
import static io.poka.capa.CapaFixtures.open;
import static io.poka.capa.CapaFixtures.storeNcr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.lots.LotFixtures;
import io.poka.notifications.NotificationsProfile;
import io.poka.testing.AdjustableClock;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The quality reports' numbers checked against the NCRs and CAPAs the test stores, in JSON, and the CSV and PDF
 * downloads carrying the same rows.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@TestProfile(NotificationsProfile.class)
class QualityReportsTest {
    @Inject
    AdjustableClock clock;

    private static JsonPath json(String path, Map<String, ?> query) {
        return asQa().queryParams(query).get("/api/v1/quality-reports/" + path).then().statusCode(200).extract()
                .jsonPath();
    }

    @Test
    void theParetoRanksDefectCodesByCountOrCostWithSharesAndDownloadsTheSameRows() {
        String product = LotFixtures.unique("PARETO");
        String a = "PA-" + product.substring(product.length() - 8).toUpperCase();
        String b = "PB-" + product.substring(product.length() - 8).toUpperCase();
        Instant at = clock.instant().minus(Duration.ofDays(2));
        for (int i = 0; i < 3; i++) {
            storeNcr(a, product, "L1", at, BigDecimal.TEN, "OPEN");
        }
        storeNcr(b, product, "L1", at, new BigDecimal("100.00"), "CLOSED");
        storeNcr(b, product, "L1", at, new BigDecimal("999.00"), "CANCELLED");

        JsonPath byCount = json("defect-pareto", Map.of("product", product));
        assertEquals(4, byCount.getInt("totalCount"), "the cancelled NCR is not counted");
        assertEquals(List.of(a, b), byCount.getList("rows.defectCode"));
        assertEquals(List.of(3, 1), byCount.getList("rows.count"));
        assertEquals(List.of(75.0f, 25.0f), byCount.getList("rows.sharePercent"));
        assertEquals(List.of(75.0f, 100.0f), byCount.getList("rows.cumulativePercent"));

        JsonPath byCost = json("defect-pareto", Map.of("product", product, "rankBy", "COST"));
        assertEquals(List.of(b, a), byCost.getList("rows.defectCode"));
        // 100 of 130 = 76.92 %, 30 of 130 = 23.08 %
        assertEquals(List.of(76.92f, 23.08f), byCost.getList("rows.sharePercent"));
        assertEquals(130.0f, byCost.getFloat("totalCost"));

        Response csv = asQa().queryParams(Map.of("product", product, "format", "csv"))
                .get("/api/v1/quality-reports/defect-pareto");
        csv.then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"defect-pareto.csv\"");
        List<String> lines = csv.asString().lines().toList();
        assertEquals("defectCode,name,count,nonconformingQuantity,cost,sharePercent,cumulativePercent", lines.get(0));
        assertTrue(lines.get(1).startsWith(a + ",defect " + a + ",3,"), lines.get(1));
        assertTrue(lines.get(1).endsWith(",30.00,75.00,75.00"), lines.get(1));
        assertEquals(3, lines.size());

        Response pdf = asQa().queryParams(Map.of("product", product, "format", "pdf"))
                .get("/api/v1/quality-reports/defect-pareto");
        pdf.then().statusCode(200).contentType("application/pdf");
        byte[] bytes = pdf.asByteArray();
        assertEquals("%PDF", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
        asQa().queryParam("format", "xls").get("/api/v1/quality-reports/defect-pareto").then().statusCode(400);
        asQa().queryParam("rankBy", "WEIGHT").get("/api/v1/quality-reports/defect-pareto").then().statusCode(400);
    }

    @Test
    void costOfPoorQualityIsSummedPerMonthOfOpeningWithoutCancelledNcrs() {
        String product = LotFixtures.unique("COPQ");
        int year = 1990 + (int) (Math.abs(product.hashCode()) % 9);
        storeNcr("CQ-1", product, "L1", Instant.parse(year + "-03-05T10:00:00Z"), new BigDecimal("100.00"), "OPEN");
        storeNcr("CQ-1", product, "L1", Instant.parse(year + "-03-31T23:59:59Z"), new BigDecimal("50.50"), "CLOSED");
        storeNcr("CQ-1", product, "L1", Instant.parse(year + "-04-01T00:00:00Z"), new BigDecimal("10.00"), "OPEN");
        storeNcr("CQ-1", product, "L1", Instant.parse(year + "-04-02T00:00:00Z"), new BigDecimal("999"), "CANCELLED");
        JsonPath copq = json("cost-of-poor-quality", Map.of("from", year + "-01-01T00:00:00Z", "to",
                (year + 1) + "-01-01T00:00:00Z"));
        assertEquals(List.of(year + "-03", year + "-04"), copq.getList("months.month"));
        assertEquals(List.of(2, 1), copq.getList("months.ncrs"));
        assertEquals(List.of(150.5f, 10.0f), copq.getList("months.cost"));
        assertEquals(List.of("EUR", "EUR"), copq.getList("months.currency"));
        String csv = asQa().queryParams(Map.of("from", year + "-01-01T00:00:00Z", "to", (year + 1) + "-01-01T00:00:00Z",
                "format", "csv")).get("/api/v1/quality-reports/cost-of-poor-quality").then().statusCode(200).extract()
                .asString();
        assertEquals(List.of("month,currency,ncrs,cost", year + "-03,EUR,2,150.50", year + "-04,EUR,1,10.00"),
                csv.lines().toList());
    }

    @Test
    void ncrAgeingPutsEachOpenNcrInTheBucketOfItsWholeDaysSinceOpening() {
        JsonPath before = json("ncr-ageing", Map.of());
        Instant now = clock.instant();
        String product = LotFixtures.unique("AGE");
        storeNcr("AG-1", product, "L1", now.minus(Duration.ofDays(3)), BigDecimal.ONE, "OPEN");
        storeNcr("AG-1", product, "L1", now.minus(Duration.ofDays(20)), BigDecimal.ONE, "UNDER_INVESTIGATION");
        storeNcr("AG-1", product, "L1", now.minus(Duration.ofDays(100)), BigDecimal.ONE, "OPEN");
        storeNcr("AG-1", product, "L1", now.minus(Duration.ofDays(50)), BigDecimal.ONE, "CLOSED");
        JsonPath after = json("ncr-ageing", Map.of());
        assertEquals(List.of("0-7 days", "8-30 days", "31-90 days", "over 90 days"), after.getList("buckets.label"));
        List<Integer> b = before.getList("buckets.count");
        List<Integer> a = after.getList("buckets.count");
        assertEquals(List.of(1, 1, 0, 1), List.of(a.get(0) - b.get(0), a.get(1) - b.get(1), a.get(2) - b.get(2),
                a.get(3) - b.get(3)), "the closed NCR is not open");
        assertEquals(before.getInt("open") + 3, after.getInt("open"));
    }

    @Test
    void theOnTimeRateCountsImplementationByTheDueDateOverAllDecidedCapas() {
        Instant pastFrom = Instant.parse("2001-01-01T00:00:00Z").plus(Duration.ofMinutes(System.nanoTime() % 500_000));
        String late = open("late", pastFrom.plus(Duration.ofMinutes(10)), null);
        move(late, "IMPLEMENTED").then().statusCode(200);
        open("overdue", pastFrom.plus(Duration.ofMinutes(20)), null);
        JsonPath past = json("capa-on-time", Map.of("from", pastFrom.toString(), "to",
                pastFrom.plus(Duration.ofHours(1)).toString()));
        assertEquals(0, past.getInt("onTime"));
        assertEquals(1, past.getInt("late"));
        assertEquals(1, past.getInt("overdue"));
        assertEquals(0.0f, past.getFloat("onTimeRatePercent"));
        assertEquals(List.of("LATE", "OVERDUE"), past.getList("capas.outcome"));

        Instant futureFrom = clock.instant().plus(Duration.ofDays(400));
        String early = open("early", futureFrom.plus(Duration.ofMinutes(10)), null);
        move(early, "IMPLEMENTED").then().statusCode(200);
        open("later", futureFrom.plus(Duration.ofMinutes(20)), null);
        String third = open("third", futureFrom.plus(Duration.ofMinutes(30)), null);
        move(third, "IN_PROGRESS").then().statusCode(200);
        move(third, "IMPLEMENTED").then().statusCode(200);
        JsonPath future = json("capa-on-time", Map.of("from", futureFrom.toString(), "to",
                futureFrom.plus(Duration.ofHours(1)).toString()));
        assertEquals(2, future.getInt("onTime"));
        assertEquals(1, future.getInt("notYetDue"));
        assertEquals(100.0f, future.getFloat("onTimeRatePercent"));
        byte[] pdf = asQa().queryParams(Map.of("from", futureFrom.toString(), "format", "pdf"))
                .get("/api/v1/quality-reports/capa-on-time").then().statusCode(200).extract().asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
    }
}
