package io.poka.alerts.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Assigns the signals of one line to incidents, so overlapping firings on many variables become one thing to act on:
 * a signal whose time span comes within the gap of an unresolved incident's span joins it (the one with the newest
 * signal if several qualify) and widens it; otherwise it opens a new incident. Two unresolved incidents that come
 * within the gap of each other (a widened one reaching another) merge into one: a line has one incident per episode.
 * Plain Java, so the rule is unit-tested.
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
    /** Absorbed span -> the span it merged into (which may itself have merged on); spans compare by identity. */
    private final Map<Span, Span> mergedInto = new LinkedHashMap<>();

    IncidentGrouping(List<Span> unresolved, Duration gap, Supplier<UUID> ids) {
        this.spans = new ArrayList<>(unresolved);
        this.gap = gap;
        this.ids = ids;
    }

    /** The incident a signal spanning [from, to] of {@code severity} belongs to, widened and raised to cover it. */
    Span place(Instant from, Instant to, Severity severity) {
        Span best = null;
        for (Span s : spans) {
            if (near(s, from, to) && (best == null || s.last.isAfter(best.last))) {
                best = s;
            }
        }
        if (best == null) {
            best = new Span(ids.get(), true, from, to, severity);
            spans.add(best);
            return best;
        }
        widen(best, from, to, severity);
        return absorbNeighbours(best);
    }

    private boolean near(Span s, Instant from, Instant to) {
        return !from.isAfter(s.last.plus(gap)) && !to.isBefore(s.first.minus(gap));
    }

    private static void widen(Span s, Instant from, Instant to, Severity severity) {
        if (from.isBefore(s.first)) {
            s.first = from;
        }
        if (to.isAfter(s.last)) {
            s.last = to;
        }
        s.severity = s.severity.orHigher(severity);
    }

    /**
     * Merges every other span now within the gap of {@code grown} with it, until none is; the survivor is a stored
     * incident rather than one opened in this batch, then the one with the earliest first signal (people may already
     * be working on it).
     */
    private Span absorbNeighbours(Span grown) {
        Span survivor = grown;
        boolean merged = true;
        while (merged) {
            merged = false;
            for (Span other : spans) {
                if (other != survivor && near(other, survivor.first, survivor.last)) {
                    Span keep = survives(survivor, other) ? survivor : other;
                    Span gone = keep == survivor ? other : survivor;
                    widen(keep, gone.first, gone.last, gone.severity);
                    spans.remove(gone);
                    mergedInto.put(gone, keep);
                    survivor = keep;
                    merged = true;
                    break;
                }
            }
        }
        return survivor;
    }

    private static boolean survives(Span a, Span b) {
        if (a.opened != b.opened) {
            return !a.opened;
        }
        return !b.first.isBefore(a.first);
    }

    /** The span {@code s} ends up in after every merge of this batch (itself when it was not merged). */
    Span survivorOf(Span s) {
        Span at = s;
        while (mergedInto.containsKey(at)) {
            at = mergedInto.get(at);
        }
        return at;
    }

    /**
     * The stored incidents merged away in this batch, each with the stored incident it now belongs to, in the order
     * they merged. Spans opened and absorbed within the batch are not listed: their signals simply go to the survivor.
     */
    Map<Span, Span> storedMerges() {
        Map<Span, Span> out = new LinkedHashMap<>();
        mergedInto.keySet().stream().filter(s -> !s.opened).forEach(s -> out.put(s, survivorOf(s)));
        return out;
    }
}
