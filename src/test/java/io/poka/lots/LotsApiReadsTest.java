package io.poka.lots;

import static io.poka.lots.LotFixtures.newLot;
import static io.poka.lots.LotFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.lots.LotsApi.Genealogy;
import io.poka.lots.LotsApi.HistoryEntry;
import io.poka.lots.LotsApi.LotPage;
import io.poka.lots.LotsApi.LotQuery;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.ProblemException;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The reads the web UI and dashboards take from {@link LotsApi}: search, history with signatures, genealogy, moves. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class LotsApiReadsTest {
    private static final String LOTS = "/api/v1/lots";

    @Inject
    LotsApi lots;

    private static String create(String product, String externalId) {
        return Api.asAdmin().body(newLot(product, externalId)).post(LOTS).then().statusCode(201).extract().path("id");
    }

    private static LotQuery text(String text, String product) {
        return new LotQuery(text, null, product, null, null, null, null, 0, 10);
    }

    @Test
    void searchMatchesPartOfTheExternalIdIgnoringCaseNewestFirst() {
        String product = unique("P");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String older = create(product, "ERP-" + tag + "-a");
        String newer = create(product, "ERP-" + tag + "-b");
        create(product, unique("OTHER"));

        LotPage page = lots.search(text(tag.toUpperCase(), null));

        assertEquals(2, page.total());
        assertEquals(List.of(newer, older), page.items().stream().map(l -> l.id().toString()).toList());
        assertEquals(3, lots.search(text(null, product)).total(), "no text, product filter only");
    }

    @Test
    void likeWildcardsInTheTextAreTakenLiterally() {
        String product = unique("P");
        create(product, unique("plain"));
        String percent = create(product, unique("50%off"));

        assertEquals(List.of(percent), lots.search(text("%", product)).items().stream().map(l -> l.id().toString()).toList());
        assertEquals(0, lots.search(text("_", product)).total());
    }

    @Test
    void aStatusQueryCountsTheLotsOnHold() {
        String product = unique("P");
        String held = create(product, unique("EXT"));
        create(product, unique("EXT"));
        long before = lots.search(LotQuery.inStatus(LotStatus.ON_HOLD, 1)).total();
        Api.asAdmin().body(Map.of("reason", "burr")).post(LOTS + "/" + held + "/hold").then().statusCode(200);

        assertEquals(before + 1, lots.search(LotQuery.inStatus(LotStatus.ON_HOLD, 1)).total());
        LotPage ofProduct = lots.search(new LotQuery(null, LotStatus.ON_HOLD, product, null, null, null, null, 0, 5));
        assertEquals(1, ofProduct.total());
        assertEquals("burr", ofProduct.items().get(0).hold().reason());
    }

    @Test
    void aPageSizeAboveTheMaximumIsRefused() {
        ProblemException p = assertThrows(ProblemException.class,
                () -> lots.search(new LotQuery(null, null, null, null, null, null, null, 0, 201)));
        assertEquals(400, p.status());
    }

    @Test
    void historyCarriesTheSignatureOfARelease() {
        String lot = create(unique("P"), unique("EXT"));
        Api.asAdmin().body(Map.of("to", "AWAITING_INSPECTION")).post(LOTS + "/" + lot + "/moves").then().statusCode(200);
        Api.asAdmin().body(Map.of("reason", "ok")).post(LOTS + "/" + lot + "/hold").then().statusCode(200);
        Api.asAdmin().body(Map.of("reason", "checked", "signature", Map.of("password", Api.ADMIN_PASSWORD,
                "meaning", "APPROVAL"))).post(LOTS + "/" + lot + "/release").then().statusCode(200);

        List<HistoryEntry> history = lots.history(UUID.fromString(lot));

        assertEquals(List.of(LotStatus.CREATED, LotStatus.AWAITING_INSPECTION, LotStatus.ON_HOLD, LotStatus.RELEASED),
                history.stream().map(HistoryEntry::to).toList());
        assertNull(history.get(2).signature());
        HistoryEntry release = history.get(3);
        assertEquals("checked", release.reason());
        assertNotNull(release.signature());
        assertEquals("admin", release.signature().signedBy());
        assertEquals("APPROVAL", release.signature().meaning());
        assertNotNull(release.signature().printedName());
    }

    @Test
    void genealogyNestsUpstreamAndDownstream() {
        String product = unique("P");
        String grandParent = create(product, unique("G"));
        String parent = create(product, unique("PA"));
        String lot = create(product, unique("L"));
        String child = create(product, unique("C"));
        link(grandParent, parent, "SPLIT");
        link(parent, lot, "MERGE");
        link(lot, child, "CONSUMED_INTO");

        Genealogy g = lots.genealogy(UUID.fromString(lot));

        assertEquals(parent, g.upstream().get(0).lotId().toString());
        assertEquals("MERGE", g.upstream().get(0).link());
        assertEquals(grandParent, g.upstream().get(0).next().get(0).lotId().toString());
        assertEquals(child, g.downstream().get(0).lotId().toString());
        assertEquals("CONSUMED_INTO", g.downstream().get(0).link());
        assertTrue(g.downstream().get(0).next().isEmpty());
        assertThrows(NotFoundProblem.class, () -> lots.genealogy(UUID.randomUUID()));
    }

    @Test
    void nextStatusesFollowTheStatusMachineIncludingTheLiftOfAHold() {
        String lot = create(unique("P"), unique("EXT"));
        Api.asAdmin().body(Map.of("reason", "check")).post(LOTS + "/" + lot + "/hold").then().statusCode(200);

        Set<LotStatus> next = lots.nextStatuses(UUID.fromString(lot));

        // docs/lots-and-inspections.md: ON_HOLD -> the status before the hold, QUARANTINED, RELEASED, REJECTED, IN_PROCESS, SCRAPPED
        assertEquals(Set.of(LotStatus.CREATED, LotStatus.QUARANTINED, LotStatus.RELEASED, LotStatus.REJECTED,
                LotStatus.IN_PROCESS, LotStatus.SCRAPPED), next);
    }

    private static void link(String parent, String child, String type) {
        Api.asAdmin().body(Map.of("childId", child, "type", type)).post(LOTS + "/" + parent + "/children").then()
                .statusCode(200);
    }
}
