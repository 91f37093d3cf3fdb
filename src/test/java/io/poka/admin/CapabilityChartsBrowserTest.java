package io.poka.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.testing.Api;
import io.poka.testing.Browser;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The capability histogram (with the specification limits and the fitted normal curve), the Pareto chart of rule
 * firings and the PDF capability report in a real browser. Limits are entered from a study, so the rule firings
 * follow from the values alone; the numbers on the page are checked against the REST answers.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class CapabilityChartsBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @TempDir
    Path downloads;

    @Test
    void histogramWithSpecLimitsParetoOfFiringsAndTheCapabilityReportDownload() throws Exception {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "thickness", "mm", ",\"lsl\":9.4,\"usl\":10.6,\"target\":10");
        TelemetryFixtures.enterLimits(line, "thickness", 10.0, 0.1);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            values.add(i >= 110 && i < 113 ? 10.45 : 10.0 + 0.08 * Math.sin(i * 1.3)); // three points beyond UCL
        }
        Instant start = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        TelemetryFixtures.postValues(line, "thickness", "mm", start, values);
        JsonPath capability = Api.asAdmin().get("/api/v1/spc/charts/" + line + "/thickness/capability")
                .then().statusCode(200).extract().jsonPath();
        int n = capability.getInt("n");
        List<Map<String, Object>> pareto = Api.asAdmin().queryParam("from", start.toString())
                .queryParam("by", "variable").get("/api/v1/spc/lines/" + line + "/rule-pareto")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertFalse(pareto.isEmpty(), "the points beyond the limits fired rules");

        try (Browser browser = Browser.open(base)) {
            ((ChromeDriver) browser.driver()).executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
            browser.signIn("admin", Api.ADMIN_PASSWORD);
            assertFalse(capability.getBoolean("meaningful"), "REST: three points beyond the limits");
            browser.go("/ui/charts/" + line + "/thickness");
            assertTrue(browser.find(By.id("capability-not-meaningful")).getText().contains("Not meaningful"),
                    "chart page: the capability panel says the indices are not meaningful");

            // histogram: the same n readings as the capability, both spec limits at their values, the fitted curve
            List<WebElement> bars = browser.driver().findElements(By.cssSelector("#histogram .histogram-bar"));
            assertTrue(bars.size() >= 5, "Sturges bins for " + n + " readings: " + bars.size());
            assertEquals(n, bars.stream().mapToInt(b -> Integer.parseInt(b.getDomAttribute("data-count"))).sum());
            // (a vertical SVG line has no width, so Selenium never calls it visible: found by presence)
            WebElement lsl = browser.driver().findElement(By.cssSelector("#histogram .spec-line[data-spec=LSL]"));
            WebElement usl = browser.driver().findElement(By.cssSelector("#histogram .spec-line[data-spec=USL]"));
            assertEquals("9.4", lsl.getDomAttribute("data-value"));
            assertEquals("10.6", usl.getDomAttribute("data-value"));
            assertTrue(Double.parseDouble(lsl.getDomAttribute("x1")) < Double.parseDouble(usl.getDomAttribute("x1")),
                    "LSL drawn left of USL");
            assertTrue(browser.driver().findElement(By.cssSelector("#histogram .normal-curve"))
                    .getDomAttribute("points").trim().split(" ").length > 50, "the fitted normal curve is drawn");
            assertTrue(browser.find(By.id("histogram")).getText().contains("LSL 9.400"), "spec limits labelled");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('histogram').scrollIntoView({block: 'center'});");
            browser.screenshot("19d-chart-histogram");

            // the report downloads as a PDF with the indices the page shows
            browser.find(By.id("capability-report")).click();
            Path pdf = browser.waitFor(d -> pdfIn(downloads).orElse(null), Duration.ofSeconds(30));
            try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
                assertEquals(1, doc.getNumberOfPages());
                String text = new PDFTextStripper().getText(doc);
                String cpk = String.format(Locale.ROOT, "%.3f", capability.getDouble("cpk"));
                List<Float> interval = capability.getList("cpkInterval", Float.class);
                assertTrue(text.contains("Process capability report") && text.contains(line + " / thickness (mm)"), text);
                assertTrue(text.contains("Cpk " + cpk + "   interval [" + String.format(Locale.ROOT, "%.3f", interval.get(0))), text);
                assertTrue(text.contains("newest " + n + " readings"), text);
                assertTrue(text.contains("Normality (Anderson-Darling)"), text);
                assertTrue(text.contains("NOT MEANINGFUL"), "three points beyond the limits: " + text);
                assertTrue(text.contains("Control chart: INDIVIDUALS (IMR, limits v1)"), "the chart is in the report: "
                        + text);
                assertTrue(text.contains("UCL 10.300") && text.contains("LCL 9.700"), "its limits labelled: " + text);
                // the report as the reviewer sees it, beside the browser screenshots
                Files.createDirectories(Browser.SCREENSHOTS);
                javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 100),
                        "png", Browser.SCREENSHOTS.resolve("19h-capability-report-pdf.png").toFile());
            }

            // Pareto of the line's firings, reached from the chart page, per rule and variable as the API counts them
            browser.find(By.id("rule-pareto-link")).click();
            List<WebElement> paretoBars = browser.waitFor(d -> {
                List<WebElement> b = d.findElements(By.cssSelector("#pareto .pareto-bar"));
                return b.isEmpty() ? null : b;
            });
            assertEquals(pareto.size(), paretoBars.size());
            for (int i = 0; i < pareto.size(); i++) {
                assertEquals(pareto.get(i).get("ruleId"), paretoBars.get(i).getDomAttribute("data-rule"));
                assertEquals(String.valueOf(pareto.get(i).get("firings")), paretoBars.get(i).getDomAttribute("data-firings"));
            }
            assertEquals(pareto.size(), browser.driver().findElement(By.cssSelector("#pareto .pareto-cumulative"))
                    .getDomAttribute("points").trim().split(" ").length, "one cumulative point per bar");
            assertTrue(browser.find(By.id("pareto-table")).getText().contains("thickness"));
            browser.screenshot("19e-rule-pareto");

            // the chart picker and the dashboard say the same "not meaningful" beside the same Cpk
            String cpkText = String.format(Locale.ROOT, "%.3f", capability.getDouble("cpk"));
            browser.go("/ui/charts");
            WebElement pickerRow = browser.find(By.xpath("//tr[td/a[@href='/ui/charts/" + line + "/thickness']]"));
            assertTrue(pickerRow.getText().contains(cpkText), pickerRow.getText());
            assertFalse(pickerRow.findElements(By.cssSelector(".not-meaningful")).isEmpty(),
                    "picker: not meaningful: " + pickerRow.getText());
            browser.go("/ui/");
            WebElement dashboardRow = browser.find(By.xpath("//table[@id='capability-table']//tr[td/a[@href='/ui/charts/"
                    + line + "/thickness']]"));
            assertTrue(dashboardRow.getText().contains(String.format(Locale.ROOT, "%.2f", capability.getDouble("cpk"))),
                    dashboardRow.getText());
            assertFalse(dashboardRow.findElements(By.cssSelector(".not-meaningful")).isEmpty(),
                    "dashboard: not meaningful: " + dashboardRow.getText());
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "arguments[0].scrollIntoView({block: 'center'});", dashboardRow);
            browser.screenshot("19g-dashboard-capability-not-meaningful");
            assertTrue(browser.consoleErrors().isEmpty(), browser.consoleErrors().toString());
        }
    }

    @Test
    void theReportOfAVariableWithoutSpecificationOrOfNoVariableIsAProblemNotAPdf() {
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "flow", "kg/h", "");
        Api.asAdmin().accept("application/pdf, application/json").get("/api/v1/spc/charts/" + line + "/flow/capability/report")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.containsString("spc/no-specification"));
        Api.asAdmin().accept("application/pdf, application/json").get("/api/v1/spc/charts/" + line + "/nothing/capability/report")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static Optional<Path> pdfIn(Path dir) {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("capability-.*\\.pdf")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
