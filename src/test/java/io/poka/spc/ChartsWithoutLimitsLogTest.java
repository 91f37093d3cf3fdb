package io.poka.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A chart without limits while automatic baselines are off (poka.spc.auto-baseline-readings=0, the default) only
 * waits for limits: it must not log "automatic baseline not frozen yet" for every reading it receives (it did, at
 * INFO, once per reading, which flooded the log of any line streaming before its limits were frozen).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ChartsWithoutLimitsLogTest {

    @Test
    void readingsOfAChartWithoutLimitsAreStoredWithoutALogLinePerReading() {
        String line = "nolimits-" + UUID.randomUUID();
        Api.asAdmin().body(Map.of("line", line, "variable", "temp", "unit", "C"))
                .post("/api/v1/telemetry/variables").then().statusCode(201);
        List<String> messages = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record.getMessage() == null ? "" : record.getMessage();
                if (record.getParameters() != null) {
                    for (Object p : record.getParameters()) {
                        message += " " + p;
                    }
                }
                messages.add(message);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("io.poka.spc.internal.StreamingSpc");
        logger.addHandler(capture);
        try {
            StringBuilder body = new StringBuilder("[");
            Instant t0 = Instant.now().minus(1, ChronoUnit.HOURS);
            for (int i = 0; i < 20; i++) {
                body.append(i > 0 ? "," : "").append("{\"readingId\":\"").append(line).append('-').append(i)
                        .append("\",\"line\":\"").append(line).append("\",\"station\":\"s\",\"variable\":\"temp\","
                                + "\"value\":").append(20 + i % 3).append(",\"unit\":\"C\",\"timestamp\":\"")
                        .append(t0.plusSeconds(i)).append("\"}");
            }
            Api.asAdmin().body(body.append(']').toString()).post("/api/v1/telemetry/readings").then().statusCode(200)
                    .body("accepted", org.hamcrest.Matchers.equalTo(20));
        } finally {
            logger.removeHandler(capture);
        }
        List<String> aboutThisLine = messages.stream().filter(m -> m.contains(line)).toList();
        assertTrue(aboutThisLine.stream().noneMatch(m -> m.contains("not frozen yet")),
                "log lines about the line's readings: " + aboutThisLine);
        assertEquals(List.of(), aboutThisLine);
    }
}
