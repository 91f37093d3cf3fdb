package io.poka.scoring.internal.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a line's readings, which arrive one variable at a time, into the rows a model scores: one row per time
 * step with a value for each of the model's variables. A step is complete when every variable has arrived;
 * incomplete steps are dropped (and counted) once too many newer ones are waiting, so a dead sensor cannot hold
 * back scoring or grow memory without bound.
 */
public final class RowAssembler {
    /** One complete time step, values in the model's variable order. */
    public record Row(Instant timestamp, double[] values) {
    }

    private final List<String> variables;
    private final Map<String, Integer> column = new HashMap<>();
    private final int maxPending;
    private final TreeMap<Instant, double[]> pending = new TreeMap<>();
    private final TreeMap<Instant, Integer> filled = new TreeMap<>();
    private long dropped;

    public RowAssembler(List<String> variables, int maxPending) {
        this.variables = List.copyOf(variables);
        for (int i = 0; i < variables.size(); i++) {
            column.put(variables.get(i), i);
        }
        this.maxPending = maxPending;
    }

    List<String> variables() {
        return variables;
    }

    /** Adds a reading; readings of variables the model does not use are ignored. */
    public void add(Instant timestamp, String variable, double value) {
        Integer c = column.get(variable);
        if (c == null) {
            return;
        }
        double[] row = pending.computeIfAbsent(timestamp, t -> {
            double[] fresh = new double[variables.size()];
            Arrays.fill(fresh, Double.NaN);
            return fresh;
        });
        if (Double.isNaN(row[c])) {
            filled.merge(timestamp, 1, Integer::sum);
        }
        row[c] = value;
    }

    /** Removes and returns the complete steps, oldest first, and drops the oldest incomplete ones beyond the limit. */
    public List<Row> drainComplete() {
        List<Row> complete = new ArrayList<>();
        var it = filled.entrySet().iterator();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getValue() == variables.size()) {
                complete.add(new Row(e.getKey(), pending.remove(e.getKey())));
                it.remove();
            }
        }
        while (pending.size() > maxPending) {
            Instant oldest = pending.firstKey();
            pending.remove(oldest);
            filled.remove(oldest);
            dropped++;
        }
        return complete;
    }

    /** Incomplete steps still waiting for variables. */
    public int pending() {
        return pending.size();
    }

    /** Incomplete steps dropped so far. */
    long dropped() {
        return dropped;
    }
}
