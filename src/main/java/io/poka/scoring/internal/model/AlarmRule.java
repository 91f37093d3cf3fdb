package io.poka.scoring.internal.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.poka.platform.ValidationProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Post-processing of the raw anomaly score over time, part of the model: most faults persist, while single noisy
 * rows do not, so a statistic over recent rows separates them better than one row can. The threshold applies to the
 * post-processed score, batch scoring and streaming apply the same rule, and the cross-fitted calibration measures
 * the false-alarm rate after it (so its effect on delay and on false alarms is both counted).
 * <ul>
 * <li>{@code EWMA}: s_t = lambda r_t + (1 - lambda) s_t-1 (Roberts, Technometrics 1959), s before the first row =
 * {@code start};</li>
 * <li>{@code K_OF_N}: s_t = the k-th largest of the last n raw scores (rows before the first count as {@code start}),
 * so s_t above the threshold means at least k of the last n rows were;</li>
 * <li>{@code NONE}: s_t = r_t.</li>
 * </ul>
 *
 * @param start the value assumed for the rows before the first (set at training: the median cross-fitted raw score
 *        of normal rows, i.e. "the process was normal"); null in a request
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlarmRule(Kind kind, Double lambda, Integer k, Integer n, Double start) {

    public enum Kind {
        NONE, EWMA, K_OF_N
    }

    public static final AlarmRule NONE = new AlarmRule(Kind.NONE, null, null, null, null);

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

    /** Rows after which the rule no longer remembers the start (EWMA: weight below 1 %), for warm-up and delay. */
    public int memory() {
        return switch (kind) {
            case NONE -> 0;
            case EWMA -> (int) Math.ceil(Math.log(0.01) / Math.log(1 - lambda));
            case K_OF_N -> n - 1;
        };
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

    /** Validation problems of a requested rule, field names under {@code prefix}. */
    List<ValidationProblem.FieldError> problems(String prefix) {
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
            }
            case K_OF_N -> {
                if (n == null || n < 1 || n > 100) {
                    errors.add(new ValidationProblem.FieldError(prefix + ".n", "K_OF_N needs n between 1 and 100"));
                } else if (k == null || k < 1 || k > n) {
                    errors.add(new ValidationProblem.FieldError(prefix + ".k", "K_OF_N needs k between 1 and n"));
                }
            }
            case NONE -> { }
        }
        return errors;
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
            java.util.Arrays.fill(recent, start);
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
            java.util.Arrays.sort(sorted);
            return sorted[sorted.length - k];
        }
    }
}
