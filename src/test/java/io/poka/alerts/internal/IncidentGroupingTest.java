package io.poka.alerts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    void whenTwoIncidentsQualifyTheOneWithTheNewestSignalIsJoined() {
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        IncidentGrouping g = new IncidentGrouping(List.of(
                new IncidentGrouping.Span(older, false, T0, T0.plusSeconds(100), Severity.LOW),
                new IncidentGrouping.Span(newer, false, T0.plusSeconds(150), T0.plusSeconds(160), Severity.LOW)),
                GAP, UUID::randomUUID);
        assertEquals(newer, g.place(T0.plusSeconds(170), T0.plusSeconds(170), Severity.LOW).id);
    }
}
