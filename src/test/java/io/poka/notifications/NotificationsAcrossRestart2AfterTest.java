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
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Second half of exactly-once notification across an application restart (first half:
 * {@link NotificationsAcrossRestart1BeforeTest}): in the new application, on the same database, the incident notified
 * before the restart is not notified again, even when new signals join it; the delivery that was in flight when the
 * old application stopped is sent exactly once after the stopped worker's transaction ends without a commit. Quarkus
 * orders test classes by profile name, so this class (RestartedNotificationsProfile) runs after the first half
 * (NotificationsProfile).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@TestProfile(RestartedNotificationsProfile.class)
class NotificationsAcrossRestart2AfterTest {

    @Inject
    DeliveryWorker worker;

    @Test
    void afterTheRestartNothingIsSentTwiceAndTheDeliveryInFlightIsSentOnce() throws Exception {
        assertEquals("true", System.getProperty(RestartFixtures.HELD),
                "run after the first half: -Dtest='NotificationsAcrossRestart*'");
        String mailA = System.getProperty(RestartFixtures.MAIL_A);
        String mailB = System.getProperty(RestartFixtures.MAIL_B);
        String lineA = System.getProperty(RestartFixtures.LINE_A);
        String incidentA = System.getProperty(RestartFixtures.INCIDENT_A);
        String incidentB = System.getProperty(RestartFixtures.INCIDENT_B);
        int sentToA = TestSmtpServer.receivedBy(mailA).size();
        int sentToB = TestSmtpServer.receivedBy(mailB).size();

        // incident A goes on after the restart: new violations join it; it was notified already
        RestartFixtures.violate(lineA, Instant.parse(System.getProperty(RestartFixtures.START_A)).plusSeconds(10));
        assertEquals(incidentA, RestartFixtures.onlyIncident(lineA), "the same incident grew");
        worker.deliverDue();
        assertEquals(sentToA, TestSmtpServer.receivedBy(mailA).size(), "A is not notified again after the restart");
        assertEquals(sentToB, TestSmtpServer.receivedBy(mailB).size(), "B's delivery is still held by the old worker");

        System.setProperty(RestartFixtures.RELEASE, "true"); // the stopped worker's transaction ends, no commit
        long deadline = System.currentTimeMillis() + 30_000;
        while (!"true".equals(System.getProperty(RestartFixtures.RELEASED))) {
            assertTrue(System.currentTimeMillis() < deadline, "the transaction in flight ended");
            Thread.sleep(50);
        }
        worker.deliverDue();
        worker.deliverDue();
        assertEquals(sentToB + 1, TestSmtpServer.receivedBy(mailB).size(), "B is sent once after the restart");
        assertEquals(sentToA, TestSmtpServer.receivedBy(mailA).size());

        try (Connection c = DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres");
                PreparedStatement ps = c.prepareStatement("select incident_id, status, attempts from "
                        + "notifications.delivery where incident_id in (?, ?) order by incident_id")) {
            ps.setObject(1, UUID.fromString(incidentA));
            ps.setObject(2, UUID.fromString(incidentB));
            Map<String, String> rows = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.merge(rs.getString(1), rs.getString(2) + "/" + rs.getInt(3), (x, y) -> x + "," + y);
                }
            }
            assertEquals(Map.of(incidentA, "SENT/1", incidentB, "SENT/1"), rows,
                    "one delivery per incident and recipient, each sent in one attempt");
        }
    }
}
