package io.poka.admin;

import static io.poka.admin.InspectorTabletBrowserTest.inspectionsOf;
import static io.poka.admin.InspectorTabletBrowserTest.isoPlan;
import static io.poka.admin.InspectorTabletBrowserTest.lotAwaitingInspection;
import static io.poka.admin.InspectorTabletBrowserTest.sampling;
import static io.poka.admin.InspectorTabletBrowserTest.tap;
import static io.poka.admin.InspectorTabletBrowserTest.typeValues;
import static io.poka.lots.LotFixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.testing.Api;
import io.poka.testing.Browser;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 16 loop (b) in a real Chromium at tablet size: an inspector records a failing inspection on the tablet page,
 * opens a nonconformance report from its verdict, and a QA manager, on the report's page, records the cause and the
 * material review RETURN_TO_SUPPLIER with an electronic signature; the lot leaves as REJECTED.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class InspectionToSupplierReturnLoopBrowserTest {
    private static final String PASSWORD = "loop-b-password-1";

    @TestHTTPResource("/")
    URL base;

    private static String user(String role, String displayName) {
        String name = role.replace("-", "") + "-loopb-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(Map.of("username", name, "displayName", displayName, "password", PASSWORD, "roles", List.of(role)));
        return name;
    }

    @Test
    void aFailingTabletInspectionOpensAnNcrAndTheLotIsReturnedToItsSupplierWithASignature() {
        String inspector = user("inspector", "Ivo Inspector");
        String qa = user("qa-manager", "Quinn Return-" + UUID.randomUUID().toString().substring(0, 4));
        String product = unique("SLEEVE");
        String planId = isoPlan(product);
        String lotId = lotAwaitingInspection(product, 50);
        JsonPath plan = sampling(planId, lotId);
        int n = plan.getInt("classes.find { it.defectClass == 'MAJOR' }.sampleSize");
        int re = plan.getInt("classes.find { it.defectClass == 'MAJOR' }.rejectionNumber");

        String ncrId;
        try (Browser b = Browser.open(base, 1024, 768)) {
            b.signIn(inspector, PASSWORD);
            b.go("/ui/lots/" + lotId + "/inspect");
            typeValues(b, n, re);
            tap(b, b.find(By.id("submit-inspection")));
            assertEquals("Not accepted", b.find(By.id("verdict-badge")).getText());
            assertEquals("DIM-OOT", new Select(b.find(By.id("ncr-defect-code"))).getFirstSelectedOption()
                    .getAttribute("value"), "a dimension out of spec proposes the catalogue's out-of-tolerance code");
            b.screenshot("74-loop-b-failed-verdict");

            tap(b, b.find(By.id("open-ncr")));
            ncrId = b.find(By.id("ncr-number")).getAttribute("data-ncr");
            assertEquals("/ui/ncrs/" + ncrId, b.find(By.id("ncr-link")).getDomAttribute("href"));
            assertTrue(b.find(By.id("ncr-status")).getText().startsWith("Nonconformance report NCR-"),
                    b.find(By.id("ncr-status")).getText());
            b.screenshot("75-loop-b-ncr-opened");
        }

        String inspectionId = inspectionsOf(lotId).getString("[0].id");
        JsonPath ncr = Api.asAdmin().get("/api/v1/ncrs/" + ncrId).then().statusCode(200).extract().jsonPath();
        assertEquals("INSPECTION", ncr.getString("source"));
        assertEquals(inspectionId, ncr.getString("sourceReference"));
        assertEquals("DIM-OOT", ncr.getString("defectCode"));
        assertEquals(product, ncr.getString("product"));
        assertEquals(inspector, ncr.getString("openedBy"));
        Api.asAdmin().get("/api/v1/lots/" + lotId).then().body("status", equalTo("ON_HOLD"));

        try (Browser b = Browser.open(base, 1024, 768)) {
            b.signIn(qa, PASSWORD);
            b.go("/ui/ncrs/" + ncrId);
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("ncr-status"), "OPEN"));
            assertTrue(b.find(By.id("inspection-evidence")).getText().contains("Incoming " + product),
                    b.find(By.id("inspection-evidence")).getText());
            // the lot is already on hold by the failed inspection: nothing to contain, the review starts with the cause
            new Select(b.find(By.id("inv-method"))).selectByValue("FIVE_WHY");
            b.find(By.id("inv-whys")).sendKeys("bore out of tolerance\nsupplier's reamer worn");
            b.find(By.id("inv-cause")).sendKeys("worn reamer at the supplier");
            tap(b, b.find(By.id("investigation-button")));
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("ncr-status"), "UNDER_INVESTIGATION"));

            b.find(By.cssSelector("tr[data-lot='" + lotId + "'] input[data-decision='RETURN_TO_SUPPLIER']")).sendKeys("50");
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-lot='" + lotId + "'] .reconcile"), "✓"));
            b.find(By.id("disp-reason")).sendKeys("returned to ACME Metals under " + ncr.getString("number"));
            b.find(By.id("disp-password")).sendKeys(PASSWORD);
            b.screenshot("76-loop-b-return-to-supplier-signature");
            tap(b, b.find(By.id("disposition-button")));
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("ncr-status"), "DISPOSITIONED"));
            assertTrue(b.find(By.id("dispositions-table")).getText().contains("RETURN_TO_SUPPLIER"));
            b.screenshot("77-loop-b-ncr-dispositioned");

            b.go("/ui/lots/" + lotId);
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("lot-status"), "Rejected"));
            assertTrue(b.find(By.id("history")).getText().contains("return to supplier"), b.find(By.id("history")).getText());
            b.screenshot("78-loop-b-lot-returned");
        }

        Api.asAdmin().get("/api/v1/lots/" + lotId).then().statusCode(200).body("status", equalTo("REJECTED"));
        JsonPath dispositions = Api.asAdmin().get("/api/v1/lots/" + lotId + "/dispositions").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("RETURN_TO_SUPPLIER", dispositions.getString("[0].decision"));
        assertEquals(qa, dispositions.getString("[0].signature.signedBy"));
        assertEquals("APPROVAL", dispositions.getString("[0].signature.meaning"));
    }
}
