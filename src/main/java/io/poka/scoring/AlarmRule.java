package io.poka.scoring;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.poka.platform.ValidationProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How an anomaly score series becomes alarms: part of a served model (its threshold applies to the rule's output) and
 * applied identically to every monitor of a comparison, so that delay and false alarms compare like with like. Most
 * faults persist while single noisy rows do not, so a statistic over recent rows separates them better than one row.
 * <ul>
 * <li>{@code EWMA}: s_t = lambda r_t + (1 - lambda) s_t-1 (Roberts, Technometrics 1959), s before the first row =
 * {@code start};</li>
 * <li>{@code K_OF_N}: s_t = the k-th largest of the last n raw scores (rows before the first count as {@code start}),
 * so s_t above the threshold means at least k of the last n rows were;</li>
 * <li>{@code NONE}: s_t = r_t.</li>
 * </ul>
 *
 * @param lambda EWMA weight of the newest score, in (0, 1]; only for EWMA
 * @param k exceedances needed, 1 <= k <= n; only for K_OF_N
 * @param n rows looked back, the row itself included, at most {@link #MAX_N}; only for K_OF_N
 * @param start the value assumed for the rows before the first (set at training: the median cross-fitted raw score
 *        of normal rows, i.e. "the process was normal"); null in a request
 */
@Schema(name = "AlarmRule")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlarmRule(Kind kind, Double lambda, Integer k, Integer n, Double start) {

    /** Largest n of a k-of-n rule, for served models and comparisons alike. */
    public static final int MAX_N = 100;

    /**
     * The three rules. Published as schema {@code Kind1}, the name the alarm rule's kind had before its two copies
     * were merged, so that the schema {@code Kind} (a telemetry variable's kind) and generated clients keep theirs.
     */
    @Schema(name = "Kind1")
    public enum Kind {
        NONE, EWMA, K_OF_N
    }

    public static final AlarmRule NONE = new AlarmRule(Kind.NONE, null, null, null, null);

    /** A rule without its starting value (a request's). */
    public AlarmRule(Kind kind, Double lambda, Integer k, Integer n) {
        this(kind, lambda, k, n, null);
    }

    public static AlarmRule ewma(double lambda) {
        return new AlarmRule(Kind.EWMA, lambda, null, null, null);
    }

    public static AlarmRule kOfN(int k, int n) {
        return new AlarmRule(Kind.K_OF_N, null, k, n, null);
    }

    /** This rule with its starting value. */
    public AlarmRule startingAt(double value) {
        return new AlarmRule(kind, lambda, k, n, value);
    }

    /** This rule without its starting value. */
    public AlarmRule withoutStart() {
        return new AlarmRule(kind, lambda, k, n, null);
    }

    /** Rows after which the rule no longer remembers the start (EWMA: weight below 1 %), for warm-up and delay. */
    public int memory() {
        return switch (kind) {
            case NONE -> 0;
            case EWMA -> (int) Math.ceil(Math.log(0.01) / Math.log(1 - lambda));
            case K_OF_N -> n - 1;
        };
    }

    /**
     * Validation problems of a requested rule, field names under {@code prefix}: the kind, its own parameters in range,
     * no parameter of another kind, no {@code start} (training sets it).
     */
    public List<ValidationProblem.FieldError> problems(String prefix) {
        List<ValidationProblem.FieldError> errors = new ArrayList<>();
        if (start != null) {
            errors.add(new ValidationProblem.FieldError(prefix + ".start", "is set by training, not in a request"));
        }
        if (kind == null) {
            errors.add(new ValidationProblem.FieldError(prefix + ".kind", "must be NONE, EWMA or K_OF_N"));
            return errors;
        }
        switch (kind) {
            case EWMA -> {
                if (lambda == null || !(lambda > 0 && lambda <= 1)) {
                    errors.add(new ValidationProblem.FieldError(prefix + ".lambda", "EWMA needs lambda in (0, 1]"));
                }
                if (k != null || n != null) {
                    errors.add(new ValidationProblem.FieldError(prefix, "EWMA takes no k or n"));
                }
            }
            case K_OF_N -> {
                if (n == null || n < 1 || n > MAX_N) {
                    errors.add(new ValidationProblem.FieldError(prefix + ".n", "K_OF_N needs n between 1 and " + MAX_N));
                } else if (k == null || k < 1 || k > n) {
                    errors.add(new ValidationProblem.FieldError(prefix + ".k", "K_OF_N needs k between 1 and n"));
                }
                if (lambda != null) {
                    errors.add(new ValidationProblem.FieldError(prefix, "K_OF_N takes no lambda"));
                }
            }
            case NONE -> {
                if (lambda != null || k != null || n != null) {
                    errors.add(new ValidationProblem.FieldError(prefix, "NONE takes no lambda, k or n"));
                }
            }
        }
        return errors;
    }

    /** The rule if it is complete and in range; a validation problem naming the fields under {@code field} otherwise. */
    public AlarmRule validated(String field) {
        List<ValidationProblem.FieldError> errors = problems(field);
        if (!errors.isEmpty()) {
            throw new ValidationProblem("Invalid alarm rule", errors);
        }
        return this;
    }

    /** The post-processed scores of one series of consecutive raw scores, starting from {@link #start()}. */
    public double[] apply(double[] raw) {
        State s = newState();
        double[] out = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = s.next(raw[i]);
        }
        return out;
    }

    /** Fresh state, as if every row before the first had scored {@link #start()} (0 when not set yet). */
    public State newState() {
        return new State(this);
    }

    /**
     * A state that continues from {@code memory} (as {@link State#memory()} returned it under this rule), so a line's
     * new owner flags its next rows exactly as the old owner would have.
     */
    public State resumed(double[] memory) {
        State s = new State(this);
        if (kind == Kind.EWMA && memory.length == 1) {
            s.ewma = memory[0];
        } else if (kind == Kind.K_OF_N && memory.length == s.recent.length) {
            System.arraycopy(memory, 0, s.recent, 0, memory.length);
        } else if (memory.length != 0 || kind != Kind.NONE) {
            throw new IllegalArgumentException("A memory of " + memory.length + " values does not fit rule " + this);
        }
        return s;
    }

    /** True when the limit applies to a transformed score (EWMA), so a limit set on raw scores no longer holds. */
    @JsonIgnore
    public boolean changesScores() {
        return kind == Kind.EWMA;
    }

    /**
     * For comparisons of monitors whose history rows have no score: the score series the limit applies to, the
     * scores themselves or their EWMA. NaN scores stay NaN and do not enter the average; it starts at the first scored
     * row (not at {@code start}).
     */
    public double[] smooth(double[] scores) {
        if (kind != Kind.EWMA) {
            return scores;
        }
        double[] out = new double[scores.length];
        double s = Double.NaN;
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                out[i] = Double.NaN;
                continue;
            }
            s = Double.isNaN(s) ? scores[i] : lambda * scores[i] + (1 - lambda) * s;
            out[i] = s;
        }
        return out;
    }

    /**
     * Which rows raise an alarm, given the (already {@link #smooth smoothed}) scores and the limit: K_OF_N counts the
     * exceedances among the last n rows (rows before the first count as none). NaN never exceeds.
     */
    public boolean[] alarms(double[] smoothed, double limit) {
        boolean[] above = new boolean[smoothed.length];
        for (int i = 0; i < smoothed.length; i++) {
            above[i] = smoothed[i] > limit;
        }
        if (kind != Kind.K_OF_N) {
            return above;
        }
        boolean[] out = new boolean[above.length];
        int inWindow = 0;
        for (int i = 0; i < above.length; i++) {
            inWindow += above[i] ? 1 : 0;
            if (i >= n && above[i - n]) {
                inWindow--;
            }
            out[i] = inWindow >= k;
        }
        return out;
    }

    /** The rule in words, for provenance: "none", "EWMA lambda 0.2", "2 of 3". */
    public String label() {
        return switch (kind) {
            case NONE -> "none";
            case EWMA -> "EWMA lambda " + lambda;
            case K_OF_N -> k + " of " + n;
        };
    }

    /** Running state of the rule over one series (one line in streaming); not thread-safe. */
    public static final class State {
        private final AlarmRule rule;
        private final double[] recent;
        private int next;
        private double ewma;

        private State(AlarmRule rule) {
            this.rule = rule;
            double start = rule.start == null ? 0 : rule.start;
            this.ewma = start;
            this.recent = new double[rule.kind == Kind.K_OF_N ? rule.n : 0];
            Arrays.fill(recent, start);
        }

        /** Feeds one raw score; returns the post-processed score. */
        public double next(double raw) {
            switch (rule.kind) {
                case EWMA -> {
                    ewma = rule.lambda * raw + (1 - rule.lambda) * ewma;
                    return ewma;
                }
                case K_OF_N -> {
                    recent[next] = raw;
                    next = (next + 1) % recent.length;
                    return kthLargest(recent, rule.k);
                }
                default -> {
                    return raw;
                }
            }
        }

        /**
         * What the rule remembers, for saving: EWMA its value; K_OF_N the last n raw scores, oldest first; NONE nothing.
         */
        public double[] memory() {
            return switch (rule.kind) {
                case EWMA -> new double[] {ewma};
                case K_OF_N -> {
                    double[] ordered = new double[recent.length];
                    for (int i = 0; i < recent.length; i++) {
                        ordered[i] = recent[(next + i) % recent.length];
                    }
                    yield ordered;
                }
                default -> new double[0];
            };
        }

        private static double kthLargest(double[] values, int k) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length - k];
        }
    }
}
