package io.poka.capa.internal;

import io.poka.capa.CapaStatus;
import io.poka.capa.CapaView;
import io.poka.capa.EvaluationView;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Response bodies of the CAPA API beyond the public {@link CapaView}. */
final class CapaViews {
    private CapaViews() {
    }

    /** One status change with its signature manifestation (signed moves only). */
    record HistoryEntry(CapaStatus from, CapaStatus to, String reason, String actor, Instant at, String signedBy,
            String signerName, String signatureMeaning, Instant signedAt) {
    }

    /** A CAPA with its history, its evaluations (newest first) and the moves it may make now. */
    record CapaDetail(CapaView capa, List<HistoryEntry> history, List<EvaluationView> evaluations,
            Set<CapaStatus> allowedTransitions) {
    }

    /** One page of CAPAs, by due date; {@code page} counts from 0. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "CapaPage")
    record Page(List<CapaView> items, int page, int size, long total) {
    }
}
