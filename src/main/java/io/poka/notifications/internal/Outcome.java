package io.poka.notifications.internal;

/**
 * How one attempt at a delivery ended.
 *
 * @param status SENT, FAILED (the attempt failed; retried per {@link RetryPolicy}) or SKIPPED (the channel is off)
 * @param detail the error or reason; null when sent
 */
record Outcome(String status, String detail) {
    static final Outcome SENT = new Outcome("SENT", null);

    static Outcome failed(String error) {
        return new Outcome("FAILED", error.length() > 1000 ? error.substring(0, 1000) : error);
    }

    static Outcome skipped(String reason) {
        return new Outcome("SKIPPED", reason);
    }
}
