package io.poka.diagnosis.internal;

import io.poka.telemetry.StoredReading;
import io.poka.telemetry.TelemetryApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Reads a window of rows from a line's stored telemetry: the newest {@code rows} readings of each variable up to and
 * including the window's end, the i-th reading of every variable forming row i (the plant samples all variables
 * together, as the TEP replay does).
 */
@ApplicationScoped
class TelemetryWindows {

    /** Rows in time order with the times of the first and last. */
    record Window(double[][] rows, Instant from, Instant to) {
    }

    private final TelemetryApi telemetry;

    TelemetryWindows(TelemetryApi telemetry) {
        this.telemetry = telemetry;
    }

    /** @throws DiagnosisProblems.NotEnoughReadingsProblem when a variable has fewer than {@code rows} readings */
    Window window(String line, List<String> variables, Instant end, int rows) {
        double[][] out = new double[rows][variables.size()];
        Instant from = null;
        Instant to = null;
        for (int j = 0; j < variables.size(); j++) {
            String variable = variables.get(j);
            List<StoredReading> readings = telemetry.latestReadings(line, variable, end.plusNanos(1000), rows);
            if (readings.size() < rows) {
                throw new DiagnosisProblems.NotEnoughReadingsProblem(line, variable, readings.size(), rows);
            }
            for (int i = 0; i < rows; i++) {
                StoredReading r = readings.get(i);
                out[i][j] = r.value();
                from = from == null || r.timestamp().isBefore(from) ? r.timestamp() : from;
                to = to == null || r.timestamp().isAfter(to) ? r.timestamp() : to;
            }
        }
        return new Window(out, from, to);
    }
}
