package io.poka.ncr;

import java.util.List;
import java.util.UUID;

/**
 * A hook the CAPA module implements (as a CDI bean) so a report can show the corrective actions opened for it,
 * without the nonconformance module depending on CAPA; with no implementation a report lists no CAPA.
 */
public interface CapaReferences {

    /** A CAPA linked to a report, as far as a report shows it. */
    record CapaReference(java.util.UUID id, String number, String status, String title) {
    }

    /** The CAPAs opened for the report, oldest first. */
    List<CapaReference> forNcr(UUID ncrId);
}
