package io.poka.alerts;

import io.poka.testing.Api;
import io.poka.testing.TelemetryFixtures;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Alerts raised by real readings, and users of one role, for the alerts REST and browser tests. */
public final class AlertFixtures {
    public static final String PASSWORD = "a-long-password-1";

    private AlertFixtures() {
    }

    /**
     * A new line whose variable "temp" (entered limits: center 0, sigma 1) received 5, 6, 7 an hour ago: WE1 (one
     * point beyond 3 sigma, HIGH) at each point and WE2 (2 of 3 beyond 2 sigma, MEDIUM) at the second and third.
     */
    public static String lineWithWe1AndWe2Alerts() {
        return lineWithWe1AndWe2Alerts(Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));
    }

    /** As {@link #lineWithWe1AndWe2Alerts()}, the readings one second apart from {@code start}. */
    public static String lineWithWe1AndWe2Alerts(Instant start) {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "temp", "degC", "");
        Api.asAdmin().body(Map.of("center", 0.0, "sigma", 1.0, "studyReference", "study-1"))
                .post("/api/v1/spc/charts/" + line + "/temp/limits/entered").then().statusCode(201);
        TelemetryFixtures.postValues(line, "temp", "degC", start, List.of(5.0, 6.0, 7.0));
        return line;
    }

    /** The id of the alert of {@code rule} on {@code line} (its only one). */
    public static String alertId(String line, String rule) {
        return Api.asAdmin().queryParam("line", line).get("/api/v1/alerts").then().statusCode(200).extract()
                .path("find { it.ruleId == '" + rule + "' }.id");
    }

    /** A new user with one role and {@link #PASSWORD}; returns the user name. */
    public static String user(String role) {
        String name = role.substring(0, 3) + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(Map.of("username", name, "displayName", "Pat " + name, "password", PASSWORD,
                "roles", List.of(role)));
        return name;
    }
}
