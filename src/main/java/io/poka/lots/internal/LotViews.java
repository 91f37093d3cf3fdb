package io.poka.lots.internal;

import io.poka.lots.LotStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Read models of the lots API besides the lot itself. */
public final class LotViews {
    private LotViews() {
    }

    /** One page of a filtered list; {@code page} counts from 0. */
    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    /** One entry of a lot's status history. */
    public record StatusEntry(LotStatus from, LotStatus to, String action, String reason, String actor, Instant at,
            SignatureView signature) {
    }

    /** A recorded disposition. */
    public record DispositionView(UUID id, UUID lotId, LotStatusMachine.Decision decision, String reason,
            String decidedBy, Instant decidedAt, SignatureView signature) {
    }

    /** The manifestation of a signature as stored with the change (never the password). */
    public record SignatureView(String signedBy, String printedName, String meaning, Instant signedAt) {
    }

    /** An edge of the genealogy graph and its distance from the lot asked about. */
    public record Edge(UUID parentId, UUID childId, GenealogyLink.Type type, int depth) {
    }

    /** A lot that appears in a genealogy tree. */
    public record Node(UUID id, String sourceSystem, String externalId, String product, LotStatus status) {
    }

    /** The whole upstream (where it came from) and downstream (where it went) graph of a lot. */
    public record GenealogyTree(UUID lotId, List<Edge> upstream, List<Edge> downstream, List<Node> lots) {
    }

    /** A link as created. */
    public record LinkView(UUID parentId, UUID childId, GenealogyLink.Type type, Instant createdAt, String createdBy) {
    }
}
