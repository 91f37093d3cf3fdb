package io.poka.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.inspections.DefectParetoFixtures;
import io.poka.testing.Api;
import io.poka.testing.Browser;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The Pareto chart of defect classes from inspections, per line, in a real browser: the bars the REST answer counts. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class DefectParetoBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theDefectClassParetoOfALineDrawsTheNonconformingUnitsPerClassMostFirst() {
        DefectParetoFixtures.Lines lines = DefectParetoFixtures.inspectedOnTwoLines();
        try (Browser b = Browser.open(base)) {
            b.signIn("admin", Api.ADMIN_PASSWORD);
            b.go("/ui/defect-pareto?line=" + lines.lineA());
            List<WebElement> bars = b.waitFor(d -> {
                List<WebElement> found = d.findElements(By.cssSelector("#defect-pareto .pareto-bar"));
                return found.isEmpty() ? null : found;
            });
            assertEquals(List.of("MINOR", "MAJOR"), bars.stream().map(e -> e.getDomAttribute("data-defect-class"))
                    .toList());
            assertEquals(List.of("5", "1"), bars.stream().map(e -> e.getDomAttribute("data-nonconforming")).toList());
            assertEquals("6", b.find(By.id("defect-pareto")).getDomAttribute("data-total"));
            assertEquals(2, b.driver().findElement(By.cssSelector("#defect-pareto .pareto-cumulative"))
                    .getDomAttribute("points").trim().split(" ").length, "one cumulative point per bar");
            String table = b.find(By.id("defect-pareto-table")).getText();
            assertTrue(table.contains("MINOR 5 100 2 83.3 %"), table);
            b.screenshot("19f-defect-class-pareto");

            b.find(By.id("pareto-line")).clear();
            b.find(By.id("pareto-line")).sendKeys(lines.lineB());
            b.find(By.cssSelector("form.range-form button[type=submit]")).click();
            b.waitFor(d -> d.findElement(By.id("defect-pareto")).getDomAttribute("data-total").equals("4"));
            assertTrue(b.consoleErrors().isEmpty(), b.consoleErrors().toString());
        }
    }
}
