package io.poka.notifications.internal;

import java.util.List;

/** The incident severities from most to least urgent, and whether one meets a subscription's minimum. */
final class Severities {
    static final List<String> ORDER = List.of("HIGH", "MEDIUM", "LOW");

    private Severities() {
    }

    /** True when {@code severity} is {@code minimum} or more urgent; an unknown severity meets no minimum. */
    static boolean meets(String severity, String minimum) {
        int rank = ORDER.indexOf(severity);
        return rank >= 0 && rank <= ORDER.indexOf(minimum);
    }
}
