package io.poka.alerts.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Assigns the signals of one line to incidents, so overlapping firings on many variables become one thing to act on:
 * a signal whose time span comes within the gap of an unresolved incident's span joins it (the one with the newest
 * signal if several qualify) and widens it; otherwise it opens a new incident. Plain Java, so the rule is unit-tested.
 */
final class IncidentGrouping {

    /** An unresolved incident's span and severity as grouping sees it; {@code opened} marks one this batch opened. */
    static final class Span {
        final UUID id;
        final boolean opened;
        final Severity severityBefore;
        Instant first;
        Instant last;
        Severity severity;

        Span(UUID id, boolean opened, Instant first, Instant last, Severity severity) {
            this.id = id;
            this.opened = opened;
            this.first = first;
            this.last = last;
            this.severity = severity;
            this.severityBefore = severity;
        }
    }

    private final List<Span> spans;
    private final Duration gap;
    private final Supplier<UUID> ids;

    IncidentGrouping(List<Span> unresolved, Duration gap, Supplier<UUID> ids) {
        this.spans = new ArrayList<>(unresolved);
        this.gap = gap;
        this.ids = ids;
    }

    /** The incident a signal spanning [from, to] of {@code severity} belongs to, widened and raised to cover it. */
    Span place(Instant from, Instant to, Severity severity) {
        Span best = null;
        for (Span s : spans) {
            boolean overlaps = !from.isAfter(s.last.plus(gap)) && !to.isBefore(s.first.minus(gap));
            if (overlaps && (best == null || s.last.isAfter(best.last))) {
                best = s;
            }
        }
        if (best == null) {
            best = new Span(ids.get(), true, from, to, severity);
            spans.add(best);
            return best;
        }
        if (from.isBefore(best.first)) {
            best.first = from;
        }
        if (to.isAfter(best.last)) {
            best.last = to;
        }
        best.severity = best.severity.orHigher(severity);
        return best;
    }
}
