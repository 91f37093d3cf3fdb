package io.poka.ncr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.ncr.NcrApi.NcrQuery;
import io.poka.platform.ProblemException;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The reads other modules (CAPA, reports) take from {@link NcrApi}: the catalogue, searches and their limits. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class NcrApiReadsTest {

    @Inject
    NcrApi ncrs;

    @Test
    void theCatalogueListsEachTopCodeFollowedByItsSubCodesWithTheirPaths() {
        List<DefectCodeView> codes = ncrs.defectCodes();
        List<String> order = codes.stream().map(DefectCodeView::code).toList();

        assertTrue(order.indexOf("DIM") < order.indexOf("DIM-BURR"), order.toString());
        assertEquals(List.of("DIM", "DIM-BURR"), ncrs.defectCode("DIM-BURR").orElseThrow().path());
        assertTrue(ncrs.defectCode("NO-SUCH-CODE").isEmpty());
    }

    @Test
    void anUnknownReportIsNotFoundAndABadPageIsRefused() {
        assertTrue(ncrs.find(UUID.randomUUID()).isEmpty());
        ProblemException e = assertThrows(ProblemException.class,
                () -> ncrs.search(new NcrQuery(null, null, null, null, null, null, null, null, 0, 0)));
        assertEquals(400, e.status());
    }
}
