package io.poka.capa;

import static io.restassured.RestAssured.given;

import io.poka.alerts.AlertFixtures;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Users, CAPA requests and stored NCRs shared by the CAPA tests (API and browser). */
public final class CapaFixtures {
    public static final String PASSWORD = AlertFixtures.PASSWORD;
    private static String qa;
    private static String owner;

    private CapaFixtures() {
    }

    /** The QA manager who signs closures (created once per test JVM). */
    public static synchronized String qa() {
        if (qa == null) {
            qa = AlertFixtures.user("qa-manager");
        }
        return qa;
    }

    /** An inspector who owns the actions (created once per test JVM). */
    public static synchronized String owner() {
        if (owner == null) {
            owner = AlertFixtures.user("inspector");
        }
        return owner;
    }

    public static RequestSpecification asQa() {
        return Api.as(qa(), PASSWORD);
    }

    /** Opens a CAPA owned by {@link #owner()}, due at {@code due}, with the criterion (may be null); returns its id. */
    public static String open(String title, Instant due, Map<String, Object> criterion) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "CORRECTIVE");
        body.put("title", title);
        body.put("owner", owner());
        body.put("dueAt", due.toString());
        if (criterion != null) {
            body.put("criterion", criterion);
        }
        return asQa().body(body).post("/api/v1/capas").then().statusCode(201).extract().path("id");
    }

    public static Response move(String id, String to) {
        return asQa().body(Map.of("to", to, "reason", "test: " + to)).post("/api/v1/capas/" + id + "/transitions");
    }

    /** Moves an OPEN CAPA through IN_PROGRESS and IMPLEMENTED into its effectiveness window; returns the window start. */
    public static Instant startWindow(String id) {
        move(id, "IN_PROGRESS").then().statusCode(200);
        move(id, "IMPLEMENTED").then().statusCode(200);
        return Instant.parse(move(id, "EFFECTIVENESS_PENDING").then().statusCode(200).extract().path("windowStart"));
    }

    /** Runs the evaluation now; returns the stored evaluation. */
    public static JsonPath evaluate(String id) {
        return asQa().post("/api/v1/capas/" + id + "/evaluations").then().statusCode(201).extract().jsonPath();
    }

    public static Response close(String id, String password) {
        return asQa().body(Map.of("reason", "effective", "signature", Map.of("password", password)))
                .post("/api/v1/capas/" + id + "/closure");
    }

    public static JsonPath detail(String id) {
        return asQa().get("/api/v1/capas/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Creates a lot of the product through the lots API (created now on the application's clock). */
    public static void lot(String product) {
        Map<String, Object> body = Map.of("sourceSystem", "SAP-CAPA", "externalId", UUID.randomUUID().toString(),
                "product", product, "quantity", 100, "unit", "pcs");
        Api.asAdmin().body(body).post("/api/v1/lots").then().statusCode(201);
    }

    /** Stores a defect code if missing and an NCR with it on the product, opened at {@code at}, costing {@code cost}. */
    public static UUID storeNcr(String defectCode, String product, String line, Instant at, BigDecimal cost,
            String status) {
        UUID id = UUID.randomUUID();
        update("insert into ncr.defect_code (code, name, default_severity, created_at, created_by, updated_at)"
                + " values (?, ?, 'MAJOR', now(), 'test', now()) on conflict do nothing", defectCode, "defect " + defectCode);
        update("insert into ncr.ncr (id, number, status, source, title, line, product, defect_code, severity, cost,"
                + " owner, opened_at, opened_by, closed_at, updated_at) values (?, ?, ?, 'MANUAL', 'test ncr', ?, ?, ?,"
                + " 'MAJOR', ?, 'qa', ?, 'qa', ?, now())", id, "NCR-T-" + id.toString().substring(0, 13), status, line,
                product, defectCode, cost, Timestamp.from(at),
                "CLOSED".equals(status) ? Timestamp.from(at.plusSeconds(86400)) : null);
        return id;
    }

    static void update(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres");
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static RequestSpecification anonymous() {
        return given().contentType("application/json");
    }
}
