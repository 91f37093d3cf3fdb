package io.poka.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.notifications.internal.DeliveryWorker;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * First half of exactly-once notification across an application restart (second half:
 * {@link NotificationsAcrossRestart2AfterTest}, whose other profile makes Quarkus stop this application and start a new
 * one on the same database): incident A is notified and sent; incident B's delivery is claimed by a worker that is
 * still sending when the application stops (its transaction, holding the row lock, is left open and ends without a
 * commit only after the restart, as a stopped worker's transaction is aborted by the database; a thread of the test
 * holds it, since the application's own threads stop with it).
 * Run both: {@code ./mvnw -o test -Dtest='NotificationsAcrossRestart*'}.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@TestProfile(NotificationsProfile.class)
class NotificationsAcrossRestart1BeforeTest {
    @Inject
    DeliveryWorker worker;

    @Test
    void oneIncidentIsNotifiedAndAnotherDeliveryIsInFlightWhenTheApplicationStops() throws Exception {
        String mailA = RestartFixtures.mailbox("qa-a");
        String lineA = RestartFixtures.lineMailing(mailA);
        Instant start = Instant.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        RestartFixtures.violate(lineA, start);
        String incidentA = RestartFixtures.onlyIncident(lineA);
        worker.deliverDue();
        assertEquals(1, TestSmtpServer.receivedBy(mailA).size(), "incident A notified before the restart");

        String mailB = RestartFixtures.mailbox("qa-b");
        String lineB = RestartFixtures.lineMailing(mailB);
        RestartFixtures.violate(lineB, start);
        String incidentB = RestartFixtures.onlyIncident(lineB);

        // the worker in flight: a thread of its own holds the claimed row in an open transaction across the restart
        // (only text passes through system properties), until the second half lets it end without a commit
        CountDownLatch claimed = new CountDownLatch(1);
        AtomicBoolean found = new AtomicBoolean();
        Thread inFlight = new Thread(() -> {
            try (Connection held = DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres")) {
                held.setAutoCommit(false);
                try (PreparedStatement ps = held.prepareStatement("select id from notifications.delivery where "
                        + "incident_id = ? and status = 'PENDING' for update skip locked")) {
                    ps.setObject(1, UUID.fromString(incidentB));
                    try (ResultSet rs = ps.executeQuery()) {
                        found.set(rs.next());
                    }
                }
                claimed.countDown();
                while (!"true".equals(System.getProperty(RestartFixtures.RELEASE))) {
                    Thread.sleep(50);
                }
                held.rollback();
            } catch (Exception e) {
                claimed.countDown();
            } finally {
                System.setProperty(RestartFixtures.RELEASED, "true");
            }
        }, "poka-test-worker-in-flight");
        inFlight.setDaemon(true);
        inFlight.start();
        assertTrue(claimed.await(60, TimeUnit.SECONDS) && found.get(),
                "B's delivery is pending and claimed by the worker in flight");
        System.setProperty(RestartFixtures.HELD, "true");
        System.setProperty(RestartFixtures.LINE_A, lineA);
        System.setProperty(RestartFixtures.MAIL_A, mailA);
        System.setProperty(RestartFixtures.MAIL_B, mailB);
        System.setProperty(RestartFixtures.INCIDENT_A, incidentA);
        System.setProperty(RestartFixtures.INCIDENT_B, incidentB);
        System.setProperty(RestartFixtures.START_A, start.toString());
        assertEquals(0, TestSmtpServer.receivedBy(mailB).size());
    }
}
