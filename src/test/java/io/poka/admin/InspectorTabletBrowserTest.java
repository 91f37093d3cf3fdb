package io.poka.admin;

import static io.poka.lots.LotFixtures.newLot;
import static io.poka.lots.LotFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.testing.Api;
import io.poka.testing.Browser;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An inspector records inspections on a tablet-sized page in a real Chromium: the sampling at the plan's current
 * ISO 2859-1 severity, values marked out of spec while typed (and the server finds the same units), defect codes, a
 * photo from the camera input, the verdict at once; and a submit without network is kept on the tablet and recorded
 * exactly once when the network returns, also when the page sends the same draft again after a lost answer.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class InspectorTabletBrowserTest {
    private static final String PASSWORD = "tablet-ui-password-1";
    private static String inspector;

    @TestHTTPResource("/")
    URL base;

    static synchronized String inspector() {
        if (inspector == null) {
            inspector = "insp-tab-" + UUID.randomUUID().toString().substring(0, 8);
            Api.createUser(Map.of("username", inspector, "displayName", "Tia Tablet", "password", PASSWORD,
                    "roles", List.of("inspector")));
        }
        return inspector;
    }

    /** ISO 2859-1:1999 plan, level II: MAJOR (AQL 2.5) on a diameter 7.95..8.05 mm, MINOR (AQL 6.5) by attribute. */
    static String isoPlan(String product) {
        return Api.asAdmin().body(Map.of("product", product, "name", "Incoming " + product, "kind", "ISO_2859_1",
                "inspectionLevel", "II", "classes", List.of(Map.of("defectClass", "MAJOR", "aql", "2.5"),
                        Map.of("defectClass", "MINOR", "aql", "6.5")),
                "characteristics", List.of(Map.of("name", "diameter", "kind", "VARIABLE", "defectClass", "MAJOR",
                        "nominal", 8.0, "lsl", 7.95, "usl", 8.05, "unit", "mm"),
                        Map.of("name", "scratch", "kind", "ATTRIBUTE", "defectClass", "MINOR"))))
                .post("/api/v1/inspection-plans").then().statusCode(201).extract().path("id");
    }

    /** A lot of {@code quantity} pcs from ACME Metals, AWAITING_INSPECTION. */
    static String lotAwaitingInspection(String product, int quantity) {
        Map<String, Object> lot = newLot(product, unique("TAB"));
        lot.put("quantity", quantity);
        String id = Api.asAdmin().body(lot).post("/api/v1/lots").then().statusCode(201).extract().path("id");
        Api.asAdmin().body(Map.of("to", "AWAITING_INSPECTION")).post("/api/v1/lots/" + id + "/moves").then().statusCode(200);
        return id;
    }

    static JsonPath sampling(String planId, String lotId) {
        return Api.asAdmin().queryParam("lotId", lotId).get("/api/v1/inspection-plans/" + planId + "/sampling").then()
                .statusCode(200).extract().jsonPath();
    }

    /** Rejects a lot through the API: every MAJOR unit out of spec. */
    static void rejectThroughApi(String planId, String lotId) {
        int n = sampling(planId, lotId).getInt("classes.find { it.defectClass == 'MAJOR' }.sampleSize");
        Api.asAdmin().body(Map.of("lotId", lotId, "planId", planId,
                "variables", List.of(Map.of("characteristic", "diameter", "values", IntStream.range(0, n).mapToObj(i -> 8.2).toList())),
                "attributes", List.of(Map.of("defectClass", "MINOR", "nonconforming", 0))))
                .post("/api/v1/inspections").then().statusCode(201);
    }

    static JsonPath inspectionsOf(String lotId) {
        return Api.asAdmin().queryParam("lotId", lotId).get("/api/v1/inspections").then().statusCode(200).extract().jsonPath();
    }

    /** A real JPEG, as a tablet camera would hand it to the file input. */
    static Path cameraPhoto() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.DARK_GRAY);
        g.drawLine(5, 40, 60, 8);
        g.dispose();
        Path file = Files.createTempFile("scratch-", ".jpg");
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Types a value per sample unit; returns the 0-based units typed out of spec. */
    static List<Integer> typeValues(Browser b, int n, int outOfSpec) {
        List<WebElement> inputs = b.driver().findElements(By.cssSelector("fieldset.variable input.value"));
        assertEquals(n, inputs.size(), "one field per sample unit of the class");
        List<Integer> bad = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean out = i < outOfSpec;
            // below LSL for even units, above USL for odd ones; in-spec values include the limits themselves
            String value = out ? (i % 2 == 0 ? "7.9" : "8.06") : i == n - 1 ? "8.05" : i == n - 2 ? "7.95" : "8.0" + (i % 3);
            inputs.get(i).sendKeys(value);
            if (out) {
                bad.add(i);
            }
        }
        return bad;
    }

    static List<Integer> markedUnits(Browser b) {
        List<WebElement> inputs = b.driver().findElements(By.cssSelector("fieldset.variable input.value"));
        List<Integer> marked = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if ("true".equals(inputs.get(i).getAttribute("aria-invalid"))) {
                marked.add(i);
            }
        }
        return marked;
    }

    /** A finger on the element: scrolled to the middle of the screen first, clear of the sticky submit bar. */
    static void tap(Browser b, WebElement element) {
        js(b, "arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    static Object js(Browser b, String script, Object... args) {
        return ((JavascriptExecutor) b.driver()).executeScript(script, args);
    }

    @Test
    void anInspectorRecordsAFailingInspectionOnALandscapeTabletAtTheCurrentSeverityAndSeesTheVerdictAtOnce()
            throws Exception {
        String product = unique("BUSH");
        String planId = isoPlan(product);
        // ISO 2859-1:1999 9.3.1: two of (at most) five consecutive lots not accepted switch MAJOR to tightened
        rejectThroughApi(planId, lotAwaitingInspection(product, 50));
        rejectThroughApi(planId, lotAwaitingInspection(product, 50));
        String lotId = lotAwaitingInspection(product, 50);
        JsonPath expected = sampling(planId, lotId);
        assertEquals("TIGHTENED", expected.getString("classes.find { it.defectClass == 'MAJOR' }.severity"));
        int n = expected.getInt("classes.find { it.defectClass == 'MAJOR' }.sampleSize");
        int re = expected.getInt("classes.find { it.defectClass == 'MAJOR' }.rejectionNumber");
        Path photo = cameraPhoto();

        try (Browser b = Browser.open(base, 1024, 768)) {
            b.signIn(inspector(), PASSWORD);
            b.go("/ui/lots/" + lotId);
            b.find(By.id("inspect-link")).click();
            b.waitFor(ExpectedConditions.urlContains("/ui/lots/" + lotId + "/inspect"));

            String table = b.find(By.id("sampling-table")).getText();
            String major = b.find(By.cssSelector("#sampling-table tr[data-class=MAJOR]")).getText();
            assertTrue(major.contains("TIGHTENED") && major.contains(" " + n + " ")
                    && major.contains(expected.getString("classes.find { it.defectClass == 'MAJOR' }.acceptanceNumber")
                            + " " + re), "the page shows the sampling API's tightened plan: " + table);
            assertTrue(b.find(By.cssSelector("#sampling-table tr[data-class=MINOR]")).getText().contains("NORMAL"), table);

            List<Integer> typedOut = typeValues(b, n, re);
            assertEquals(typedOut, markedUnits(b), "exactly the units typed outside [LSL, USL] are marked");
            assertEquals(re, b.driver().findElements(By.xpath("//span[@class='mark' and text()='⚠ out of spec']")).size());
            assertEquals(String.valueOf(re), b.find(By.cssSelector("#sampling-table tr[data-class=MAJOR] .tally")).getText());
            assertEquals("Reject", b.find(By.cssSelector("#sampling-table tr[data-class=MAJOR] .forecast")).getText());

            WebElement minor = b.find(By.id("nonconforming-MINOR"));
            minor.clear();
            minor.sendKeys("1");
            tap(b, b.find(By.cssSelector("button.add-defect[data-class=MINOR]")));
            WebElement code = b.find(By.cssSelector(".defect-codes[data-class=MINOR] .defect-row .code"));
            code.sendKeys("SCR-01");
            tap(b, b.find(By.id("submit-inspection")));
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "not in the catalogue"));
            assertEquals(0, inspectionsOf(lotId).getList("").size(), "a code outside the NCR catalogue is refused on the page");
            code.clear();
            code.sendKeys("SURF-SCRATCH"); // from the NCR catalogue (db-migrations V2026.12.07.30)
            b.driver().findElement(By.id("photos")).sendKeys(photo.toAbsolutePath().toString());
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("draft-status"), "1 photo"));
            b.find(By.id("remarks")).sendKeys("gauge G-17");
            b.screenshot("70b-inspect-tablet-landscape-photo-and-codes");
            js(b, "document.querySelector('fieldset.variable').scrollIntoView()");
            b.screenshot("70-inspect-tablet-landscape-entry");

            tap(b, b.find(By.id("submit-inspection")));
            WebElement verdict = b.find(By.id("verdict-badge"));
            assertEquals("Not accepted", verdict.getText());
            assertTrue(b.find(By.id("verdict-summary")).getText().contains("on hold"));
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("photo-status"), "1 photo stored"));
            String verdicts = b.find(By.id("verdict-table")).getText();
            assertTrue(verdicts.contains("MAJOR TIGHTENED " + n), verdicts);
            b.screenshot("71-inspect-tablet-verdict");
            assertTrue(b.consoleErrors().isEmpty(), b.consoleErrors().toString());
        }

        JsonPath recorded = inspectionsOf(lotId);
        assertEquals(1, recorded.getList("").size());
        assertFalse(recorded.getBoolean("[0].accepted"));
        assertEquals(typedOut(n, re), recorded.getList("[0].classes.find { it.defectClass == 'MAJOR' }.characteristics[0].unitsOutOfSpec"),
                "the server finds the same units out of spec as the page marked");
        assertEquals("TIGHTENED", recorded.getString("[0].classes.find { it.defectClass == 'MAJOR' }.severity"));
        assertEquals("SURF-SCRATCH", recorded.getString("[0].attributes.find { it.defectClass == 'MINOR' }.defects[0].code"));
        assertEquals("gauge G-17", recorded.getString("[0].remarks"));
        assertEquals(inspector(), recorded.getString("[0].inspector"));
        Api.asAdmin().get("/api/v1/lots/" + lotId).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("ON_HOLD"));
        JsonPath photos = Api.asAdmin().get("/api/v1/inspections/" + recorded.getString("[0].id") + "/photos").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(1, photos.getList("").size());
        assertEquals(sha256(Files.readAllBytes(photo)), photos.getString("[0].sha256"));
        assertEquals("image/jpeg", photos.getString("[0].contentType"));
    }

    private static List<Integer> typedOut(int n, int re) {
        return IntStream.range(0, Math.min(n, re)).boxed().toList();
    }

    @Test
    void aSubmitWithoutNetworkIsKeptOnThePortraitTabletAndRecordedOnceEvenWhenSentAgain() {
        String product = unique("PIN");
        String planId = isoPlan(product);
        String lotId = lotAwaitingInspection(product, 50);
        int n = sampling(planId, lotId).getInt("classes.find { it.defectClass == 'MAJOR' }.sampleSize");

        try (Browser b = Browser.open(base, 768, 1024)) {
            b.signIn(inspector(), PASSWORD);
            b.go("/ui/lots/" + lotId + "/inspect");
            typeValues(b, n, 0);
            assertTrue(markedUnits(b).isEmpty(), "values on the limits are in spec");
            assertEquals("Accept", b.find(By.cssSelector("#sampling-table tr[data-class=MAJOR] .forecast")).getText());
            String store = "poka.inspection-draft." + lotId + "." + planId;

            ChromeDriver chrome = (ChromeDriver) b.driver();
            chrome.executeCdpCommand("Network.enable", Map.of());
            chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
            tap(b, b.find(By.id("submit-inspection")));
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("draft-status"), "No network"));
            assertTrue(b.find(By.id("draft-status")).getText().contains("sent again automatically"));
            String pending = (String) js(b, "return localStorage.getItem(arguments[0])", store);
            assertNotNull(pending);
            assertTrue(pending.contains("\"pending\":{"), "the submitted body waits in the draft: " + pending);
            b.screenshot("72-inspect-tablet-portrait-offline");
            assertEquals(0, inspectionsOf(lotId).getList("").size(), "nothing reached the server");

            chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
            assertEquals("Accepted", b.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("verdict-badge")),
                    Duration.ofSeconds(30)).getText());
            assertTrue(b.find(By.id("verdict-summary")).getText().contains("ready for release"));
            b.waitFor(d -> js(b, "return localStorage.getItem(arguments[0])", store) == null);
            assertEquals(1, inspectionsOf(lotId).getList("").size());

            // the answer is lost before the page learns of it: the same draft, key and body, is sent again
            js(b, "localStorage.setItem(arguments[0], arguments[1])", store, pending);
            b.go("/ui/lots/" + lotId + "/inspect");
            assertEquals("Accepted", b.find(By.id("verdict-badge")).getText());
            assertTrue(b.find(By.id("verdict-summary")).getText().contains("had already recorded this draft"),
                    b.find(By.id("verdict-summary")).getText());
            b.screenshot("73-inspect-tablet-replayed");
        }
        JsonPath recorded = inspectionsOf(lotId);
        assertEquals(1, recorded.getList("").size(), "recorded once");
        assertTrue(recorded.getBoolean("[0].accepted"));
        Api.asAdmin().get("/api/v1/lots/" + lotId).then().body("status", org.hamcrest.Matchers.equalTo("READY_FOR_RELEASE"));
    }
}
