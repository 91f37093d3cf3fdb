package io.poka.alerts.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Assigns the signals of one line to incidents, so overlapping firings on many variables become one thing to act on:
 * a signal whose time span comes within the gap of an unresolved incident's span joins it (the one with the newest
 * signal if several qualify) and widens it; otherwise it opens a new incident. Two unresolved incidents that come
 * within the gap of each other (a widened one reaching another) merge into one: a line has one incident per episode.
 * A new episode is recognised by its onset (see {@link Onset}): it opens its own incident even within the gap of a
 * contained one (an isolated false alarm, a one-sensor problem), which is then closed to further signals; and an
 * incident that began with an onset does not reach back to signals more than the onset window before it.
 * Plain Java, so the rule is unit-tested.
 */
final class IncidentGrouping {

    /**
     * What makes signals a new episode rather than more of a contained incident: at least {@code variables} variables
     * begin signalling within {@code window} of each other (their first signals in the incident or in the batch),
     * while the incident had signals before that window on fewer than {@code variables} variables and no anomaly
     * detection (a model's detection already speaks for the whole line) and did not itself begin with an onset.
     * {@code variables} 0: never.
     */
    record Onset(int variables, Duration window) {
        static final Onset NEVER = new Onset(0, Duration.ZERO);
    }

    /** An unresolved incident's span and severity as grouping sees it; {@code opened} marks one this batch opened. */
    static final class Span {
        final UUID id;
        final boolean opened;
        final Severity severityBefore;
        /** Per variable, the time of its first signal in this incident. */
        final Map<String, Instant> firstSignalOf = new HashMap<>();
        boolean anomalies;
        Instant first;
        Instant last;
        Severity severity;
        /** Set once an onset opened another incident beside this one: it then takes no more signals. */
        Span supersededBy;

        Span(UUID id, boolean opened, Instant first, Instant last, Severity severity) {
            this.id = id;
            this.opened = opened;
            this.first = first;
            this.last = last;
            this.severity = severity;
            this.severityBefore = severity;
        }

        /** A stored incident with the first signal time of each of its variables and whether it holds anomalies. */
        Span(UUID id, Instant first, Instant last, Severity severity, Map<String, Instant> firstSignalOf,
                boolean anomalies) {
            this(id, false, first, last, severity);
            this.firstSignalOf.putAll(firstSignalOf);
            this.anomalies = anomalies;
        }
    }

    /** A signal of the batch, announced before any is placed so an onset is seen whole at its first signal. */
    private record Arrival(String variable, Instant from) {
    }

    private final List<Span> spans;
    private final Duration gap;
    private final Onset onset;
    private final Supplier<UUID> ids;
    private final List<Arrival> batch = new ArrayList<>();
    /** Absorbed span -> the span it merged into (which may itself have merged on); spans compare by identity. */
    private final Map<Span, Span> mergedInto = new LinkedHashMap<>();
    private final List<Span> superseded = new ArrayList<>();

    IncidentGrouping(List<Span> unresolved, Duration gap, Supplier<UUID> ids) {
        this(unresolved, gap, Onset.NEVER, ids);
    }

    IncidentGrouping(List<Span> unresolved, Duration gap, Onset onset, Supplier<UUID> ids) {
        this.spans = new ArrayList<>(unresolved);
        this.gap = gap;
        this.onset = onset;
        this.ids = ids;
    }

    /** Tells the grouping of a signal of this batch (variable null for an anomaly) before the signals are placed. */
    void announce(String variable, Instant from) {
        if (variable != null) {
            batch.add(new Arrival(variable, from));
        }
    }

    /** The incident a signal spanning [from, to] of {@code severity} belongs to, widened and raised to cover it. */
    Span place(Instant from, Instant to, Severity severity) {
        return place(null, from, to, severity);
    }

    /**
     * The incident a signal of {@code variable} (null: an anomaly detection) spanning [from, to] belongs to, widened
     * and raised to cover it; an onset closes the contained incidents it comes near and goes to another.
     */
    Span place(String variable, Instant from, Instant to, Severity severity) {
        List<Span> near = new ArrayList<>(spans.stream().filter(s -> s.supersededBy == null && near(s, from, to)
                && !beforeOnset(to, s)).toList());
        List<Span> contained = List.of();
        if (onset.variables() > 0 && variable != null && !near.isEmpty()) {
            Instant windowStart = from.minus(onset.window());
            contained = near.stream().filter(s -> containedBefore(s, windowStart)).toList();
            if (contained.isEmpty() || onsetVariables(near, variable, windowStart, from.plus(onset.window()))
                    < onset.variables()) {
                contained = List.of();
            }
            near.removeAll(contained);
        }
        Span best = null;
        for (Span s : near) {
            if (best == null || s.last.isAfter(best.last)) {
                best = s;
            }
        }
        Span target;
        if (best == null) {
            target = new Span(ids.get(), true, from, to, severity);
            spans.add(target);
        } else {
            widen(best, from, to, severity);
            target = absorbNeighbours(best);
        }
        for (Span c : contained) {
            c.supersededBy = target;
            superseded.add(c);
        }
        if (variable != null) {
            target.firstSignalOf.merge(variable, from, (a, b) -> a.isBefore(b) ? a : b);
        } else {
            target.anomalies = true;
        }
        return target;
    }

    /**
     * Began before the onset window, not with an onset of its own, on fewer variables than an onset before the window,
     * without anomaly detections.
     */
    private boolean containedBefore(Span s, Instant windowStart) {
        return !s.anomalies && s.first.isBefore(windowStart) && !beganWithOnset(s)
                && s.firstSignalOf.values().stream().filter(t -> t.isBefore(windowStart)).count() < onset.variables();
    }

    /** Its first signals were an onset: as many variables as an onset began within the window of its first signal. */
    private boolean beganWithOnset(Span s) {
        if (onset.variables() <= 0) {
            return false;
        }
        Instant end = s.first.plus(onset.window());
        int began = 0;
        for (Instant t : s.firstSignalOf.values()) {
            if (!t.isAfter(end) && ++began >= onset.variables()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A signal ending more than the onset window before an incident that began with an onset is no part of that
     * episode (an isolated signal that merely arrived later, e.g. from a lagging partition): it does not reach back.
     */
    private boolean beforeOnset(Instant to, Span s) {
        return beganWithOnset(s) && to.isBefore(s.first.minus(onset.window()));
    }

    /** Variables whose first signal (in a nearby incident or in this batch) lies in [windowStart, windowEnd]. */
    private int onsetVariables(List<Span> near, String variable, Instant windowStart, Instant windowEnd) {
        Set<String> began = new HashSet<>();
        began.add(variable);
        for (Span s : near) {
            s.firstSignalOf.forEach((v, t) -> {
                if (!t.isBefore(windowStart)) {
                    began.add(v);
                }
            });
        }
        for (Arrival a : batch) {
            if (!a.from().isBefore(windowStart) && !a.from().isAfter(windowEnd)) {
                began.add(a.variable());
            }
        }
        return began.size();
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
     * be working on it). A superseded span takes part in no merge.
     */
    private Span absorbNeighbours(Span grown) {
        Span survivor = grown;
        boolean merged = true;
        while (merged) {
            merged = false;
            for (Span other : spans) {
                if (other != survivor && other.supersededBy == null && near(other, survivor.first, survivor.last)
                        && !beforeOnset(other.last, survivor) && !beforeOnset(survivor.last, other)) {
                    Span keep = survives(survivor, other) ? survivor : other;
                    Span gone = keep == survivor ? other : survivor;
                    widen(keep, gone.first, gone.last, gone.severity);
                    gone.firstSignalOf.forEach((v, t) -> keep.firstSignalOf.merge(v, t, (a, b) -> a.isBefore(b) ? a : b));
                    keep.anomalies |= gone.anomalies;
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

    /** The incidents closed to new signals in this batch, each with the incident the onset went to, in that order. */
    Map<Span, Span> supersessions() {
        Map<Span, Span> out = new LinkedHashMap<>();
        superseded.forEach(s -> out.put(s, survivorOf(s.supersededBy)));
        return out;
    }
}
