package io.poka.testing;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;

/** Authenticated request builders for the test users. */
public final class Api {
    public static final String ADMIN_PASSWORD = "admin-test-password";

    private Api() {
    }

    public static RequestSpecification asAdmin() {
        return as("admin", ADMIN_PASSWORD);
    }

    /**
     * Creates a user as admin and signs in as that user once to replace the admin-set password, which is temporary
     * (must be changed before anything else), with {@code body.password}.
     */
    public static void createUser(Map<String, ?> body) {
        String password = (String) body.get("password");
        String temporary = "temporary-" + password;
        Map<String, Object> created = new HashMap<>(body);
        created.put("password", temporary);
        asAdmin().body(created).post("/api/v1/users").then().statusCode(201);
        as((String) body.get("username"), temporary)
                .body(Map.of("currentPassword", temporary, "newPassword", password))
                .put("/api/v1/me/password").then().statusCode(204);
    }

    public static RequestSpecification as(String user, String password) {
        return given().auth().preemptive().basic(user, password).contentType("application/json");
    }
}
