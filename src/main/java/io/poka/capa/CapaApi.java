package io.poka.capa;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What other modules (the admin UI) may read of CAPAs; changes go through the REST API, which checks and audits them. */
public interface CapaApi {

    /** One status change with its signature manifestation (signed moves only). */
    record CapaHistoryEntry(CapaStatus from, CapaStatus to, String reason, String actor, Instant at, String signedBy,
            String signerName, String signatureMeaning, Instant signedAt) {
    }

    /** A CAPA with its history (oldest first), its evaluations (newest first) and the moves it may make now. */
    record CapaDetail(CapaView capa, List<CapaHistoryEntry> history, List<EvaluationView> evaluations,
            Set<CapaStatus> allowedTransitions) {
    }

    Optional<CapaDetail> detail(UUID id);

    /** CAPAs by due date, in one status or all (null), at most {@code limit}. */
    List<CapaView> list(CapaStatus status, int limit);
}
