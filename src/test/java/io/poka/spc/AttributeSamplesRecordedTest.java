package io.poka.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@link AttributeSamplesRecorded} is fired once per posting request, single sample or array, with the samples'
 * times in the order posted, and not at all for a rejected request (observed in the transaction, so even an event
 * fired and then rolled back would be seen).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AttributeSamplesRecordedTest {

    /** Keeps every event fired in the application (tests filter by their own chart name). */
    @ApplicationScoped
    static class Recorder {
        final List<AttributeSamplesRecorded> events = new CopyOnWriteArrayList<>();

        void on(@Observes AttributeSamplesRecorded event) {
            events.add(event);
        }

        List<AttributeSamplesRecorded> of(String chart) {
            return events.stream().filter(e -> e.chart().equals(chart)).toList();
        }
    }

    @Inject
    Recorder recorder;

    @Test
    void oneEventPerRequestWithTheSamplesTimesAndNoneForARejectedRequest() {
        String name = "recorded-" + UUID.randomUUID().toString().substring(0, 8);
        String api = "/api/v1/spc/attribute-charts/" + name + "/samples";
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        Api.asAdmin().body(sample(3, start)).post(api).then().statusCode(201);
        assertEquals(List.of(new AttributeSamplesRecorded(name, List.of(start))), recorder.of(name));

        Instant second = start.plusSeconds(60);
        Instant third = start.plusSeconds(120);
        Api.asAdmin().body(List.of(sample(2, second), sample(4, third))).post(api).then().statusCode(201);
        assertEquals(List.of(new AttributeSamplesRecorded(name, List.of(start)),
                new AttributeSamplesRecorded(name, List.of(second, third))), recorder.of(name));

        // a bad row (count above size) rejects the whole array: nothing stored, nothing fired
        Api.asAdmin().body(List.of(sample(1, start.plusSeconds(180)), sample(80, start.plusSeconds(240))))
                .post(api).then().statusCode(400);
        // a sample of another chart type is refused too
        Api.asAdmin().body(Map.of("chartType", "C", "count", 1, "size", 1,
                "sampledAt", start.plusSeconds(300).toString())).post(api).then().statusCode(409);
        assertEquals(2, recorder.of(name).size(), "rejected requests fire nothing: " + recorder.of(name));
        assertTrue(Api.asAdmin().queryParam("from", start.toString()).get("/api/v1/spc/attribute-charts/" + name)
                .then().statusCode(200).extract().jsonPath().getList("points").size() == 3, "3 samples stored");
    }

    private static Map<String, Object> sample(int count, Instant at) {
        return Map.of("chartType", "P", "count", count, "size", 50, "sampledAt", at.toString());
    }
}
