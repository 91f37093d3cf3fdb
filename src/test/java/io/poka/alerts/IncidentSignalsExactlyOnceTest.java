package io.poka.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.poka.scoring.AnomalyDetected;
import io.poka.scoring.Contribution;
import io.poka.spc.RuleViolated;
import io.poka.spc.RuleViolations;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Incidents hold each signal once however often it is delivered (the violation's or the anomaly's id is the key), and
 * two transactions grouping signals of one line at the same moment do not both open an incident (per-line lock).
 * The signals are fired as the spc and scoring modules fire them, in a transaction of their own.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class IncidentSignalsExactlyOnceTest {

    @Inject
    Event<RuleViolations> violations;

    @Inject
    Event<AnomalyDetected> anomalies;

    @Inject
    AlertsApi alerts;

    @Test
    void aRedeliveredViolationOrAnomalyIsCountedOnce() {
        String line = TelemetryFixtures.newLine();
        Instant at = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        RuleViolations batch = new RuleViolations(List.of(violation(line, "xmeas-01", at), violation(line, "xmeas-04",
                at.plusSeconds(1))));
        AnomalyDetected anomaly = new AnomalyDetected(UUID.randomUUID(), line, UUID.randomUUID(), 3, 9.0, 4.0, "fp",
                List.of(new Contribution("xmv-03", 2.5), new Contribution("xmeas-01", 1.0)), at.plusSeconds(2),
                Instant.now());
        for (int delivery = 0; delivery < 2; delivery++) {
            QuarkusTransaction.requiringNew().run(() -> violations.fire(batch));
            QuarkusTransaction.requiringNew().run(() -> anomalies.fire(anomaly));
        }

        IncidentPage page = alerts.incidents(new IncidentQuery(line, null, null, null, null, false, 0, 10));
        assertEquals(1, page.total());
        IncidentView incident = page.items().get(0);
        assertEquals(3, incident.signalCount(), "two violations and one anomaly, each once");
        assertEquals(1, incident.anomalyCount());
        assertEquals("HIGH", incident.severity(), "score 9 is at least 2 x threshold 4");
        assertEquals(List.of("xmv-03", "xmeas-01", "xmeas-04"), incident.topVariables(),
                "ranked by the model's contribution once an anomaly is involved");
        IncidentDetail detail = alerts.incidentDetail(incident.id()).orElseThrow();
        assertEquals(1, detail.anomalies().size());
        assertEquals(3, detail.anomalies().get(0).modelVersion());
        assertEquals(1, detail.variables().stream().filter(v -> v.variable().equals("xmeas-01")).findFirst()
                .orElseThrow().high(), "the redelivered violation did not count twice");
    }

    /**
     * The first batch's transaction stays open (its incident not yet committed) while a second signal of the line is
     * grouped: without the per-line lock the second cannot see the first's incident and opens another (seen: 2).
     */
    @Test
    void twoBatchesOfOneLineAtOnceOpenOneIncident() throws Exception {
        String line = TelemetryFixtures.newLine();
        Instant at = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        CountDownLatch firstGrouped = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                violations.fire(new RuleViolations(List.of(violation(line, "xmeas-01", at))));
                firstGrouped.countDown();
                sleep(2000);
            }));
            Future<?> second = pool.submit(() -> {
                firstGrouped.await();
                // an anomaly: nothing is audited before it is grouped (a raised alert would wait for the audit
                // chain, which the first transaction holds, and so hide the race)
                QuarkusTransaction.requiringNew().run(() -> anomalies.fire(new AnomalyDetected(UUID.randomUUID(),
                        line, UUID.randomUUID(), 1, 5.0, 4.0, "fp", List.of(new Contribution("xmeas-02", 1.0)),
                        at.plusSeconds(1), Instant.now())));
                return null;
            });
            first.get(60, TimeUnit.SECONDS);
            second.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        IncidentPage page = alerts.incidents(new IncidentQuery(line, null, null, null, null, false, 0, 10));
        assertEquals(1, page.total(), page.items().toString());
        assertEquals(2, page.items().get(0).signalCount());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static RuleViolated violation(String line, String variable, Instant at) {
        return new RuleViolated(UUID.randomUUID(), line, variable, "INDIVIDUALS", "WE1",
                "1 point beyond the 3-sigma limits", 1, List.of(at), 5.0, Instant.now());
    }
}
