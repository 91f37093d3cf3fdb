package io.poka.alerts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The severity table of docs/telemetry-spc-alerts.md ("Severity"), row by row. */
class SeverityTest {

    @ParameterizedTest(name = "{1} on {0} is {2}")
    @CsvSource({
            "INDIVIDUALS, WE1, HIGH", "INDIVIDUALS, NELSON1, HIGH", "XBAR, WE1, HIGH", "RANGE, NELSON1, HIGH",
            "STDDEV, NELSON1, HIGH", "RESIDUALS, NELSON1, HIGH", "P, WE1, HIGH", "NP, WE1, HIGH", "C, WE1, HIGH", "U, WE1, HIGH",
            "P, WE2, MEDIUM", "C, WE3, MEDIUM", "U, WE4, LOW",
            "MOVING_RANGE, NELSON1, MEDIUM", "EWMA, NELSON1, MEDIUM", "CUSUM, CUSUM_UPPER, MEDIUM",
            "CUSUM, CUSUM_LOWER, MEDIUM", "INDIVIDUALS, WE2, MEDIUM", "XBAR, WE3, MEDIUM", "INDIVIDUALS, NELSON5, MEDIUM",
            "INDIVIDUALS, NELSON6, MEDIUM",
            "INDIVIDUALS, WE4, LOW", "XBAR, NELSON2, LOW", "INDIVIDUALS, NELSON3, LOW", "INDIVIDUALS, NELSON4, LOW",
            "INDIVIDUALS, NELSON7, LOW", "INDIVIDUALS, NELSON8, LOW"})
    void severityFollowsTheDocumentedTable(String chart, String rule, Severity expected) {
        assertEquals(expected, Severity.of(chart, rule));
    }

    @Test
    void theHigherOfTwoSeveritiesIsTheIncidentsSeverity() {
        assertEquals(Severity.HIGH, Severity.LOW.orHigher(Severity.HIGH));
        assertEquals(Severity.HIGH, Severity.HIGH.orHigher(Severity.MEDIUM));
        assertEquals(Severity.MEDIUM, Severity.MEDIUM.orHigher(Severity.LOW));
    }

    @Test
    void anAnomalyIsHighFromTheConfiguredMultipleOfItsThresholdOnAndMediumBelow() {
        assertEquals(Severity.HIGH, Severity.ofAnomaly(2.0, 1.0, 2.0));
        assertEquals(Severity.MEDIUM, Severity.ofAnomaly(1.99, 1.0, 2.0));
    }
}
