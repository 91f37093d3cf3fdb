package io.poka.alerts;

import java.time.Instant;

/**
 * A selection of incidents, one page of it; every non-null criterion must hold.
 *
 * @param status OPEN, ACKNOWLEDGED, RESOLVED, or UNRESOLVED (open or acknowledged)
 * @param severity HIGH, MEDIUM or LOW
 * @param from incidents whose last signal is at or after this time
 * @param to incidents whose first signal is before this time
 * @param mostSevereFirst order by severity (HIGH first), then newest last signal; otherwise newest last signal first
 * @param page from 0
 * @param size rows per page (1..500)
 */
public record IncidentQuery(String line, String status, String severity, Instant from, Instant to,
        boolean mostSevereFirst, int page, int size) {
}
