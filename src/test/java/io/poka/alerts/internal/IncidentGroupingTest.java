package io.poka.alerts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which incident a signal joins: overlap within the gap joins and widens, a signal beyond the gap opens another. */
class IncidentGroupingTest {
    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    private static final Duration GAP = Duration.ofMinutes(5);

    @Test
    void signalsWithinTheGapOfEachOtherFormOneIncidentSpanningThemAtTheHighestSeverity() {
        IncidentGrouping g = new IncidentGrouping(List.of(), GAP, UUID::randomUUID);
        IncidentGrouping.Span first = g.place(T0, T0.plusSeconds(10), Severity.LOW);
        IncidentGrouping.Span second = g.place(T0.plusSeconds(60), T0.plusSeconds(70), Severity.HIGH);
        IncidentGrouping.Span third = g.place(T0.plusSeconds(70).plus(GAP), T0.plusSeconds(400), Severity.MEDIUM);

        assertSame(first, second);
        assertSame(first, third);
        assertTrue(first.opened);
        assertEquals(T0, first.first);
        assertEquals(T0.plusSeconds(400), first.last);
        assertEquals(Severity.HIGH, first.severity);
    }

    @Test
    void aSignalMoreThanTheGapAfterTheLastOneOpensANewIncident() {
        IncidentGrouping g = new IncidentGrouping(List.of(), GAP, UUID::randomUUID);
        IncidentGrouping.Span first = g.place(T0, T0, Severity.HIGH);
        IncidentGrouping.Span later = g.place(T0.plus(GAP).plusSeconds(1), T0.plus(GAP).plusSeconds(1), Severity.LOW);

        assertNotSame(first, later);
        assertEquals(Severity.LOW, later.severity);
        assertEquals(T0, first.last, "the first incident is not widened");
    }

    @Test
    void anUnresolvedStoredIncidentIsJoinedAndRemembersItsSeverityBefore() {
        UUID stored = UUID.randomUUID();
        IncidentGrouping g = new IncidentGrouping(List.of(new IncidentGrouping.Span(stored, false, T0,
                T0.plusSeconds(30), Severity.MEDIUM)), GAP, UUID::randomUUID);
        IncidentGrouping.Span joined = g.place(T0.plusSeconds(200), T0.plusSeconds(201), Severity.HIGH);

        assertEquals(stored, joined.id);
        assertFalse(joined.opened);
        assertEquals(Severity.MEDIUM, joined.severityBefore);
        assertEquals(Severity.HIGH, joined.severity);
        assertEquals(T0.plusSeconds(201), joined.last);
    }

    @Test
    void aLateSignalBeforeAnIncidentButWithinTheGapWidensItBackwards() {
        IncidentGrouping g = new IncidentGrouping(List.of(), GAP, UUID::randomUUID);
        IncidentGrouping.Span span = g.place(T0, T0.plusSeconds(5), Severity.LOW);
        assertSame(span, g.place(T0.minusSeconds(120), T0.minusSeconds(100), Severity.LOW));
        assertEquals(T0.minusSeconds(120), span.first);
    }

    @Test
    void aSignalBridgingTwoStoredIncidentsMergesThemIntoTheOlderOne() {
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        IncidentGrouping.Span olderSpan = new IncidentGrouping.Span(older, false, T0, T0.plusSeconds(100),
                Severity.LOW);
        IncidentGrouping.Span newerSpan = new IncidentGrouping.Span(newer, false, T0.plus(GAP).plusSeconds(200),
                T0.plus(GAP).plusSeconds(210), Severity.HIGH);
        IncidentGrouping g = new IncidentGrouping(List.of(olderSpan, newerSpan), GAP, UUID::randomUUID);

        IncidentGrouping.Span joined = g.place(T0.plusSeconds(250), T0.plusSeconds(250), Severity.LOW);

        assertEquals(older, joined.id, "the incident people saw first survives");
        assertEquals(T0, joined.first);
        assertEquals(T0.plus(GAP).plusSeconds(210), joined.last);
        assertEquals(Severity.HIGH, joined.severity, "the merged incident is as severe as the worse of the two");
        assertEquals(Map.of(newerSpan, olderSpan), g.storedMerges());
        assertSame(olderSpan, g.survivorOf(newerSpan));
        assertSame(joined, g.place(T0.plus(GAP).plusSeconds(220), T0.plus(GAP).plusSeconds(220), Severity.LOW),
                "the merged-away incident takes no further signals");
    }

    @Test
    void twoIncidentsThatDoNotComeWithinTheGapStaySeparate() {
        IncidentGrouping.Span a = new IncidentGrouping.Span(UUID.randomUUID(), false, T0, T0.plusSeconds(10),
                Severity.LOW);
        IncidentGrouping.Span b = new IncidentGrouping.Span(UUID.randomUUID(), false, T0.plus(GAP).plusSeconds(60),
                T0.plus(GAP).plusSeconds(70), Severity.LOW);
        IncidentGrouping g = new IncidentGrouping(List.of(a, b), GAP, UUID::randomUUID);
        assertSame(a, g.place(T0.plusSeconds(20), T0.plusSeconds(20), Severity.LOW));
        assertTrue(g.storedMerges().isEmpty());
    }

    @Test
    void anIncidentOpenedInTheBatchThatComesToOverlapAStoredOneIsFoldedIntoIt() {
        IncidentGrouping.Span stored = new IncidentGrouping.Span(UUID.randomUUID(), false, T0.plusSeconds(1000),
                T0.plusSeconds(1010), Severity.MEDIUM);
        IncidentGrouping g = new IncidentGrouping(List.of(stored), GAP, UUID::randomUUID);
        IncidentGrouping.Span fresh = g.place(T0, T0, Severity.LOW);
        assertTrue(fresh.opened);
        IncidentGrouping.Span widened = g.place(T0.plusSeconds(250), T0.plusSeconds(700), Severity.LOW);
        assertSame(stored, widened);
        assertSame(stored, g.survivorOf(fresh));
        assertEquals(T0, stored.first);
        assertTrue(g.storedMerges().isEmpty(), "nothing stored was merged away");
    }

    private static final IncidentGrouping.Onset ONSET = new IncidentGrouping.Onset(3, Duration.ofMinutes(1));

    private static IncidentGrouping.Span stored(Instant first, Instant last, Map<String, Instant> firstSignalOf) {
        return new IncidentGrouping.Span(UUID.randomUUID(), first, last, Severity.MEDIUM, firstSignalOf, false);
    }

    @Test
    void anOnsetOnThreeVariablesNearAnIsolatedFalseAlarmOpensItsOwnIncidentAndClosesTheFalseAlarmToIt() {
        IncidentGrouping.Span blip = stored(T0, T0, Map.of("a", T0));
        IncidentGrouping g = new IncidentGrouping(List.of(blip), GAP, ONSET, UUID::randomUUID);
        Instant onset = T0.plusSeconds(196);
        List.of("b", "c", "a").forEach(v -> g.announce(v, onset));
        g.announce("d", onset.plusSeconds(8));

        IncidentGrouping.Span first = g.place("b", onset, onset, Severity.MEDIUM);
        assertNotSame(blip, first, "the onset does not join the false alarm within the gap");
        assertTrue(first.opened);
        assertSame(first, g.place("c", onset, onset, Severity.MEDIUM));
        assertSame(first, g.place("a", onset, onset, Severity.MEDIUM), "the false alarm's variable joins the onset");
        assertSame(first, g.place("d", onset.plusSeconds(8), onset.plusSeconds(8), Severity.HIGH));
        assertEquals(T0, blip.last, "the closed incident is not widened");
        assertSame(first, blip.supersededBy);
        assertEquals(Map.of(blip, first), g.supersessions());
        assertTrue(g.storedMerges().isEmpty(), "a superseded incident is not merged into the onset's");
    }

    @Test
    void anOnsetSplitAcrossBatchesStillOpensItsOwnIncident() {
        Instant onset = T0.plusSeconds(100);
        // an earlier batch carried the first two variables of the onset into the false alarm's incident
        IncidentGrouping.Span blip = stored(T0, onset, Map.of("a", T0, "b", onset, "c", onset));
        IncidentGrouping g = new IncidentGrouping(List.of(blip), GAP, ONSET, UUID::randomUUID);
        g.announce("d", onset.plusSeconds(4));

        IncidentGrouping.Span next = g.place("d", onset.plusSeconds(4), onset.plusSeconds(4), Severity.MEDIUM);
        assertNotSame(blip, next);
        assertSame(next, blip.supersededBy);
    }

    @Test
    void signalsOnFewerVariablesThanAnOnsetJoinTheIncidentWithinTheGap() {
        IncidentGrouping.Span blip = stored(T0, T0, Map.of("a", T0));
        IncidentGrouping g = new IncidentGrouping(List.of(blip), GAP, ONSET, UUID::randomUUID);
        g.announce("b", T0.plusSeconds(120));
        g.announce("c", T0.plusSeconds(200));

        assertSame(blip, g.place("b", T0.plusSeconds(120), T0.plusSeconds(120), Severity.MEDIUM));
        assertSame(blip, g.place("c", T0.plusSeconds(200), T0.plusSeconds(200), Severity.MEDIUM),
                "b and c began more than the onset window apart");
        assertTrue(g.supersessions().isEmpty());
    }

    @Test
    void anIncidentAlreadyOnThreeVariablesTakesTheNextOnset() {
        IncidentGrouping.Span broad = stored(T0, T0.plusSeconds(10), Map.of("a", T0, "b", T0, "c", T0.plusSeconds(10)));
        IncidentGrouping g = new IncidentGrouping(List.of(broad), GAP, ONSET, UUID::randomUUID);
        Instant later = T0.plusSeconds(200);
        List.of("d", "e", "f").forEach(v -> g.announce(v, later));

        assertSame(broad, g.place("d", later, later, Severity.MEDIUM));
        assertTrue(g.supersessions().isEmpty());
    }

    @Test
    void anIncidentThatBeganWithinTheOnsetWindowIsTheOnsetItself() {
        IncidentGrouping g = new IncidentGrouping(List.of(), GAP, ONSET, UUID::randomUUID);
        List.of("a", "b", "c").forEach(v -> g.announce(v, T0.plusSeconds(v.charAt(0) - 'a')));
        IncidentGrouping.Span first = g.place("a", T0, T0, Severity.MEDIUM);
        assertSame(first, g.place("b", T0.plusSeconds(1), T0.plusSeconds(1), Severity.MEDIUM));
        assertSame(first, g.place("c", T0.plusSeconds(2), T0.plusSeconds(2), Severity.MEDIUM));
        assertTrue(g.supersessions().isEmpty());
    }

    @Test
    void anIncidentWithAnAnomalyDetectionIsNeverContained() {
        IncidentGrouping.Span model = new IncidentGrouping.Span(UUID.randomUUID(), T0, T0, Severity.HIGH, Map.of(),
                true);
        IncidentGrouping g = new IncidentGrouping(List.of(model), GAP, ONSET, UUID::randomUUID);
        Instant later = T0.plusSeconds(200);
        List.of("a", "b", "c").forEach(v -> g.announce(v, later));
        assertSame(model, g.place("a", later, later, Severity.MEDIUM));
    }

    @Test
    void withoutAnOnsetRuleSignalsWithinTheGapAlwaysJoin() {
        IncidentGrouping.Span blip = stored(T0, T0, Map.of("a", T0));
        IncidentGrouping g = new IncidentGrouping(List.of(blip), GAP, IncidentGrouping.Onset.NEVER, UUID::randomUUID);
        Instant onset = T0.plusSeconds(196);
        List.of("b", "c", "d").forEach(v -> g.announce(v, onset));
        assertSame(blip, g.place("b", onset, onset, Severity.MEDIUM));
    }

    @Test
    void anEarlierIsolatedSignalArrivingAfterAnOnsetIncidentDoesNotJoinItNorMergeWithIt() {
        Instant onset = T0.plusSeconds(196);
        IncidentGrouping.Span fault = stored(onset, onset.plusSeconds(30), Map.of("b", onset, "c", onset, "d",
                onset.plusSeconds(8)));
        IncidentGrouping g = new IncidentGrouping(List.of(fault), GAP, ONSET, UUID::randomUUID);
        g.announce("a", T0);
        g.announce("e", onset.plusSeconds(40));

        IncidentGrouping.Span lagging = g.place("a", T0, T0, Severity.MEDIUM);
        assertNotSame(fault, lagging, "the false alarm before the onset stays apart although within the gap");
        assertEquals(onset, fault.first, "the onset's incident does not reach back");
        assertSame(fault, g.place("e", onset.plusSeconds(40), onset.plusSeconds(40), Severity.MEDIUM));
        assertTrue(g.storedMerges().isEmpty());
        assertSame(lagging, g.survivorOf(lagging), "nor is the false alarm merged into it");
    }
}
