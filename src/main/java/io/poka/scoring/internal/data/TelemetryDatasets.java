package io.poka.scoring.internal.data;

import io.poka.platform.ValidationProblem;
import io.poka.scoring.internal.ScoringConfig;
import io.poka.scoring.internal.stream.RowAssembler;
import io.poka.telemetry.StoredReading;
import io.poka.telemetry.TelemetryApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/**
 * Builds a data set (and the anomaly timeline its rows) from stored telemetry: the readings of chosen variables of one line in a time range, pivoted
 * into one row per time step (the same pivot streaming scoring uses), so a model can be trained on what the plant
 * actually recorded. Steps that miss a variable are left out and counted.
 */
@ApplicationScoped
public class TelemetryDatasets {
    /** What the data set was built from. */
    public record Selection(String name, String line, List<String> variables, Instant from, Instant to) {
    }

    /** The stored data set and how many incomplete time steps were left out. */
    public record Built(Datasets.DatasetView dataset, int incompleteStepsLeftOut) {
    }

    private final TelemetryApi telemetry;
    private final Datasets datasets;
    private final ScoringConfig config;

    TelemetryDatasets(TelemetryApi telemetry, Datasets datasets, ScoringConfig config) {
        this.telemetry = telemetry;
        this.datasets = datasets;
        this.config = config;
    }

    @Transactional
    public Built build(Selection s, String actor) {
        if (s.line() == null || s.line().isBlank()) {
            throw new ValidationProblem("line", "is required");
        }
        if (s.variables() == null || s.variables().size() < 2 || new HashSet<>(s.variables()).size() != s.variables().size()) {
            throw new ValidationProblem("variables", "at least two distinct variables of the line");
        }
        if (s.from() == null || s.to() == null || !s.from().isBefore(s.to())) {
            throw new ValidationProblem("from", "from and to are required, from before to");
        }
        for (String variable : s.variables()) {
            if (telemetry.variable(s.line(), variable).isEmpty()) {
                throw new ValidationProblem("variables", "'" + variable + "' is not in the catalogue of line '" + s.line() + "'");
            }
        }
        Pivoted pivoted = pivot(s.line(), s.variables(), s.from(), s.to(), config.maxDatasetRows() + 1);
        return new Built(datasets.store(s.name(), pivoted.table(s.variables()), actor), pivoted.incompleteSteps());
    }

    /** Complete time steps, oldest first; steps missing a variable counted; truncated when a variable hit the limit. */
    public record Pivoted(List<RowAssembler.Row> rows, int incompleteSteps, boolean truncated) {
        public NumericTable table(List<String> variables) {
            return new NumericTable(variables, rows.stream().map(RowAssembler.Row::values).toArray(double[][]::new));
        }
    }

    /**
     * The line's last complete time steps of these variables before {@code before}, at most {@code steps}, oldest
     * first (reads the newest {@code steps} readings of each variable).
     */
    public List<RowAssembler.Row> latest(String line, List<String> variables, Instant before, int steps) {
        if (steps <= 0) {
            return List.of();
        }
        RowAssembler pivot = new RowAssembler(variables, Integer.MAX_VALUE);
        for (String variable : variables) {
            for (StoredReading r : telemetry.latestReadings(line, variable, before, steps)) {
                pivot.add(r.timestamp(), r.variable(), r.value());
            }
        }
        List<RowAssembler.Row> complete = pivot.drainComplete();
        return complete.subList(Math.max(0, complete.size() - steps), complete.size());
    }

    /** The line's readings of these variables in [from, to), at most {@code limit} per variable, one row per step. */
    public Pivoted pivot(String line, List<String> variables, Instant from, Instant to, int limit) {
        RowAssembler pivot = new RowAssembler(variables, Integer.MAX_VALUE);
        boolean truncated = false;
        for (String variable : variables) {
            List<StoredReading> readings = telemetry.readings(line, variable, from, to, limit);
            truncated |= readings.size() >= limit;
            for (StoredReading r : readings) {
                pivot.add(r.timestamp(), r.variable(), r.value());
            }
        }
        return new Pivoted(pivot.drainComplete(), pivot.pending(), truncated);
    }
}
