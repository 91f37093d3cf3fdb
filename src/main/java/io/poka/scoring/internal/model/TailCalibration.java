package io.poka.scoring.internal.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Threshold from the tail of cross-fitted normal scores, not from one order statistic: a generalised Pareto
 * distribution (GPD) is fitted to the excesses over a high empirical quantile u (peaks over threshold; Pickands 1975,
 * Balkema and de Haan 1974) by probability-weighted moments (Hosking and Wallis, Technometrics 29, 1987), and the
 * threshold is set where the upper end of the false-alarm rate's confidence interval meets alpha. Scores of consecutive rows are autocorrelated (and more so after an alarm
 * rule), so the evidence is counted as an effective sample size and the confidence interval of the expected
 * false-alarm rate comes from a moving-block bootstrap (Kuensch, Annals of Statistics 17, 1989) of the whole fit.
 */
public final class TailCalibration {

    /** Share of the scores above the tail's starting point u. */
    static final double TAIL_SHARE = 0.10;
    /** Fewest excesses a tail fit is made from. */
    static final int MIN_EXCESSES = 15;
    static final int BOOTSTRAP_RESAMPLES = 400;
    /** Fewest independent clusters of excesses (excesses times the extremal index) a GPD tail is trusted on. */
    static final int MIN_TAIL_CLUSTERS = 5;
    /**
     * Furthest a trusted GPD tail is extrapolated below its start: alpha >= {@link #TAIL_SHARE} / this (0.5 %), a
     * bound on how far the fitted shape is believed, whatever the row count.
     */
    static final double MAX_EXTRAPOLATION = 20;

    /**
     * The calibrated threshold and what it promises.
     *
     * @param threshold limit on the post-processed score: the lowest whose upper 95 % bound is at most alpha
     * @param method {@code GPD} (tail fit) or {@code EMPIRICAL} (conformal order statistic, when alpha is not in the
     *        tail or there are too few excesses)
     * @param expectedFalseAlarmRate the fitted probability that a normal row's score exceeds the threshold (at most
     *        alpha)
     * @param lower lower end of the 95 % confidence interval of that rate
     * @param upper upper end of the 95 % confidence interval
     * @param effectiveSampleSize n times the extremal index (independent clusters of tail rows)
     * @param smallestSupportedTarget 1 / (effective sample size + 1) (fewer than one independent tail row below it);
     *        with a trusted GPD tail (at least {@link #MIN_TAIL_CLUSTERS} independent clusters of excesses) lower, down
     *        to {@link #TAIL_SHARE} / {@link #MAX_EXTRAPOLATION}, never below 1 / (n + 1)
     * @param tailClusters independent clusters among the excesses (excesses times the extremal index)
     * @param support why the smallest supported target is what it is (the detail of a refusal)
     */
    public record Fit(double threshold, String method, double expectedFalseAlarmRate, double lower, double upper,
            int scores, double effectiveSampleSize, double smallestSupportedTarget, double tailStart, double shape,
            double scale, int excesses, double tailClusters, String support) {
    }

    /** GPD parameters of the excesses y = s - u: P(Y > y) = (1 + shape y / scale)^(-1 / shape). */
    public record Gpd(double shape, double scale) {

        /** Probability-weighted-moment estimate from the excesses (Hosking and Wallis 1987, eq. 3.1-3.2). */
        public static Gpd fit(double[] excesses) {
            double[] y = excesses.clone();
            Arrays.sort(y);
            int m = y.length;
            double a0 = 0;
            double a1 = 0;
            for (int i = 0; i < m; i++) {
                double p = (i + 1 - 0.35) / m;
                a0 += y[i];
                a1 += (1 - p) * y[i];
            }
            a0 /= m;
            a1 /= m;
            double k = a0 / (a0 - 2 * a1) - 2; // Hosking and Wallis' k = -shape
            double sigma = 2 * a0 * a1 / (a0 - 2 * a1);
            return new Gpd(-k, sigma);
        }

        /** P(Y > y). */
        public double survival(double y) {
            if (y <= 0) {
                return 1;
            }
            if (Math.abs(shape) < 1e-9) {
                return Math.exp(-y / scale);
            }
            double base = 1 + shape * y / scale;
            return base <= 0 ? 0 : Math.pow(base, -1 / shape);
        }

        /** The y with P(Y > y) = p. */
        public double quantile(double p) {
            if (Math.abs(shape) < 1e-9) {
                return -scale * Math.log(p);
            }
            return scale / shape * (Math.pow(p, -shape) - 1);
        }
    }

    private TailCalibration() {
    }

    /**
     * Calibrates on cross-fitted normal scores, given as the consecutive series they came in (one per held-out time
     * block), at target false-alarm rate alpha: the threshold is the lowest one whose false-alarm rate stays at or
     * below alpha at the upper end of its 95 % confidence interval, so the target is honoured with confidence and
     * not only on average (a new run drifts more than a block of the training run does).
     */
    public static Fit fit(List<double[]> series, double alpha, long seed) {
        return fit(series, alpha, seed, 1);
    }

    /**
     * Like {@link #fit(List, double, long)} over {@code replicates} versions of the same rows (the cross-fitted rows
     * and their between-run copies, {@link BetweenRun}): the tail is fitted over all of them, but the evidence counts
     * as the real rows only (row count, effective sample size and bootstrap resample size divided by replicates), so
     * copies narrow neither the confidence interval nor the smallest supported target.
     */
    public static Fit fit(List<double[]> series, double alpha, long seed, int replicates) {
        double[] all = series.stream().flatMapToDouble(Arrays::stream).toArray();
        double nEff = effectiveSampleSize(series) / replicates;
        Tail tail = tail(all, alpha);
        List<Tail> resampled = bootstrapTails(series, all.length / replicates, nEff, alpha, seed);
        double low = tail.threshold(alpha);
        double threshold = low;
        if (upper(resampled, low) > alpha) {
            double step = Math.max(1e-9, Math.abs(low - tail.sorted[tail.sorted.length / 2]));
            double high = low + step;
            for (int i = 0; i < 60 && upper(resampled, high) > alpha; i++) {
                low = high;
                step *= 2;
                high = low + step;
            }
            for (int i = 0; i < 50; i++) {
                double mid = (low + high) / 2;
                if (upper(resampled, mid) > alpha) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            threshold = high;
        }
        double[] rates = rates(resampled, threshold);
        // whether a GPD tail can be fitted at all does not depend on alpha: judged at a target inside the tail
        Tail gpdTail = tail(all, TAIL_SHARE / MAX_EXTRAPOLATION);
        int n = all.length / replicates;
        double clusters = (double) gpdTail.excesses / replicates * nEff / n;
        double smallest;
        String support;
        if (gpdTail.gpd != null && clusters >= MIN_TAIL_CLUSTERS) {
            // the tail fit reaches further than one independent row, up to its extrapolation limit
            smallest = Math.max(1.0 / (n + 1), Math.min(1 / (nEff + 1), TAIL_SHARE / MAX_EXTRAPOLATION));
            support = String.format(Locale.ROOT, "the %d normal rows count as %.0f independent ones; a tail fit over "
                    + "them (%.0f independent clusters of tail rows) is extrapolated at most %.0f times below its start "
                    + "and never below one row in %d", n, nEff, clusters, MAX_EXTRAPOLATION, n + 1);
        } else {
            smallest = 1 / (nEff + 1);
            support = String.format(Locale.ROOT, "below 1 / (n_eff + 1): the %d normal rows count as %.0f independent "
                    + "ones, too few for a tail fit (%.1f independent clusters of tail rows, %d needed)", n, nEff,
                    clusters, MIN_TAIL_CLUSTERS);
        }
        return new Fit(threshold, tail.gpd == null ? "EMPIRICAL" : "GPD", tail.rateAbove(threshold),
                percentile(rates, 0.025), percentile(rates, 0.975), n, nEff, smallest, tail.u,
                tail.gpd == null ? Double.NaN : tail.gpd.shape, tail.gpd == null ? Double.NaN : tail.gpd.scale,
                tail.excesses / replicates, clusters, support);
    }

    /**
     * The point estimate of the 1 - alpha quantile of the scores (tail-fitted, no confidence bound): a scale, not a
     * threshold.
     */
    public static double quantile(List<double[]> series, double alpha) {
        return tail(series.stream().flatMapToDouble(Arrays::stream).toArray(), alpha).threshold(alpha);
    }

    private static double upper(List<Tail> resampled, double threshold) {
        return percentile(rates(resampled, threshold), 0.975);
    }

    private static double[] rates(List<Tail> resampled, double threshold) {
        return resampled.stream().mapToDouble(t -> t.rateAbove(threshold)).toArray();
    }

    /**
     * n * theta, theta the extremal index of the scores at the tail start (the 1 - {@link #TAIL_SHARE} quantile):
     * exceedances of autocorrelated scores come in clusters, and a cluster is one piece of evidence about the tail,
     * not several. theta by the intervals estimator over the inter-exceedance times within each series (Ferro and
     * Segers, JRSS B 65, 2003, eq. 4): 1 for independent rows, 1 / (mean cluster size) otherwise.
     */
    public static double effectiveSampleSize(List<double[]> series) {
        double[] all = series.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
        int n = all.length;
        int m = (int) Math.floor(n * TAIL_SHARE);
        if (m < 2) {
            return n;
        }
        double u = all[n - m - 1];
        List<Integer> gaps = new ArrayList<>();
        for (double[] s : series) {
            int last = -1;
            for (int i = 0; i < s.length; i++) {
                if (s[i] > u) {
                    if (last >= 0) {
                        gaps.add(i - last);
                    }
                    last = i;
                }
            }
        }
        return n * extremalIndex(gaps);
    }

    /** Ferro and Segers' intervals estimator of the extremal index from inter-exceedance times, in (0, 1]. */
    static double extremalIndex(List<Integer> gaps) {
        if (gaps.size() < 2) {
            return 1;
        }
        int max = gaps.stream().mapToInt(Integer::intValue).max().orElse(1);
        double a = 0;
        double b = 0;
        for (int t : gaps) {
            a += max <= 2 ? t : t - 1;
            b += max <= 2 ? (double) t * t : (double) (t - 1) * (t - 2);
        }
        double theta = b == 0 ? 1 : 2 * a * a / (gaps.size() * b);
        return Math.max(1.0 / gaps.size(), Math.min(1, theta));
    }

    /** The empirical or tail-fitted distribution above u. */
    private record Tail(double[] sorted, double u, double share, Gpd gpd, int excesses) {

        double threshold(double alpha) {
            if (gpd == null) {
                return Calibration.threshold(sorted, alpha);
            }
            return u + gpd.quantile(alpha / share);
        }

        double rateAbove(double threshold) {
            if (gpd == null || threshold < u) {
                return Calibration.exceedanceRate(sorted, threshold);
            }
            return share * gpd.survival(threshold - u);
        }
    }

    private static Tail tail(double[] scores, double alpha) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        int m = (int) Math.floor(n * TAIL_SHARE);
        if (m < MIN_EXCESSES || alpha >= TAIL_SHARE / 2) {
            return new Tail(sorted, Double.NaN, Double.NaN, null, 0);
        }
        double u = sorted[n - m - 1];
        double[] excesses = new double[m];
        for (int i = 0; i < m; i++) {
            excesses[i] = sorted[n - m + i] - u;
        }
        Gpd gpd = Gpd.fit(excesses);
        if (!Double.isFinite(gpd.shape) || !(gpd.scale > 0)) {
            return new Tail(sorted, Double.NaN, Double.NaN, null, 0);
        }
        return new Tail(sorted, u, (double) m / n, gpd, m);
    }

    /**
     * Tail fits of moving-block bootstrap resamples: blocks as long as a mean cluster of tail rows (n / n_eff) and at
     * least 5 rows, drawn within the series so no block straddles two time blocks (Kuensch 1989).
     */
    private static List<Tail> bootstrapTails(List<double[]> series, int n, double nEff, double alpha, long seed) {
        int block = Math.max(5, (int) Math.ceil(n / Math.max(1, nEff)));
        List<double[]> blocks = new ArrayList<>();
        for (double[] s : series) {
            for (int start = 0; start + Math.min(block, s.length) <= s.length; start++) {
                blocks.add(Arrays.copyOfRange(s, start, start + Math.min(block, s.length)));
            }
        }
        Random random = new Random(seed);
        List<Tail> tails = new ArrayList<>(BOOTSTRAP_RESAMPLES);
        for (int b = 0; b < BOOTSTRAP_RESAMPLES; b++) {
            double[] resample = new double[n];
            int filled = 0;
            while (filled < n) {
                double[] piece = blocks.get(random.nextInt(blocks.size()));
                int take = Math.min(piece.length, n - filled);
                System.arraycopy(piece, 0, resample, filled, take);
                filled += take;
            }
            tails.add(tail(resample, alpha));
        }
        return tails;
    }

    private static double percentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.floor(q * sorted.length)))];
    }
}
