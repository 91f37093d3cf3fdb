package io.poka.alerts;

/** How many alerts of one line and severity are not yet resolved (OPEN or ACKNOWLEDGED). */
public record OpenAlertCount(String line, String severity, int open) {
}
