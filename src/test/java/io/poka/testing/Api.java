package io.poka.testing;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Authenticated request builders for the test users. */
public final class Api {
    public static final String ADMIN_PASSWORD = "admin-test-password";

    private Api() {
    }

    public static RequestSpecification asAdmin() {
        return as("admin", ADMIN_PASSWORD);
    }

    public static RequestSpecification as(String user, String password) {
        return given().auth().preemptive().basic(user, password).contentType("application/json");
    }
}
