package io.poka.prognostics;

import java.time.Instant;

/** The RUL estimated at the end of one cycle (1-based), with its interval. */
public record RulPoint(int cycle, Instant at, double rul, double lower, double upper) {
}
