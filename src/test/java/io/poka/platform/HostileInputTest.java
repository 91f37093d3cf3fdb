package io.poka.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Hostile and careless input found by fuzzing (issue 13, items 5 and 6): every one answers 4xx with an
 * application/problem+json body that names the offending field, never 5xx, never a Java class name.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class HostileInputTest {

    @TestHTTPResource("/")
    URL base;

    private static String lot(String product, String quantity, String extra) {
        return "{\"sourceSystem\":\"FUZZ\",\"externalId\":\"" + UUID.randomUUID() + "\",\"product\":\"" + product
                + "\",\"quantity\":" + quantity + ",\"unit\":\"pcs\"" + extra + "}";
    }

    private static Response postLot(String body) {
        return Api.asAdmin().body(body).post("/api/v1/lots");
    }

    private static void problem(Response r, int status, String field) {
        r.then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body(not(containsString("io.poka"))).body(not(containsString("java.")))
                .body(containsString(field));
    }

    @Test
    void aNulByteInAJsonStringIsA400NamingTheField() {
        problem(postLot(lot("BRACKET\\u0000A7", "5", "")), 400, "product");
    }

    @Test
    void aNulByteInAQueryParameterIsA400NamingTheParameter() {
        problem(Api.asAdmin().urlEncodingEnabled(false).get("/api/v1/lots?product=A%00B"), 400, "product");
        problem(Api.asAdmin().urlEncodingEnabled(false).get("/api/v1/audit/entries?user=A%00B"), 400, "user");
    }

    @Test
    void aNulByteInAPathIsA400() {
        problem(Api.asAdmin().urlEncodingEnabled(false).get("/api/v1/audit/entities/Lot/A%00B/history"), 400,
                "NUL");
    }

    @Test
    void aLotQuantityBeyondTheColumnIsA400NamingQuantity() {
        problem(postLot(lot("P", "10000000000000", "")), 400, "quantity");
        problem(postLot(lot("P", "1e400", "")), 400, "quantity");
    }

    @Test
    void aLotQuantityWithMoreThanSixDecimalsIsRefusedNotRounded() {
        problem(postLot(lot("P", "0.0000004", "")), 400, "quantity");
        postLot(lot("P", "0.000004", "")).then().statusCode(201);
    }

    @Test
    void malformedQueryParametersAre400NamingTheParameterAndAllowedValues() {
        problem(Api.asAdmin().get("/api/v1/sampling/iso-2859-1?lotSize=abc&level=II&aql=1.0&severity=NORMAL"), 400,
                "lotSize");
        problem(Api.asAdmin().get("/api/v1/sampling/iso-2859-1?lotSize=500&level=II&aql=1.0&severity=STRICT"), 400,
                "severity");
        Api.asAdmin().get("/api/v1/sampling/iso-2859-1?lotSize=500&level=II&aql=1.0&severity=STRICT").then()
                .body("detail", containsString("TIGHTENED"));
        problem(Api.asAdmin().get("/api/v1/lots?status=BOGUS"), 400, "status");
        Api.asAdmin().get("/api/v1/lots?status=BOGUS").then().body("detail", containsString("ON_HOLD"));
    }

    @Test
    void anEnumErrorNamesTheFieldAndTheAllowedValuesWithoutClassNames() {
        String lotId = postLot(lot("P", "5", "")).then().statusCode(201).extract().path("id");
        Response r = Api.asAdmin().body("{\"reason\":\"ok\",\"signature\":{\"password\":\"x\",\"meaning\":\"WHATEVER\"}}")
                .post("/api/v1/lots/" + lotId + "/release");
        problem(r, 400, "signature.meaning");
        r.then().body("detail", containsString("APPROVAL")).body(not(containsString("Signature$Meaning")));
    }

    @Test
    void anUnknownJsonFieldIsRefusedNamingIt() {
        problem(postLot(lot("P", "5", ",\"quantitty\":7")), 400, "quantitty");
    }

    @Test
    void anUnknownFieldOfAnAttributeSampleIsRefusedNamingIt() {
        problem(Api.asAdmin().body("{\"chartType\":\"P\",\"count\":1,\"size\":5,\"sampledAt\":\"2026-11-29T08:00:00Z\","
                + "\"countt\":2}").post("/api/v1/spc/attribute-charts/fuzz-" + UUID.randomUUID() + "/samples"), 400, "countt");
    }

    @Test
    void aTooLongFreeTextIsRefusedNamingTheField() {
        String comment = "x".repeat(4001);
        problem(Api.as("admin", Api.ADMIN_PASSWORD)
                .body("{\"comment\":\"" + comment + "\",\"password\":\"" + Api.ADMIN_PASSWORD + "\"}")
                .post("/api/v1/audit/reviews"), 400, "comment");
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() throws Exception {
        String reply = raw("POST /api/v1/lots HTTP/1.1\r\nHost: x\r\n" + auth()
                + "Content-Type: application/json\r\nContent-Length: 20000000\r\nConnection: close\r\n\r\n{");
        assertTrue(reply.startsWith("HTTP/1.1 413"), reply);
        assertTrue(reply.toLowerCase().contains("content-type: application/problem+json"), reply);
        assertTrue(reply.contains("\"status\":413"), reply);
    }

    @Test
    void aTooLongUriIsA414Problem() throws Exception {
        String reply = raw("GET /api/v1/lots?product=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n"
                + auth() + "Connection: close\r\n\r\n");
        assertTrue(reply.startsWith("HTTP/1.1 414"), reply);
        assertTrue(reply.toLowerCase().contains("content-type: application/problem+json"), reply);
        assertTrue(reply.contains("\"status\":414"), reply);
    }

    @Test
    void oversizedHeadersAreA431Problem() throws Exception {
        String reply = raw("GET /api/v1/lots HTTP/1.1\r\nHost: x\r\n" + auth() + "X-Big: " + "b".repeat(40_000)
                + "\r\nConnection: close\r\n\r\n");
        assertTrue(reply.startsWith("HTTP/1.1 431"), reply);
        assertTrue(reply.contains("\"status\":431"), reply);
    }

    @Test
    void aMalformedUriIsA400Problem() throws Exception {
        for (String target : new String[] {"/api/v1/lots?product=%zz", "/api/v1/lots?product=a|b", "/api/v1/lots/%"}) {
            String reply = raw("GET " + target + " HTTP/1.1\r\nHost: x\r\n" + auth() + "Connection: close\r\n\r\n");
            assertTrue(reply.startsWith("HTTP/1.1 400"), reply);
            assertTrue(reply.toLowerCase().contains("content-type: application/problem+json"), reply);
            assertTrue(reply.contains("\"status\":400"), reply);
        }
    }

    private static String auth() {
        return "Authorization: Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    private String raw(String request) throws Exception {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }
}
