package io.poka.capa.internal;

import io.poka.ncr.NonconformanceOpened;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Reopens, in the transaction that opens an NCR, every CAPA watching that NCR's defect code on its product (in its
 * effectiveness window or closed): the defect recurred, so the action did not work.
 */
@ApplicationScoped
class RecurrenceWatch {
    private final CapaService capas;

    RecurrenceWatch(CapaService capas) {
        this.capas = capas;
    }

    void onNcrOpened(@Observes(during = TransactionPhase.IN_PROGRESS) NonconformanceOpened e) {
        if (e.defectCode() != null && e.product() != null) {
            capas.recurrence(e.defectCode(), e.product(), "NCR " + e.number() + " (" + e.defectCode() + " on "
                    + e.product() + ") opened at " + e.at());
        }
    }
}
