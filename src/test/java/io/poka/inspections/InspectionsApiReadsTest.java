package io.poka.inspections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.inspections.InspectionsApi.ClassVerdict;
import io.poka.inspections.InspectionsApi.InspectionDetail;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The inspection detail the lot page shows: plan version, sampling per defect class and the verdicts. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class InspectionsApiReadsTest {

    @Inject
    InspectionsApi inspections;

    @Test
    void theDetailOfAnInspectionCarriesThePlanTheSamplingAndTheVerdictPerClass() {
        InspectedLots.Scenario s = InspectedLots.readyForRelease();

        List<InspectionDetail> details = inspections.inspectionDetailsOfLot(UUID.fromString(s.lotId()));

        assertEquals(1, details.size());
        InspectionDetail d = details.get(0);
        assertEquals(s.planId(), d.planId().toString());
        assertEquals("Incoming " + s.product(), d.planName());
        assertEquals(1, d.planVersion());
        assertEquals("ISO_2859_1", d.planKind());
        assertEquals("II", d.inspectionLevel());
        assertEquals(500, d.lotSize());
        assertTrue(d.accepted());
        assertTrue(d.original());
        // ISO 2859-1:1999 Table 1: 281..500 at level II -> H; Table 2-A row H: n 50, AQL 1.0 Ac 1 Re 2, AQL 2.5 Ac 3 Re 4
        ClassVerdict major = d.classes().stream().filter(c -> c.defectClass().equals("MAJOR")).findFirst().orElseThrow();
        ClassVerdict minor = d.classes().stream().filter(c -> c.defectClass().equals("MINOR")).findFirst().orElseThrow();
        assertEquals(List.of("H", "NORMAL", "1.0", 50, 1, 2, 0, true), List.of(major.codeLetter(), major.severity(),
                major.aql(), major.sampleSize(), major.acceptanceNumber(), major.rejectionNumber(), major.nonconforming(),
                major.accepted()));
        assertEquals(List.of("H", "2.5", 50, 3, 4, 1, true), List.of(minor.codeLetter(), minor.aql(), minor.sampleSize(),
                minor.acceptanceNumber(), minor.rejectionNumber(), minor.nonconforming(), minor.accepted()));
        assertTrue(inspections.inspectionDetailsOfLot(UUID.randomUUID()).isEmpty());
    }
}
