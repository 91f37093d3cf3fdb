package io.poka.ncr.internal;

import io.poka.ncr.NcrQuantities;
import io.poka.ncr.NcrRisk;
import io.poka.ncr.NcrView;

/** Maps stored reports to the records the API shows. */
final class NcrViews {
    private NcrViews() {
    }

    static NcrView view(NcrRecord r) {
        NcrRisk risk = r.riskSeverity == null || r.riskOccurrence == null || r.riskDetection == null ? null
                : NcrRisk.of(r.riskSeverity, r.riskOccurrence, r.riskDetection);
        NcrQuantities q = new NcrQuantities(NcrDetails.plain(r.quantityAffected),
                NcrDetails.plain(r.quantityNonconforming), r.unit);
        return new NcrView(r.id, r.number, r.status, r.source, r.sourceReference, r.title, r.description, r.line,
                r.product, r.defectCode, r.severity, risk, q, r.cost, r.currency, r.owner, r.dueDate, r.openedAt,
                r.openedBy, r.closedAt, r.rootCauseCategory, r.version);
    }
}
