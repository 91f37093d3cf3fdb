package io.poka.audit;

import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Users, lookups and behind-the-back database access shared by the audit integration tests. */
final class AuditTestSupport {
    static final String PASSWORD = "correct-horse-battery";

    private AuditTestSupport() {
    }

    /** Creates a user with one role through the API and returns the user name. */
    static String newUser(String role) {
        String name = role.replace("-", "") + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(Map.of("username", name, "displayName", "Test " + role, "password", PASSWORD,
                "roles", List.of(role)));
        return name;
    }

    static RequestSpecification as(String user) {
        return Api.as(user, PASSWORD);
    }

    /** The audit history of one record, read as admin. */
    static List<Map<String, Object>> history(String entityType, String entityId) {
        return Api.asAdmin().get("/api/v1/audit/entities/{t}/{id}/history", entityType, entityId).then()
                .statusCode(200).extract().jsonPath().getList("$");
    }

    static JsonPath verify(String query) {
        return Api.asAdmin().get("/api/v1/audit/verification" + query).then().statusCode(200).extract().jsonPath();
    }

    static long head() {
        return Api.asAdmin().get("/api/v1/audit/head").then().statusCode(200).extract().jsonPath()
                .getLong("sequence");
    }

    /** A connection as the PostgreSQL superuser, behind the application's back. */
    static Connection superuser() throws SQLException {
        return DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres");
    }

    /** Runs SQL with the append-only triggers of one table disabled, as an attacker with superuser rights could. */
    static void withTriggersDisabled(String table, String sql) throws SQLException {
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute("alter table " + table + " disable trigger user");
            try {
                s.execute(sql);
            } finally {
                s.execute("alter table " + table + " enable trigger user");
            }
        }
    }
}
