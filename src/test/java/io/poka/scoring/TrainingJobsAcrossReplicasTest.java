package io.poka.scoring;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.scoring.internal.data.NumericTable;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Training jobs with several replicas: the jobs of a replica that died (its heartbeat stopped) are marked failed by
 * another replica, a live replica's jobs are left alone, and a cancel asked for here of a job another replica runs is
 * stored for that replica (which stops it at its next heartbeat). The other replicas' rows are written as they would
 * write them.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class TrainingJobsAcrossReplicasTest {
    private String datasetId;

    @BeforeEach
    void dataset() {
        ScoringRestFlowTest.qaManager();
        NumericTable normal = TepData.normal();
        datasetId = ScoringRestFlowTest.asQa().contentType("text/csv").queryParam("name", "TEP d00")
                .body(TepData.csv(normal)).post("/api/v1/scoring/datasets").then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract().path("id");
    }

    /** A RUNNING job as replica {@code owner} stores it, with its last heartbeat at {@code heartbeat}. */
    private UUID runningOn(String owner, Instant heartbeat) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres");
                PreparedStatement s = c.prepareStatement("insert into scoring.training_job (id, dataset_id, line, status,"
                        + " hyperparameters, epochs_done, epochs, created_at, created_by, started_at, owner, heartbeat_at)"
                        + " values (?, ?, 'replica-line', 'RUNNING', '{}'::jsonb, 3, 40, ?, 'qa', ?, ?, ?)")) {
            s.setObject(1, id);
            s.setObject(2, UUID.fromString(datasetId));
            s.setTimestamp(3, Timestamp.from(heartbeat.minusSeconds(60)));
            s.setTimestamp(4, Timestamp.from(heartbeat.minusSeconds(60)));
            s.setString(5, owner);
            s.setTimestamp(6, Timestamp.from(heartbeat));
            s.executeUpdate();
        }
        return id;
    }

    private static JsonPath job(UUID id) {
        return ScoringRestFlowTest.asQa().get("/api/v1/scoring/training-jobs/" + id).then().statusCode(200).extract()
                .jsonPath();
    }

    @Test
    void jobsOfAReplicaThatDiedAreMarkedFailedAndALiveReplicasJobsAreNot() throws Exception {
        UUID orphan = runningOn("dead-replica", Instant.now().minus(Duration.ofMinutes(2)));
        UUID alive = runningOn("live-replica", Instant.now().plus(Duration.ofMinutes(5)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> "FAILED".equals(job(orphan).getString("status")));
        JsonPath failed = job(orphan);
        assertTrue(failed.getString("error").contains("dead-replica"), failed.getString("error"));
        assertEquals(3, failed.getInt("epoch"), "the progress the dead replica stored is kept");
        assertEquals("RUNNING", job(alive).getString("status"), "a replica that renews its heartbeat keeps its job");
    }

    @Test
    void aCancelOfAJobRunningOnAnotherReplicaIsStoredForThatReplica() throws Exception {
        UUID elsewhere = runningOn("other-replica", Instant.now().plus(Duration.ofMinutes(5)));
        JsonPath answer = ScoringRestFlowTest.asQa().post("/api/v1/scoring/training-jobs/" + elsewhere + "/cancel")
                .then().statusCode(202).extract().jsonPath();
        assertEquals("RUNNING", answer.getString("status"), "it stops at the owner's next heartbeat");
        try (Connection c = DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres");
                PreparedStatement s = c.prepareStatement("select cancel_requested from scoring.training_job where id = ?")) {
            s.setObject(1, elsewhere);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertTrue(rs.getBoolean(1));
            }
        }
    }
}
