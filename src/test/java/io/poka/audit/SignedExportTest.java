package io.poka.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.platform.RecordChanged;
import io.poka.platform.Roles;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export verifies offline: checked here with the JDK alone from the bytes of the ZIP and the served PEM key (no
 * Poka code), and with openssl and sha256sum as docs/audit.md tells an auditor to.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class SignedExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Event<RecordChanged> changes;

    @TempDir
    Path dir;

    @Test
    void aLotExportVerifiesWithTheJdkAloneAndIsItselfAudited() throws Exception {
        String lot = "L-" + UUID.randomUUID();
        lotHistory(lot);
        String auditor = AuditTestSupport.newUser(Roles.AUDITOR);

        byte[] zip = AuditTestSupport.as(auditor).body(Map.of("lot", lot)).post("/api/v1/audit/exports").then()
                .statusCode(200).contentType("application/zip").extract().asByteArray();
        Map<String, byte[]> files = unzip(zip);
        assertEquals(List.of("manifest.json", "manifest.sig", "public-key.pem", "entries.csv", "entries.json",
                "entries.pdf", "SHA256SUMS"), List.copyOf(files.keySet()));

        String pem = AuditTestSupport.as(auditor).get("/api/v1/audit/public-key").then().statusCode(200).extract()
                .asString();
        assertEquals(pem, new String(files.get("public-key.pem"), StandardCharsets.US_ASCII));
        assertTrue(verifies(pem, files.get("manifest.json"), files.get("manifest.sig")));
        byte[] forged = files.get("manifest.json").clone();
        forged[forged.length / 2] ^= 1;
        assertFalse(verifies(pem, forged, files.get("manifest.sig")), "one flipped bit breaks the signature");

        JsonNode manifest = JSON.readTree(files.get("manifest.json"));
        assertEquals(3, manifest.get("rowCount").asInt());
        assertEquals(lot, manifest.at("/query/lot").asText());
        assertEquals(auditor, manifest.at("/createdBy/userId").asText());
        assertEquals(64, manifest.at("/chainHead/hash").asText().length());
        for (JsonNode f : manifest.get("files")) {
            byte[] content = files.get(f.get("name").asText());
            assertEquals(f.get("sha256").asText(), sha256(content), f.get("name").asText());
            assertEquals(f.get("bytes").asInt(), content.length);
        }
        assertEquals(4, new String(files.get("entries.csv"), StandardCharsets.UTF_8).split("\r\n").length,
                "header and three rows");
        assertEquals(3, JSON.readTree(files.get("entries.json")).get("entries").size());
        assertEquals("%PDF-", new String(files.get("entries.pdf"), 0, 5, StandardCharsets.US_ASCII));

        String exportId = manifest.get("exportId").asText();
        List<Map<String, Object>> audited = AuditTestSupport.history("AuditExport", exportId);
        assertEquals(1, audited.size());
        assertEquals("EXPORTED", audited.get(0).get("action"));
        assertEquals(auditor, audited.get(0).get("userId"));
        Map<?, ?> after = (Map<?, ?>) audited.get(0).get("after");
        assertEquals(sha256(files.get("manifest.json")), after.get("manifestSha256"));
        assertEquals(lot, ((Map<?, ?>) after.get("query")).get("lot"));
    }

    @Test
    void anExportVerifiesWithOpensslAndSha256sumAsTheDocsSay() throws Exception {
        String lot = "L-" + UUID.randomUUID();
        lotHistory(lot);
        byte[] zip = Api.asAdmin().body(Map.of("entityType", "Lot", "entityId", lot, "formats", List.of("csv", "pdf")))
                .post("/api/v1/audit/exports").then().statusCode(200).extract().asByteArray();
        Map<String, byte[]> files = unzip(zip);
        assertFalse(files.containsKey("entries.json"));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue());
        }
        Files.writeString(dir.resolve("pub.pem"), Api.asAdmin().get("/api/v1/audit/public-key").then()
                .statusCode(200).extract().asString());
        Assumptions.assumeTrue(onPath("openssl") && onPath("sha256sum"), "openssl and sha256sum are not installed");
        assertEquals("Signature Verified Successfully", run("openssl", "pkeyutl", "-verify", "-pubin", "-inkey",
                "pub.pem", "-rawin", "-in", "manifest.json", "-sigfile", "manifest.sig").strip());
        assertTrue(run("sha256sum", "-c", "SHA256SUMS").contains("entries.pdf: OK"));
        Files.write(dir.resolve("entries.csv"), "tampered".getBytes(StandardCharsets.UTF_8));
        ProcessBuilder check = new ProcessBuilder("sha256sum", "-c", "SHA256SUMS").directory(dir.toFile());
        assertEquals(1, check.start().waitFor(), "sha256sum notices a changed file");
    }

    @Test
    void exportsSelectByUserAndDateRange() throws Exception {
        String auditor = AuditTestSupport.newUser(Roles.AUDITOR);
        Instant from = Instant.now().minusSeconds(1);
        String target = AuditTestSupport.newUser(Roles.INSPECTOR);
        JsonNode byType = manifest(Api.asAdmin().body(Map.of("entityType", "User", "entityId", target,
                "from", from.toString(), "to", Instant.now().plusSeconds(60).toString(), "formats", List.of("json"))));
        assertEquals(2, byType.get("rowCount").asInt(), "the user's creation and their own replacement of the"
                + " temporary password set by the admin");
        JsonNode byUser = manifest(Api.asAdmin().body(Map.of("user", auditor, "formats", List.of("csv"))));
        assertEquals(1, byUser.get("rowCount").asInt(),
                "the auditor has changed nothing yet but their own temporary password");
        Api.asAdmin().body(Map.of("formats", List.of("docx"))).post("/api/v1/audit/exports").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void anEntryWithAMegabyteLineExportsToEveryFormatAndTheManifestStillVerifies() throws Exception {
        String id = "LONG-" + UUID.randomUUID();
        String comment = "x".repeat(400_000) + " " + "y".repeat(600_000);
        QuarkusTransaction.requiringNew().run(() -> changes.fire(new RecordChanged("Probe", id, "COMMENTED", null,
                Map.of("comment", comment), null)));
        byte[] zip = Api.asAdmin().body(Map.of("entityType", "Probe", "entityId", id)).post("/api/v1/audit/exports")
                .then().statusCode(200).extract().asByteArray();
        Map<String, byte[]> files = unzip(zip);
        String pem = Api.asAdmin().get("/api/v1/audit/public-key").then().statusCode(200).extract().asString();
        assertTrue(verifies(pem, files.get("manifest.json"), files.get("manifest.sig")));
        JsonNode manifest = JSON.readTree(files.get("manifest.json"));
        assertEquals(1, manifest.get("rowCount").asInt());
        for (JsonNode f : manifest.get("files")) {
            assertEquals(f.get("sha256").asText(), sha256(files.get(f.get("name").asText())), f.get("name").asText());
        }
        assertEquals(comment, JSON.readTree(files.get("entries.json")).at("/entries/0/after/comment").asText());
        assertTrue(new String(files.get("entries.csv"), StandardCharsets.UTF_8).contains(comment));
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(files.get("entries.pdf"))) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s", "")
                    .replaceAll("page\\d+", "");
            assertTrue(text.contains("x".repeat(400_000) + "y".repeat(600_000)), "every character of the line is printed");
        }
    }

    @Test
    void aLongExportRunsAsAJobWithProgressAndItsZipVerifies() throws Exception {
        String lot = "L-" + UUID.randomUUID();
        lotHistory(lot);
        String auditor = AuditTestSupport.newUser(Roles.AUDITOR);
        var started = AuditTestSupport.as(auditor).body(Map.of("lot", lot)).post("/api/v1/audit/export-jobs").then()
                .statusCode(202).extract();
        String location = started.header("Location");
        assertTrue(location.endsWith("/api/v1/audit/export-jobs/" + started.path("id")), location);
        assertEquals(3, (Integer) started.path("entriesTotal"));
        io.restassured.path.json.JsonPath status = null;
        for (int i = 0; i < 300; i++) {
            status = AuditTestSupport.as(auditor).get(location).then().statusCode(200).extract().jsonPath();
            if (!List.of("QUEUED", "RUNNING").contains(status.getString("state"))) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals("SUCCEEDED", status.getString("state"), status.prettify());
        assertEquals(3, status.getInt("entriesWritten"));
        assertEquals(1.0, status.getDouble("progress"));
        AuditTestSupport.as(AuditTestSupport.newUser(Roles.AUDITOR)).get(location).then().statusCode(404);

        byte[] zip = AuditTestSupport.as(auditor).get(status.getString("download")).then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        Map<String, byte[]> files = unzip(zip);
        String pem = Api.asAdmin().get("/api/v1/audit/public-key").then().statusCode(200).extract().asString();
        assertTrue(verifies(pem, files.get("manifest.json"), files.get("manifest.sig")));
        assertEquals(status.getString("manifestSha256"), sha256(files.get("manifest.json")));
        JsonNode manifest = JSON.readTree(files.get("manifest.json"));
        assertEquals(3, manifest.get("rowCount").asInt());
        assertEquals(auditor, manifest.at("/createdBy/userId").asText());
        List<Map<String, Object>> audited = AuditTestSupport.history("AuditExport", started.path("id"));
        assertEquals(List.of("REQUESTED", "EXPORTED"), audited.stream().map(e -> e.get("action")).toList());
        assertEquals(auditor, audited.get(0).get("userId"));
        assertEquals(auditor, ((Map<?, ?>) audited.get(1).get("after")).get("requestedBy"));

        Api.asAdmin().header("Prefer", "respond-async").body(Map.of("lot", lot)).post("/api/v1/audit/exports")
                .then().statusCode(202).header("Location", org.hamcrest.Matchers.containsString("/export-jobs/"));
    }

    @Test
    void theGeneratedKeyIsKeptInTheDatabaseAcrossRestarts() throws Exception {
        String served = Api.asAdmin().get("/api/v1/audit/public-key").then().statusCode(200).extract().asString();
        try (Connection c = AuditTestSupport.superuser(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select public_key_pem, count(*) over () from audit.signing_key")) {
            assertTrue(rs.next());
            assertEquals(served, rs.getString(1));
            assertEquals(1, rs.getInt(2));
        }
    }

    private void lotHistory(String lot) {
        QuarkusTransaction.requiringNew().run(() -> {
            changes.fire(new RecordChanged("Lot", lot, "CREATED", null, Map.of("status", "OPEN"), null));
            changes.fire(new RecordChanged("Lot", lot, "HELD", Map.of("status", "OPEN"), Map.of("status", "HELD"),
                    "suspect temperature excursion"));
        });
        QuarkusTransaction.requiringNew().run(() -> changes.fire(new RecordChanged("Lot", lot, "RELEASED",
                Map.of("status", "HELD"), Map.of("status", "RELEASED"), "re-inspection passed ✓")));
    }

    private static JsonNode manifest(io.restassured.specification.RequestSpecification request) throws IOException {
        byte[] zip = request.post("/api/v1/audit/exports").then().statusCode(200).extract().asByteArray();
        return JSON.readTree(unzip(zip).get("manifest.json"));
    }

    /** Verification the way an auditor's tool does it: PEM to X.509 key spec, then java.security.Signature. */
    private static boolean verifies(String pem, byte[] message, byte[] signature) throws Exception {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        java.security.Signature verifier = java.security.Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(signature);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static boolean onPath(String tool) {
        try {
            return new ProcessBuilder(tool, "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }
}
