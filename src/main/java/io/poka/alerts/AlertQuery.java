package io.poka.alerts;

import java.util.UUID;

/**
 * A selection of alerts, one page of it; every non-null criterion must hold.
 *
 * @param status OPEN, ACKNOWLEDGED, RESOLVED, or UNRESOLVED (open or acknowledged)
 * @param severity HIGH, MEDIUM or LOW
 * @param label FALSE_ALARM or TRUE_POSITIVE
 * @param mostSevereFirst order by severity (HIGH first), then newest first; otherwise newest first
 * @param limit at most this many (1..1000): the page size
 * @param incidentId only the alerts of this incident
 * @param page the page from 0 (rows page * limit on)
 */
public record AlertQuery(String status, String line, String severity, String label, boolean mostSevereFirst,
        int limit, UUID incidentId, int page) {

    /** The first page, any incident. */
    public AlertQuery(String status, String line, String severity, String label, boolean mostSevereFirst, int limit) {
        this(status, line, severity, label, mostSevereFirst, limit, null, 0);
    }
}
