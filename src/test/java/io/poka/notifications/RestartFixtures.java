package io.poka.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.poka.testing.Api;
import io.poka.testing.TelemetryFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the two halves of the restart test share. They run in two application instances (the second profile restarts
 * Quarkus on the same database), so what the first leaves for the second goes through JVM-wide system properties (text
 * only: a non-text value there breaks the next application start), not static fields: each start loads the test
 * classes anew.
 */
final class RestartFixtures {
    static final String HELD = "poka.test.restart.held";
    static final String RELEASE = "poka.test.restart.release";
    static final String RELEASED = "poka.test.restart.released";
    static final String LINE_A = "poka.test.restart.line-a";
    static final String MAIL_A = "poka.test.restart.mail-a";
    static final String MAIL_B = "poka.test.restart.mail-b";
    static final String INCIDENT_A = "poka.test.restart.incident-a";
    static final String INCIDENT_B = "poka.test.restart.incident-b";
    static final String START_A = "poka.test.restart.start-a";

    private RestartFixtures() {
    }

    /** A new line with variable temp (entered limits 0 +- 3) and an e-mail subscription of {@code mailbox}. */
    static String lineMailing(String mailbox) {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "temp", "degC", "");
        Api.asAdmin().body(Map.of("center", 0.0, "sigma", 1.0, "studyReference", "study-1"))
                .post("/api/v1/spc/charts/" + line + "/temp/limits/entered").then().statusCode(201);
        // made directly, not through NotificationFixtures: its cleanup would cancel the delivery left in flight
        Api.asAdmin().body(Map.of("name", "restart mail " + line, "line", line, "minSeverity", "LOW", "channel",
                "EMAIL", "target", mailbox)).post("/api/v1/notifications/subscriptions").then().statusCode(201);
        return line;
    }

    static String mailbox(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@plant.test.example";
    }

    /** Readings of temp far beyond the limits from {@code start}, one second apart. */
    static void violate(String line, Instant start) {
        TelemetryFixtures.postValues(line, "temp", "degC", start, List.of(5.0, 6.0, 7.0));
    }

    static String onlyIncident(String line) {
        List<String> ids = Api.asAdmin().queryParam("line", line).get("/api/v1/incidents").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertEquals(1, ids.size(), "incidents of " + line + ": " + ids);
        return ids.get(0);
    }
}
