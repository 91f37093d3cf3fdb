package io.poka.ncr;

import static io.poka.lots.LotFixtures.unique;
import static io.poka.ncr.NcrFixtures.NCRS;
import static io.poka.ncr.NcrFixtures.qa;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.lots.LotFixtures;
import io.poka.platform.Roles;
import io.poka.testing.Api;
import io.poka.testing.Browser;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A QA manager works a report in a real browser: finds it in the list, sees the suspect lots the window proposed,
 * holds them with one signature, enters a material review whose sums reconcile on the page, and the lots move; an
 * inspector attaches a photo and a document on the report's page, and sees refusals of a wrong type, a mismatched type
 * and a too-large file.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class NcrPagesBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aQaManagerHoldsTheSuspectLotsAndRecordsAReconciledDispositionFromTheNcrPage() {
        String line = unique("L");
        String product = unique("P");
        String lot = NcrFixtures.lot(product, line, "2026-11-20T08:00:00Z", "2026-11-20T10:00:00Z");
        String id = qa().body(Map.of("source", "MANUAL", "title", "burr seen in browser test", "line", line,
                "product", product, "defectCode", "DIM-BURR", "signalFrom", "2026-11-20T09:00:00Z",
                "signalTo", "2026-11-20T09:30:00Z")).post(NCRS).then().statusCode(201).extract().path("id");
        String number = qa().get(NCRS + "/" + id).then().extract().path("number");

        try (Browser b = Browser.open(base)) {
            b.signIn(LotFixtures.user(Roles.QA_MANAGER), LotFixtures.PASSWORD);
            b.go("/ui/ncrs?line=" + line);
            assertTrue(b.find(By.id("result-count")).getText().startsWith("1 report"));
            b.screenshot("ncr-list");
            b.find(By.linkText(number)).click();
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("ncr-status"), "OPEN"));
            assertTrue(b.find(By.id("suspects-table")).getText().contains("WINDOW"));
            b.screenshot("ncr-detail-open");

            b.find(By.id("contain-reason")).sendKeys("suspect burr");
            b.find(By.id("contain-password")).sendKeys(LotFixtures.PASSWORD);
            b.find(By.id("contain-button")).click();
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("ncr-status"), "CONTAINED"));
            assertEquals("ON_HOLD", Api.asAdmin().get("/api/v1/lots/" + lot).then().extract().path("status"));

            b.find(By.cssSelector("tr[data-lot='" + lot + "'] input[data-decision='REWORK']")).sendKeys("100");
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-suspect] .reconcile"), "100 / 500 ✗"));
            b.find(By.cssSelector("tr[data-lot='" + lot + "'] input[data-decision='USE_AS_IS']")).sendKeys("400");
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-suspect] .reconcile"), "500 / 500 ✓"));
            b.find(By.id("disp-reason")).sendKeys("sorted 100 %");
            b.find(By.id("disp-password")).sendKeys(LotFixtures.PASSWORD);
            b.screenshot("ncr-disposition");
            b.find(By.id("disposition-button")).click();
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("ncr-status"), "DISPOSITIONED"));
            assertEquals("RELEASED", Api.asAdmin().get("/api/v1/lots/" + lot).then().extract().path("status"));
            b.screenshot("ncr-detail-dispositioned");

            b.go("/ui/defect-codes");
            assertTrue(b.find(By.id("codes-table")).getText().contains("DIM-BURR"));
            b.screenshot("ncr-defect-codes");
            assertEquals(List.of(), b.consoleErrors());
        }
    }

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private static Path file(Path dir, String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void anInspectorAttachesAPhotoAndADocumentAndSeesWhyOtherFilesAreRefused() throws Exception {
        String id = NcrFixtures.manual(unique("L"), unique("P"), "SURF-SCRATCH");
        Path dir = Files.createTempDirectory("ncr-attachments");
        byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        Path text = file(dir, "notes.txt", "not a photo".getBytes(StandardCharsets.US_ASCII));
        Path tooBig = file(dir, "huge.png", big);
        Path fake = file(dir, "fake.pdf", PNG);
        Path photo = file(dir, "scratch.png", PNG);
        Path document = file(dir, "8d-report.pdf", pdf);

        try (Browser b = Browser.open(base)) {
            b.signIn(LotFixtures.user(Roles.INSPECTOR), LotFixtures.PASSWORD);
            b.go("/ui/ncrs/" + id);
            b.find(By.id("no-attachments"));
            b.find(By.id("attachment-files")).sendKeys(text + "\n" + tooBig + "\n" + fake);
            b.find(By.id("attachment-button")).click();
            b.waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#attachment-results li.problem"), 3));
            String refusals = b.find(By.id("attachment-results")).getText();
            assertTrue(refusals.contains("notes.txt refused: Attachment refused — the content is not a PNG"), refusals);
            assertTrue(refusals.contains("huge.png refused: Attachment refused — an attachment may have at most 10485760 bytes"),
                    refusals);
            assertTrue(refusals.contains("fake.pdf refused: Attachment refused — the content is image/png but was declared"
                    + " as application/pdf"), refusals);
            ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript(
                    "document.getElementById('attachments-card').scrollIntoView()");
            b.screenshot("ncr-attachments-refused");
            assertEquals(List.of(), NcrFixtures.qa().get(NCRS + "/" + id + "/detail").then().statusCode(200).extract()
                    .jsonPath().getList("attachments"), "a refused file stores nothing");

            b.find(By.id("attachment-files")).sendKeys(photo + "\n" + document);
            b.find(By.id("attachment-button")).click();
            b.waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#attachments tbody tr"), 2));
            String table = b.find(By.id("attachments")).getText();
            assertTrue(table.contains("scratch.png") && table.contains("image/png") && table.contains(sha256(PNG))
                    && table.contains(String.valueOf(PNG.length)), table);
            assertTrue(table.contains("8d-report.pdf") && table.contains("application/pdf") && table.contains(sha256(pdf))
                    && table.contains(String.valueOf(pdf.length)), table);
            String href = b.find(By.linkText("8d-report.pdf")).getDomAttribute("href");
            assertTrue(href.startsWith("/api/v1/ncrs/" + id + "/attachments/"), href);
            ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript(
                    "document.getElementById('attachments-card').scrollIntoView()");
            b.screenshot("ncr-attachments");
            assertArrayEquals(pdf, NcrFixtures.qa().get(href).then().statusCode(200).extract().asByteArray(),
                    "the download link answers the stored bytes");
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
