package io.poka.capa;

import java.time.Instant;
import java.util.UUID;

/**
 * A corrective or preventive action as the API shows it.
 *
 * @param number CAPA-yyyy-nnnn, counted per year of opening
 * @param overdue the due date has passed and the action is neither implemented nor closed
 * @param windowStart when the effectiveness window began (null before EFFECTIVENESS_PENDING)
 * @param version optimistic-lock version
 */
public record CapaView(UUID id, String number, String kind, String title, String description, UUID ncrId, String owner,
        Instant dueAt, CapaStatus status, boolean overdue, EffectivenessCriterion criterion, Instant windowStart,
        Instant implementedAt, Instant closedAt, String closedBy, int reopenCount, Instant createdAt, String createdBy,
        Instant updatedAt, long version) {
}
