package io.poka.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.scoring.ScoringFixtures;
import io.poka.testing.Api;
import io.poka.testing.Browser;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 16: a report opened from an ANOMALY carries the model evidence the scoring module reported for that anomaly.
 * An active VAE-GAN scores a TEP fault 6 replay fed through telemetry; on the incident page a QA manager opens the NCR
 * from one anomaly; the report (API and page) names the same model id, version, training fingerprint, score, threshold
 * and top contributors (variables and values) as the AnomalyDetected event scoring published on the quality topic.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AnomalyNcrEvidenceBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    @Test
    void anNcrOpenedFromAnAnomalyCarriesExactlyTheModelEvidenceScoringReportedForIt() throws Exception {
        String line = "ncr-anom-" + UUID.randomUUID().toString().substring(0, 8);
        String qa = ScoringFixtures.qaManager();
        String modelId = ScoringFixtures.activeModel(line, 5);
        // the data feed: 20 held-out normal rows then 20 of fault 6 (A feed loss), one a minute, ending an hour ago
        Instant start = Instant.now().minus(Duration.ofMinutes(100)).truncatedTo(ChronoUnit.MINUTES);
        ScoringFixtures.replayNormalThenFault6(line, 20, start);

        JsonPath incident = null;
        for (long deadline = System.currentTimeMillis() + 30_000; System.currentTimeMillis() < deadline; ) {
            JsonPath found = Api.asAdmin().queryParam("line", line).get("/api/v1/incidents").then().statusCode(200)
                    .extract().jsonPath();
            if (!found.getList("items").isEmpty() && found.getInt("items[0].anomalyCount") > 0) {
                incident = Api.asAdmin().get("/api/v1/incidents/" + found.getString("items[0].id")).then()
                        .statusCode(200).extract().jsonPath();
                break;
            }
            Thread.sleep(500);
        }
        assertNotNull(incident, "the fault replay opened an incident with anomalies on " + line);
        String incidentId = incident.getString("incident.id");
        String anomalyId = incident.getString("anomalies[0].anomalyId");
        JsonNode reported = published(line, anomalyId);
        assertEquals(modelId, reported.get("modelId").asText());

        String ncrId;
        try (Browser b = Browser.open(base)) {
            b.signIn(qa, ScoringFixtures.qaPassword());
            b.go("/ui/incidents/" + incidentId);
            new Select(b.find(By.id("open-ncr-anomaly"))).selectByValue(anomalyId);
            new Select(b.find(By.id("open-ncr-code"))).selectByValue("PROC-DRIFT");
            b.screenshot("79-anomaly-open-ncr");
            b.find(By.id("open-ncr-button")).click();
            b.waitFor(ExpectedConditions.urlMatches("/ui/ncrs/[0-9a-f-]{36}$"));
            ncrId = b.driver().getCurrentUrl().replaceAll(".*/ui/ncrs/", "");
            String page = b.find(By.id("model-evidence")).getText();
            assertTrue(page.contains(modelId + " version " + reported.get("modelVersion").asInt()), page);
            assertTrue(page.contains(reported.get("trainingFingerprint").asText()), page);
            assertTrue(page.contains(reported.get("score").asDouble() + " / " + reported.get("threshold").asDouble()), page);
            for (JsonNode c : reported.get("topContributors")) {
                assertTrue(page.contains(c.get("variable").asText() + " (" + c.get("value").asDouble() + ")"),
                        c + " on the page: " + page);
            }
            b.screenshot("80-anomaly-ncr-model-evidence");
            assertEquals(List.of(), b.consoleErrors());
        }

        // read with Jackson: RestAssured's JsonPath would round the doubles to floats
        JsonNode detail = JSON.readTree(Api.asAdmin().get("/api/v1/ncrs/" + ncrId + "/detail").then().statusCode(200)
                .extract().asString());
        JsonNode model = detail.get("evidence").get("model");
        assertEquals("ANOMALY", detail.get("ncr").get("source").asText());
        assertEquals(anomalyId, detail.get("ncr").get("sourceReference").asText());
        assertEquals(line, detail.get("ncr").get("line").asText());
        assertEquals(anomalyId, model.get("anomalyId").asText());
        assertEquals(reported.get("modelId").asText(), model.get("modelId").asText());
        assertEquals(reported.get("modelVersion").asInt(), model.get("modelVersion").asInt());
        assertEquals(reported.get("trainingFingerprint").asText(), model.get("trainingFingerprint").asText());
        assertEquals(reported.get("score").asDouble(), model.get("score").asDouble());
        assertEquals(reported.get("threshold").asDouble(), model.get("threshold").asDouble());
        JsonNode top = model.get("topContributors");
        assertEquals(reported.get("topContributors").size(), top.size(), top.toString());
        for (int i = 0; i < top.size(); i++) {
            JsonNode c = reported.get("topContributors").get(i);
            assertEquals(c.get("variable").asText(), top.get(i).get("variable").asText());
            assertEquals(c.get("value").asDouble(), top.get(i).get("contribution").asDouble(),
                    "contribution of " + c.get("variable").asText() + ": the anomaly's own, as scoring reported it");
        }
    }

    /** The AnomalyDetected event the scoring module published on the quality-events topic for this anomaly. */
    private static JsonNode published(String line, String anomalyId) throws Exception {
        Map<String, JsonNode> byId = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = TelemetryFixtures.consumerFromTheStart("ncr-anomaly-test")) {
            consumer.subscribe(List.of("poka.quality.events.v1"));
            for (Instant end = Instant.now().plusSeconds(30); Instant.now().isBefore(end) && !byId.containsKey(anomalyId); ) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    var type = r.headers().lastHeader("poka-event-type");
                    if (line.equals(r.key()) && type != null
                            && "AnomalyDetected".equals(new String(type.value(), StandardCharsets.UTF_8))) {
                        JsonNode event = JSON.readTree(r.value()).get("data"); // the quality-event envelope's payload
                        byId.put(event.get("anomalyId").asText(), event);
                    }
                }
            }
        }
        assertTrue(byId.containsKey(anomalyId), "scoring published anomaly " + anomalyId + " among " + byId.keySet());
        return byId.get(anomalyId);
    }
}
