package io.poka.platform.jobs;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The platform job runner recovers every module's jobs, not only scoring's: a RUNNING baselines, RUL or diagnosis
 * training whose replica stopped renewing its heartbeat is failed with the reason and keeps the progress it stored,
 * while one whose replica is alive keeps running. The other replicas' rows are written as they would write them.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class JobRunnerAcrossReplicasTest {

    /** A RUNNING job of {@code owner} in {@code table} (columns and values of its own), 2 of 6 steps done. */
    private static UUID runningOn(String table, String columns, String values, String owner, Instant heartbeat)
            throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres");
                PreparedStatement s = c.prepareStatement("insert into " + table + " (id, status, steps_done,"
                        + " steps_total, created_at, created_by, started_at, owner, heartbeat_at, " + columns + ")"
                        + " values (?, 'RUNNING', 2, 6, ?, 'qa', ?, ?, ?, " + values + ")")) {
            s.setObject(1, id);
            s.setTimestamp(2, Timestamp.from(heartbeat.minusSeconds(60)));
            s.setTimestamp(3, Timestamp.from(heartbeat.minusSeconds(60)));
            s.setString(4, owner);
            s.setTimestamp(5, Timestamp.from(heartbeat));
            s.executeUpdate();
        }
        return id;
    }

    private static JsonPath job(String path) {
        return Api.asAdmin().get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theJobsOfAReplicaThatDiedAreFailedInEveryModuleAndALiveReplicasAreNot() throws Exception {
        Instant dead = Instant.now().minus(Duration.ofMinutes(2));
        Instant alive = Instant.now().plus(Duration.ofMinutes(5));
        String baselines = "/api/v1/baselines/training-jobs/"
                + runningOn("baselines.training_job", "dataset, trainer", "'steel-plates', 'random-forest'",
                        "dead-replica", dead);
        String rul = "/api/v1/prognostics/training-jobs/"
                + runningOn("prognostics.training_job", "kind, units", "'forest', 20", "dead-replica", dead);
        String diagnosis = "/api/v1/diagnosis/training-jobs/"
                + runningOn("diagnosis.training_job", "dataset, settings", "'tep', '{}'::jsonb", "dead-replica", dead);
        UUID livingId = runningOn("prognostics.training_job", "kind, units", "'forest', 20", "live-replica", alive);
        String living = "/api/v1/prognostics/training-jobs/" + livingId;
        try {
            expectRecovery(baselines, rul, diagnosis, living);
        } finally {
            // the live replica's job would count against the RUL queue limit of the tests that follow
            try (Connection c = DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres");
                    PreparedStatement s = c.prepareStatement("update prognostics.training_job set status = 'FAILED',"
                            + " error = 'test replica gone', finished_at = now() where id = ?")) {
                s.setObject(1, livingId);
                s.executeUpdate();
            }
        }
    }

    private static void expectRecovery(String baselines, String rul, String diagnosis, String living) {

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                "FAILED".equals(job(baselines).getString("status")) && "FAILED".equals(job(rul).getString("status"))
                        && "FAILED".equals(job(diagnosis).getString("status")));
        for (String path : new String[] {baselines, rul, diagnosis}) {
            JsonPath failed = job(path);
            assertTrue(failed.getString("error").contains("dead-replica"), path + ": " + failed.getString("error"));
            assertTrue(failed.getString("finishedAt") != null, path);
        }
        assertEquals(2, job(rul).getInt("stepsDone"), "the progress the dead replica stored is kept");
        assertEquals("RUNNING", job(living).getString("status"), "a replica that renews its heartbeat keeps its job");
    }
}
