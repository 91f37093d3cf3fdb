package io.poka.admin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.alerts.AlertFixtures;
import io.poka.testing.Browser;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The audit page in a real browser: an auditor sees the chain verified and downloads a signed export that verifies
 * with the served public key (JDK only, as docs/audit.md describes); a QA manager is neither offered nor let in.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AuditBrowserTest {
    private static final String PASSWORD = AlertFixtures.PASSWORD;
    private static final String SESSION_COOKIE = "quarkus-credential";

    @TestHTTPResource("/")
    URL base;

    @TempDir
    Path downloads;

    @Test
    void anAuditorDownloadsASignedExportThatVerifiesWithThePublicKey() throws Exception {
        String auditor = AlertFixtures.user("auditor");
        try (Browser b = Browser.open(base)) {
            ((ChromeDriver) b.driver()).executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
            b.signIn(auditor, PASSWORD);
            b.find(By.cssSelector("nav a[href='/ui/audit']")).click();
            assertTrue(b.find(By.id("verification")).getText().contains("Verified"), "chain verified on open");
            assertTrue(b.find(By.id("entries")).getText().contains(auditor), "the auditor's own creation is listed");
            b.find(By.id("verify-all")).click();
            b.waitFor(AlertsBrowserTest.shows(By.id("verify-all-result"),
                    "Whole chain verified"));
            b.screenshot("60-audit");

            b.find(By.id("x-type")).sendKeys("User");
            b.find(By.id("x-id")).sendKeys(auditor);
            b.find(By.id("download-export")).click();
            b.waitFor(AlertsBrowserTest.shows(By.id("messages"), "downloaded"));
            Path zip = b.waitFor(d -> exportIn(downloads).orElse(null), Duration.ofSeconds(30));
            b.screenshot("61-audit-exported");

            Map<String, byte[]> files = unzip(Files.readAllBytes(zip));
            JsonNode manifest = new ObjectMapper().readTree(files.get("manifest.json"));
            assertEquals("poka-audit-export/1", manifest.get("format").asText());
            assertEquals(auditor, manifest.get("query").get("entityId").asText());
            assertEquals(auditor, manifest.get("createdBy").get("userId").asText());
            assertTrue(manifest.get("rowCount").asInt() >= 1, manifest.toString());
            for (JsonNode f : manifest.get("files")) {
                assertEquals(f.get("sha256").asText(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(files.get(f.get("name").asText()))));
            }
            Cookie session = b.driver().manage().getCookieNamed(SESSION_COOKIE);
            String pem = given().cookie(SESSION_COOKIE, session.getValue())
                    .get(b.find(By.id("public-key")).getAttribute("href")).then().statusCode(200).extract().asString();
            assertTrue(verifies(pem, files.get("manifest.json"), files.get("manifest.sig")),
                    "manifest.sig verifies with the public key the page links to");
        }
    }

    @Test
    void aQaManagerWithoutTheAuditorRoleGetsNoAuditLinkAnd403() {
        String manager = AlertFixtures.user("qa-manager");
        try (Browser b = Browser.open(base)) {
            b.signIn(manager, PASSWORD);
            assertTrue(b.driver().findElements(By.cssSelector("nav a[href='/ui/audit']")).isEmpty(), "no audit link");
            Cookie session = b.driver().manage().getCookieNamed(SESSION_COOKIE);
            given().cookie(SESSION_COOKIE, session.getValue()).redirects().follow(false).get("/ui/audit").then()
                    .statusCode(403);
            given().cookie(SESSION_COOKIE, session.getValue()).redirects().follow(false).get("/ui/alerts").then()
                    .statusCode(200);
        }
    }

    private static Optional<Path> exportIn(Path dir) {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("poka-audit-export-.*\\.zip")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        assertTrue(out.keySet().containsAll(List.of("manifest.json", "manifest.sig", "SHA256SUMS")), out.keySet().toString());
        return out;
    }

    private static boolean verifies(String pem, byte[] manifest, byte[] signature) throws Exception {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(manifest);
        return verifier.verify(signature);
    }
}
