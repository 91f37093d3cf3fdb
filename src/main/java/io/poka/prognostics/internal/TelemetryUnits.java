package io.poka.prognostics.internal;

import io.poka.platform.NotFoundProblem;
import io.poka.platform.ProblemException;
import io.poka.telemetry.StoredReading;
import io.poka.telemetry.TelemetryApi;
import io.poka.telemetry.VariableDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Unit histories from stored telemetry: a unit is a telemetry line, a cycle is a timestamp at which every sensor the
 * model reads has a reading on that line (timestamps where one is missing are left out), oldest first.
 */
@ApplicationScoped
public class TelemetryUnits {

    /** A line's cycles: their timestamps and rows in the model's sensor order. */
    public record Cycles(List<Instant> at, double[][] rows) {
    }

    /** The line exists but lacks some of the model's sensors (409). */
    static final class MissingSensorsProblem extends ProblemException {
        MissingSensorsProblem(String unit, List<String> missing) {
            super(409, "prognostics/missing-sensors", "Unit lacks sensors",
                    "Line '" + unit + "' has no catalogue entry for " + String.join(", ", missing)
                            + ", which the RUL model reads");
            with("missing", missing);
        }
    }

    /** The line has the sensors but no cycle with all of them (409). */
    static final class NoCyclesProblem extends ProblemException {
        NoCyclesProblem(String unit) {
            super(409, "prognostics/no-cycles", "No complete cycle",
                    "Line '" + unit + "' has no timestamp at which every sensor of the RUL model has a reading");
        }
    }

    private final TelemetryApi telemetry;

    TelemetryUnits(TelemetryApi telemetry) {
        this.telemetry = telemetry;
    }

    /** Lines whose catalogue has every one of the sensors, sorted. */
    public List<String> linesWith(List<String> sensors) {
        Map<String, Set<String>> byLine = telemetry.variables(null).stream().collect(Collectors.groupingBy(
                VariableDefinition::line, TreeMap::new, Collectors.mapping(VariableDefinition::variable, Collectors.toSet())));
        return byLine.entrySet().stream().filter(e -> e.getValue().containsAll(sensors)).map(Map.Entry::getKey).toList();
    }

    /** The newest {@code max} complete cycles of a line before {@code before} (404 unknown line, 409 missing sensors). */
    public Cycles cycles(String unit, List<String> sensors, Instant before, int max) {
        Set<String> defined = telemetry.variables(unit).stream().map(VariableDefinition::variable)
                .collect(Collectors.toSet());
        if (defined.isEmpty()) {
            throw new NotFoundProblem("Unit", unit);
        }
        List<String> missing = sensors.stream().filter(s -> !defined.contains(s)).toList();
        if (!missing.isEmpty()) {
            throw new MissingSensorsProblem(unit, missing);
        }
        TreeMap<Instant, double[]> rows = new TreeMap<>();
        Map<Instant, Integer> seen = new HashMap<>();
        for (int c = 0; c < sensors.size(); c++) {
            for (StoredReading r : telemetry.latestReadings(unit, sensors.get(c), before, max)) {
                double[] row = rows.computeIfAbsent(r.timestamp(), t -> new double[sensors.size()]);
                row[c] = r.value();
                seen.merge(r.timestamp(), 1, Integer::sum);
            }
        }
        List<Instant> at = new ArrayList<>();
        List<double[]> complete = new ArrayList<>();
        rows.forEach((t, row) -> {
            if (seen.get(t) == sensors.size()) {
                at.add(t);
                complete.add(row);
            }
        });
        if (complete.isEmpty()) {
            throw new NoCyclesProblem(unit);
        }
        return new Cycles(at, complete.toArray(double[][]::new));
    }
}
