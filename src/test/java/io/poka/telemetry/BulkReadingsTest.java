package io.poka.telemetry;

import static io.poka.testing.TelemetryFixtures.reading;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The REST bulk endpoint validates rows like the Kafka path and reports accepted, duplicate and rejected rows. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class BulkReadingsTest {
    private static final String SQL = "select count(*) from telemetry.reading where line = ?";

    @Test
    void perRowPolicyStoresValidRowsAndReportsEachRejectedRowWithItsReason() throws Exception {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "flow", "m3/h", "");
        Instant ts = Instant.now().minusSeconds(60);
        String a = UUID.randomUUID().toString();
        String body = "[" + reading(a, line, "flow", "m3/h", 1.5, ts) + ","
                + reading(a, line, "flow", "m3/h", 1.5, ts) + ","
                + reading(UUID.randomUUID().toString(), line, "flow", "l/s", 1.5, ts) + ","
                + "{\"readingId\":\"r4\",\"line\":\"" + line + "\",\"extra\":1}]";
        Api.asAdmin().body(body).post("/api/v1/telemetry/readings").then().statusCode(200)
                .body("policy", equalTo("PER_ROW"))
                .body("received", equalTo(4))
                .body("accepted", equalTo(1))
                .body("duplicates", equalTo(1))
                .body("rejected", equalTo(2))
                .body("errors.row", equalTo(java.util.List.of(3, 4)))
                .body("errors.code", equalTo(java.util.List.of("unit-mismatch", "unknown-field")));
        assertEquals(1, TelemetryFixtures.count(SQL, line));

        // posting the same reading again is a duplicate, not a second row
        Api.asAdmin().body("[" + reading(a, line, "flow", "m3/h", 1.5, ts) + "]").post("/api/v1/telemetry/readings")
                .then().statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(1));
        assertEquals(1, TelemetryFixtures.count(SQL, line));
    }

    @Test
    void allOrNothingPolicyStoresNothingWhenOneRowIsInvalid() throws Exception {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "flow", "m3/h", "");
        Instant ts = Instant.now().minusSeconds(60);
        String body = "[" + reading(UUID.randomUUID().toString(), line, "flow", "m3/h", 1.5, ts) + ","
                + reading(UUID.randomUUID().toString(), line, "level", "m", 1.5, ts) + "]";
        Api.asAdmin().body(body).queryParam("policy", "ALL_OR_NOTHING").post("/api/v1/telemetry/readings")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("row 2"));
        assertEquals(0, TelemetryFixtures.count(SQL, line));
    }

    @Test
    void aSemicolonCsvWithByteOrderMarkAndCrlfIsReadAndOneWithoutHeaderSaysMissingHeader() throws Exception {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "flow", "m3/h", "");
        Instant ts = Instant.now().minusSeconds(60);
        String csv = "\uFEFFreadingId;line;station;variable;value;unit;timestamp\r\n"
                + UUID.randomUUID() + ";" + line + ";\"S1; east\";flow;12.5;m3/h;" + ts + "\r\n"
                + UUID.randomUUID() + ";" + line + ";S2;flow;13;m3/h;" + ts.plusSeconds(1) + "\r\n";
        Api.asAdmin().contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/telemetry/readings").then()
                .statusCode(200).body("errors", org.hamcrest.Matchers.empty()).body("accepted", equalTo(2));
        Api.asAdmin().queryParam("line", line).queryParam("variable", "flow").get("/api/v1/telemetry/readings")
                .then().statusCode(200).body("station", org.hamcrest.Matchers.hasItem("S1; east"));
        Api.asAdmin().contentType("text/csv").body("1.5\t2.5\t3.5\n4.5\t5.5\t6.5\n")
                .post("/api/v1/telemetry/readings").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("missing header"))
                .body("detail", org.hamcrest.Matchers.containsString("tab-separated"));
    }

    @Test
    void csvRowsAreValidatedLikeJson() throws Exception {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "flow", "m3/h", ",\"expectedMin\":0,\"expectedMax\":100");
        Instant ts = Instant.now().minusSeconds(60);
        String csv = "readingId,line,station,variable,value,unit,timestamp,lot\n"
                + UUID.randomUUID() + "," + line + ",\"S1, west\",flow,12.5,m3/h," + ts + ",LOT-1\n"
                + UUID.randomUUID() + "," + line + ",S1,flow,NaN,m3/h," + ts + ",\n"
                + UUID.randomUUID() + "," + line + ",S1,flow,250,m3/h," + ts + ",\n";
        Api.asAdmin().contentType("text/csv").body(csv).post("/api/v1/telemetry/readings").then().statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(2))
                .body("errors.code", equalTo(java.util.List.of("non-finite", "out-of-expected-range")));
        Api.asAdmin().queryParam("line", line).queryParam("variable", "flow").get("/api/v1/telemetry/readings")
                .then().statusCode(200)
                .body("[0].station", equalTo("S1, west"))
                .body("[0].lot", equalTo("LOT-1"));
    }

    @Test
    void onlyIntegrationClientsAndAdminsMayUpload() {
        String user = "inspector-" + UUID.randomUUID();
        Api.createUser(java.util.Map.of("username", user, "displayName", "Ina", "password", "inspector-password-1",
                "roles", java.util.List.of("inspector")));
        Api.as(user, "inspector-password-1").body("[]").post("/api/v1/telemetry/readings").then().statusCode(403);
    }
}
