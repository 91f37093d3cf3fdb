package io.poka.audit.internal;

import java.time.Instant;
import java.util.List;

/**
 * What an auditor asks to export; criteria as in {@link io.poka.audit.AuditQuery}.
 *
 * @param formats any of csv, json, pdf; null or empty = all three
 */
public record ExportRequest(Instant from, Instant to, String entityType, String entityId, String lot, String user,
        List<String> formats) {
}
