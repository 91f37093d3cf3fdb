package io.poka.spc;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's capability summary is the capability query over each variable's newest 100 readings
 * ({@code poka.spc.capability-summary-readings}): same Cpk and Ppk as {@code GET .../capability} over those
 * readings' time range, with the frozen limits version and the Cpk band; variables without a specification are
 * left out and one with too few readings says why.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class CapabilitySummaryTest {

    @Inject
    SpcApi spc;

    @Test
    void summaryEqualsTheCapabilityQueryOverTheNewestReadings() {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "bore", "mm", ",\"lsl\":9,\"usl\":11,\"target\":10");
        TelemetryFixtures.defineVariable(line, "free", "mm", "");
        TelemetryFixtures.defineVariable(line, "sparse", "mm", ",\"usl\":11");
        Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Random random = new Random(42);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            values.add(10 + 0.25 * random.nextGaussian());
        }
        TelemetryFixtures.postValues(line, "bore", "mm", start, values);
        TelemetryFixtures.postValues(line, "free", "mm", start, values);
        TelemetryFixtures.postValues(line, "sparse", "mm", start, List.of(10.0));
        Api.asAdmin().body(Map.of("from", start.toString(), "to", start.plusSeconds(30).toString()))
                .post("/api/v1/spc/charts/" + line + "/bore/limits/phase-one").then().statusCode(201);

        List<CapabilitySummary> mine = spc.capabilitySummary().stream().filter(s -> s.line().equals(line)).toList();
        assertEquals(List.of("bore", "sparse"), mine.stream().map(CapabilitySummary::variable).toList(),
                "only variables with a specification");
        CapabilitySummary bore = mine.get(0);
        assertEquals(100, bore.n());
        assertEquals(start.plusSeconds(30), bore.from(), "the newest 100 of 130 readings, one second apart");
        assertEquals(start.plusSeconds(129), bore.to());
        assertEquals(1, bore.limitsVersion());
        assertEquals(CpkBand.of(bore.cpk()), bore.band());
        assertNull(bore.problem());
        Api.asAdmin().config(io.restassured.config.RestAssuredConfig.config().jsonConfig(
                        io.restassured.config.JsonConfig.jsonConfig().numberReturnType(
                                io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE)))
                .queryParam("from", bore.from().toString()).queryParam("to", bore.to().plusMillis(1).toString())
                .get("/api/v1/spc/charts/" + line + "/bore/capability").then().statusCode(200)
                .body("n", equalTo(100))
                .body("cpk", closeTo(bore.cpk(), 1e-12))
                .body("ppk", closeTo(bore.ppk(), 1e-12));

        CapabilitySummary sparse = mine.get(1);
        assertEquals(1, sparse.n());
        assertNull(sparse.cpk());
        assertNull(sparse.limitsVersion());
        assertEquals(CpkBand.UNKNOWN, sparse.band());
        assertNotNull(sparse.problem());
        assertTrue(sparse.problem().contains("at least 2 readings"), sparse.problem());
    }
}
