package io.poka.baselines.internal.anomaly;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.poka.platform.ValidationProblem;

/**
 * How a monitor's score series becomes alarms, applied identically to every monitor of a comparison so that delay
 * and false alarms compare like with like: {@code NONE} (a row alarms when its score exceeds the limit), {@code EWMA}
 * (the score is smoothed, s'_t = lambda s_t + (1 - lambda) s'_t-1, before the limit), or {@code K_OF_N} (a row alarms
 * when at least k of the last n rows, itself included, exceed the limit).
 *
 * @param lambda EWMA weight of the newest score, in (0, 1]; only for EWMA
 * @param k exceedances needed; only for K_OF_N
 * @param n rows looked back, the row itself included; only for K_OF_N
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlarmRule(Kind kind, Double lambda, Integer k, Integer n) {
    /** Largest n of a k-of-n rule. */
    public static final int MAX_N = 50;

    public static final AlarmRule NONE = new AlarmRule(Kind.NONE, null, null, null);

    /** The three rules. */
    public enum Kind {
        NONE, EWMA, K_OF_N
    }

    public static AlarmRule ewma(double lambda) {
        return new AlarmRule(Kind.EWMA, lambda, null, null);
    }

    public static AlarmRule kOfN(int k, int n) {
        return new AlarmRule(Kind.K_OF_N, null, k, n);
    }

    /** The rule if it is complete and in range; a validation problem on {@code field} otherwise. */
    public AlarmRule validated(String field) {
        if (kind == null) {
            throw new ValidationProblem(field + ".kind", "is required: NONE, EWMA or K_OF_N");
        }
        switch (kind) {
            case NONE -> {
                if (lambda != null || k != null || n != null) {
                    throw new ValidationProblem(field, "NONE takes no lambda, k or n");
                }
            }
            case EWMA -> {
                if (lambda == null || !(lambda > 0 && lambda <= 1) || k != null || n != null) {
                    throw new ValidationProblem(field + ".lambda", "EWMA needs lambda in (0, 1] and no k or n");
                }
            }
            case K_OF_N -> {
                if (k == null || n == null || k < 1 || n < k || n > MAX_N || lambda != null) {
                    throw new ValidationProblem(field + ".k", "K_OF_N needs 1 <= k <= n <= " + MAX_N + " and no lambda");
                }
            }
            default -> throw new IllegalStateException(kind.name());
        }
        return this;
    }

    /** True when the limit applies to a transformed score (EWMA), so a limit set on raw scores no longer holds. */
    public boolean changesScores() {
        return kind == Kind.EWMA;
    }

    /**
     * The score series the limit applies to: the scores themselves, or their EWMA. NaN scores (rows without a score,
     * the history of a lagged monitor) stay NaN and do not enter the average; it starts at the first scored row.
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

    /** Which rows raise an alarm, given the (already {@link #smooth smoothed}) scores and the limit. NaN never exceeds. */
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

    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> "none";
            case EWMA -> "EWMA lambda " + lambda;
            case K_OF_N -> k + " of " + n;
        };
    }
}
