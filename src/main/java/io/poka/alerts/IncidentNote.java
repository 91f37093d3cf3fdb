package io.poka.alerts;

import java.time.Instant;
import java.util.UUID;

/** A note someone wrote on an incident while working on it; only its author may delete it. */
public record IncidentNote(UUID id, UUID incidentId, String author, String text, Instant createdAt) {
}
