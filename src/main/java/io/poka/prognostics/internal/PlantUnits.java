package io.poka.prognostics.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.ValidationProblem;
import io.poka.prognostics.RulSourceSpec;
import io.poka.prognostics.internal.model.UnitHistory;
import io.poka.scoring.ScoringApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plant's own run-to-failure units: from a stored data set (uploaded CSV or built from telemetry, in the scoring
 * registry) grouped by the unit column and ordered by the cycle column, or from telemetry lines (one unit per line,
 * one cycle per timestamp with every feature); the remaining life of a row is the unit's failure cycle (its last
 * cycle, or the failure column's value) minus the row's cycle. Everything that makes the data unusable is refused
 * before a job is queued ({@link RulDataProblem}, 422; a malformed request 400; an unknown data set or line 404).
 */
@ApplicationScoped
public class PlantUnits {
    /** Fewest units a plant data set may have: the folds by unit need units on both sides. */
    static final int MIN_UNITS = RulTrainingJobs.MIN_UNITS;

    private final ScoringApi scoring;
    private final TelemetryUnits telemetry;
    private final PrognosticsConfig config;
    private final Clock clock;
    private final ObjectMapper json;

    PlantUnits(ScoringApi scoring, TelemetryUnits telemetry, PrognosticsConfig config, Clock clock, ObjectMapper json) {
        this.scoring = scoring;
        this.telemetry = telemetry;
        this.config = config;
        this.clock = clock;
        this.json = json;
    }

    /** The training units the spec names, checked; {@code window} and {@code cap} may be null (configuration). */
    public RulSource resolve(RulSourceSpec spec, Integer window, Integer cap) {
        List<ValidationProblem.FieldError> errors = new ArrayList<>();
        boolean fromDataset = spec.datasetId() != null;
        boolean fromLines = spec.lines() != null && !spec.lines().isEmpty();
        if (fromDataset == fromLines) {
            errors.add(new ValidationProblem.FieldError("datasetId", "name either datasetId or lines (not both)"));
        }
        if (spec.featureColumns() == null || spec.featureColumns().isEmpty()) {
            errors.add(new ValidationProblem.FieldError("featureColumns", "at least one feature column"));
        }
        if (fromDataset && blank(spec.unitColumn())) {
            errors.add(new ValidationProblem.FieldError("unitColumn", "the column naming each row's unit"));
        }
        if (fromDataset && blank(spec.cycleColumn())) {
            errors.add(new ValidationProblem.FieldError("cycleColumn", "the column giving each row's cycle or time"));
        }
        if (fromLines && !blank(spec.failureColumn())) {
            errors.add(new ValidationProblem.FieldError("failureColumn", "telemetry lines fail at their last cycle;"
                    + " a failure column needs a data set"));
        }
        if (window != null && (window < 1 || window > 500)) {
            errors.add(new ValidationProblem.FieldError("window", "between 1 and 500 cycles"));
        }
        if (cap != null && (cap < 1 || cap > 1_000_000)) {
            errors.add(new ValidationProblem.FieldError("cap", "between 1 and 1000000"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem("invalid RUL training source", errors);
        }
        List<UnitHistory> units;
        String name;
        String dataFingerprint;
        if (fromDataset) {
            ScoringApi.Dataset d = dataset(spec);
            units = fromTable(d, spec, true);
            name = d.name();
            dataFingerprint = d.fingerprint();
        } else {
            units = fromLines(spec);
            name = "telemetry";
            dataFingerprint = String.join("\n", units.stream().map(u -> u.unit() + ":" + u.cycles() + ":"
                    + Arrays.deepHashCode(u.rows())).toList());
        }
        if (units.size() < MIN_UNITS) {
            throw RulDataProblem.tooFewUnits(units.size(), MIN_UNITS);
        }
        return new RulSource(name, RulTraining.sha256((dataFingerprint + "\n" + write(spec))
                .getBytes(StandardCharsets.UTF_8)), units, List.copyOf(spec.featureColumns()), spec, window, cap);
    }

    /**
     * Units still running, to predict: the data set's rows grouped by {@code unitColumn}, ordered by
     * {@code cycleColumn}, with the model's features (no failure needed).
     */
    public List<UnitHistory> running(java.util.UUID datasetId, String unitColumn, String cycleColumn,
            List<String> features) {
        List<ValidationProblem.FieldError> errors = new ArrayList<>();
        if (datasetId == null) {
            errors.add(new ValidationProblem.FieldError("datasetId", "the data set of running units"));
        }
        if (blank(unitColumn)) {
            errors.add(new ValidationProblem.FieldError("unitColumn", "the column naming each row's unit"));
        }
        if (blank(cycleColumn)) {
            errors.add(new ValidationProblem.FieldError("cycleColumn", "the column giving each row's cycle or time"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem("invalid RUL prediction request", errors);
        }
        RulSourceSpec spec = new RulSourceSpec(datasetId, null, unitColumn, cycleColumn, features, null);
        return fromTable(dataset(spec), spec, false);
    }

    private ScoringApi.Dataset dataset(RulSourceSpec spec) {
        return scoring.dataset(spec.datasetId()).orElseThrow(() -> new NotFoundProblem("Dataset", spec.datasetId()));
    }

    private static List<UnitHistory> fromTable(ScoringApi.Dataset d, RulSourceSpec spec, boolean training) {
        List<String> cols = d.variables();
        List<String> wanted = new ArrayList<>();
        wanted.add(spec.unitColumn());
        wanted.add(spec.cycleColumn());
        wanted.addAll(spec.featureColumns());
        if (!blank(spec.failureColumn())) {
            wanted.add(spec.failureColumn());
        }
        List<String> unknown = wanted.stream().filter(c -> !cols.contains(c)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw RulDataProblem.unknownColumns(unknown, cols);
        }
        int unitCol = cols.indexOf(spec.unitColumn());
        int cycleCol = cols.indexOf(spec.cycleColumn());
        int[] featureCols = spec.featureColumns().stream().mapToInt(cols::indexOf).toArray();
        int failureCol = blank(spec.failureColumn()) ? -1 : cols.indexOf(spec.failureColumn());
        List<String> badColumns = new ArrayList<>();
        int badCells = 0;
        List<String> numeric = new ArrayList<>();
        numeric.add(spec.unitColumn());
        numeric.add(spec.cycleColumn());
        numeric.addAll(spec.featureColumns());
        for (String c : numeric.stream().distinct().toList()) {
            int j = cols.indexOf(c);
            int bad = (int) Arrays.stream(d.rows()).filter(r -> !Double.isFinite(r[j])).count();
            if (bad > 0) {
                badColumns.add(c);
                badCells += bad;
            }
        }
        if (!badColumns.isEmpty()) {
            throw RulDataProblem.nonNumeric(badColumns, badCells);
        }
        Map<String, List<double[]>> byUnit = new LinkedHashMap<>();
        for (double[] r : d.rows()) {
            byUnit.computeIfAbsent(unitName(r[unitCol]), u -> new ArrayList<>()).add(r);
        }
        List<UnitHistory> units = new ArrayList<>();
        List<String> withoutFailure = new ArrayList<>();
        List<String> failedEarly = new ArrayList<>();
        byUnit.forEach((unit, rows) -> {
            rows.sort(Comparator.comparingDouble(r -> r[cycleCol]));
            double[][] x = new double[rows.size()][featureCols.length];
            for (int i = 0; i < rows.size(); i++) {
                for (int c = 0; c < featureCols.length; c++) {
                    x[i][c] = rows.get(i)[featureCols[c]];
                }
            }
            double[] rul = null;
            if (training) {
                double last = rows.get(rows.size() - 1)[cycleCol];
                double failure = last;
                if (failureCol >= 0) {
                    failure = rows.stream().mapToDouble(r -> r[failureCol]).filter(Double::isFinite).findFirst()
                            .orElse(Double.NaN);
                    if (Double.isNaN(failure)) {
                        withoutFailure.add(unit);
                        return;
                    }
                    if (failure < last) {
                        failedEarly.add(unit);
                        return;
                    }
                }
                rul = new double[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    rul[i] = failure - rows.get(i)[cycleCol];
                }
            }
            units.add(new UnitHistory(unit, x, rul));
        });
        if (!withoutFailure.isEmpty()) {
            throw RulDataProblem.withoutFailure(spec.failureColumn(), withoutFailure);
        }
        if (!failedEarly.isEmpty()) {
            throw RulDataProblem.failureBeforeLastCycle(spec.failureColumn(), failedEarly);
        }
        return units;
    }

    private List<UnitHistory> fromLines(RulSourceSpec spec) {
        List<UnitHistory> units = new ArrayList<>();
        for (String line : spec.lines().stream().distinct().toList()) {
            TelemetryUnits.Cycles c = telemetry.cycles(line, spec.featureColumns(), clock.instant().plusNanos(1),
                    config.maxCycles());
            int n = c.rows().length;
            double[] rul = new double[n];
            for (int i = 0; i < n; i++) {
                rul[i] = n - 1 - i;
            }
            units.add(new UnitHistory(line, c.rows(), rul));
        }
        return units;
    }

    /** A numeric unit id as text without a trailing ".0". */
    static String unitName(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
