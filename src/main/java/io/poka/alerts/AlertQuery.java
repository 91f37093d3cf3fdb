package io.poka.alerts;

/**
 * A selection of alerts; every non-null criterion must hold.
 *
 * @param status OPEN, ACKNOWLEDGED or RESOLVED
 * @param severity HIGH, MEDIUM or LOW
 * @param label FALSE_ALARM or TRUE_POSITIVE
 * @param mostSevereFirst order by severity (HIGH first), then newest first; otherwise newest first
 * @param limit at most this many (1..1000)
 */
public record AlertQuery(String status, String line, String severity, String label, boolean mostSevereFirst,
        int limit) {
}
