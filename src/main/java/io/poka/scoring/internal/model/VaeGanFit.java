package io.poka.scoring.internal.model;

import io.poka.scoring.AlarmRule;
import ai.djl.Device;
import io.poka.scoring.internal.data.NumericTable;
import io.poka.scoring.internal.data.UnusableData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One complete fit on normal data: the final VAE-GAN is trained on every row; its threshold is calibrated by
 * time-blocked cross-fitting, because scores of rows a model was trained on (or of the same run's last rows) are
 * optimistic: the rows are cut into consecutive blocks, a model per block is trained on the other blocks and scores
 * the block it never saw, the alarm rule runs over those scores block by block, and a tail fit over them gives the
 * threshold and the expected false-alarm rate with its confidence interval ({@link TailCalibration}). Plain Java
 * around DJL, so the benchmark and the training jobs run exactly the same code.
 */
public final class VaeGanFit {

    /** Everything the registry stores about a fitted model. */
    public record Fitted(byte[] parameters, Hyperparameters hyperparameters, FeaturePipeline pipeline, ScoreScale scale,
            AlarmRule alarmRule, double threshold, int trainingRows, int calibrationRows, Map<String, Object> validation,
            List<VaeGanTraining.EpochLoss> history, long trainingMillis, CrossFit crossFit) {
    }

    /**
     * The cross-fitted evidence: per time block the raw and post-processed scores of the rows the block's model never
     * saw; the divisors of the combined monitor (null without companions) and, per statistic ({@code vae}, {@code jump},
     * {@code shift}, {@code spread}, {@code drift}), its own cross-fitted series per block (for ablations). The tail
     * calibration and the divisors are made from {@code replicates} versions of every block: the block itself and its
     * between-run copies ({@link BetweenRun}; 1 = the block only), whose series are {@code betweenRunScores} and
     * {@code betweenRunParts} (the real blocks first); {@code restarts} are the block models' training restarts
     * ({@link VaeGanTraining.Restart}), as stored in the model's metadata.
     */
    public record CrossFit(List<double[]> rawScores, List<double[]> scores, TailCalibration.Fit calibration,
            ScoreScale.Companions companions, Map<String, List<double[]>> parts, int replicates,
            List<double[]> betweenRunScores, Map<String, List<double[]>> betweenRunParts,
            List<Map<String, Object>> restarts) {
    }

    /**
     * Out-of-sample check of the calibration itself: for each time block, the threshold calibrated on the other
     * blocks' cross-fitted scores, applied to that block; the mean share of its rows above it.
     */
    public static double crossCalibrated(List<double[]> blocks, double alpha, long seed) {
        double sum = 0;
        for (int b = 0; b < blocks.size(); b++) {
            List<double[]> others = new ArrayList<>(blocks);
            double[] held = others.remove(b);
            sum += Calibration.exceedanceRate(held, TailCalibration.fit(others, alpha, seed).threshold());
        }
        return sum / blocks.size();
    }

    /** Fewest rows in one cross-fitting block. */
    static final int MIN_BLOCK_ROWS = 10;

    private VaeGanFit() {
    }

    /**
     * @param table normal operation only, rows in time order
     * @param h hyperparameters with defaults applied
     * @param minRows minimum training rows
     */
    public static Fitted fit(NumericTable table, Hyperparameters h, int minRows, Device device,
            VaeGanTraining.Progress progress, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        FeaturePipeline pipeline = checkUsable(table, h, minRows);
        float[][] trainVectors = pipeline.transformClipped(table, h.spikeLimit());
        // the final model first, so a job's epoch progress is the model it will store
        VaeGanTraining.Result result = VaeGanTraining.train(networkPart(trainVectors, pipeline.inputSize()),
                augmentation(List.of(table), table, pipeline, h.crossFitBlocks(), h, h.seed()), h, device, progress,
                cancelled);
        CrossFit crossFit = crossFit(table, h, minRows, device, cancelled);
        TailCalibration.Fit cal = crossFit.calibration();
        refuseUnsupported(h.falseAlarmRate(), cal);
        double start = median(crossFit.rawScores().stream().flatMapToDouble(Arrays::stream).toArray());
        AlarmRule rule = h.alarmRule().startingAt(start);
        try (LoadedVaeGan unscaled = LoadedVaeGan.load(result.parameters(), h, pipeline, null, device)) {
            ScoreScale vaeScale = scaleOn(unscaled, trainVectors, h);
            ScoreScale scale = crossFit.companions() == null ? vaeScale : vaeScale.withCompanions(crossFit.companions());
            double[] trainScores = rule.apply(raw(unscaled.withScale(scale).score(trainVectors)));
            double threshold = cal.threshold();
            if (!Double.isFinite(threshold) || !Double.isFinite(scale.reconstructionMedian())) {
                throw new IllegalStateException("training diverged (non-finite scores: threshold " + threshold
                        + ", median reconstruction error " + scale.reconstructionMedian() + "); lower the learning rate");
            }
            double[] pooled = crossFit.scores().stream().flatMapToDouble(Arrays::stream).toArray();
            Map<String, Object> validation = new LinkedHashMap<>();
            validation.put("targetFalseAlarmRate", h.falseAlarmRate());
            validation.put("expectedFalseAlarmRate", cal.expectedFalseAlarmRate());
            validation.put("expectedFalseAlarmRateLower95", cal.lower());
            validation.put("expectedFalseAlarmRateUpper95", cal.upper());
            validation.put("effectiveSampleSize", cal.effectiveSampleSize());
            validation.put("smallestSupportedTarget", cal.smallestSupportedTarget());
            validation.put("tailClusters", cal.tailClusters());
            validation.put("calibrationMethod", cal.method());
            validation.put("tailStart", cal.tailStart());
            validation.put("tailShape", cal.shape());
            validation.put("tailScale", cal.scale());
            validation.put("tailExcesses", cal.excesses());
            validation.put("crossFitBlocks", h.crossFitBlocks());
            validation.put("crossFittedFalseAlarmRate", Calibration.exceedanceRate(pooled, threshold));
            // the rate on the rows that calibrated the threshold (kept under its earlier name)
            validation.put("calibrationFalseAlarmRate", Calibration.exceedanceRate(pooled, threshold));
            validation.put("crossCalibratedFalseAlarmRate", crossCalibrated(crossFit.scores(), h.falseAlarmRate(), h.seed()));
            validation.put("crossFittedFalseAlarmRateByBlock", crossFit.scores().stream()
                    .map(s -> Calibration.exceedanceRate(s, threshold)).toList());
            validation.put("crossFittedScoreMedian", start);
            // the rows the threshold was calibrated on: the cross-fitted blocks and their between-run copies
            validation.put("betweenRun", h.betweenRun());
            validation.put("betweenRunReplicates", crossFit.replicates());
            // what the networks (final and cross-fitting) were trained on besides the rows themselves
            validation.put("betweenRunAugmentation", h.augmentation());
            validation.put("trainingAugmentation", h.augmentation() > 0 ? String.format(java.util.Locale.ROOT,
                    "each minibatch from the training rows or one of %d copies drawn from the between-run model "
                    + "(per-variable offset and scale change, variances of the training blocks' means and log standard "
                    + "deviations times %s), chosen uniformly", BetweenRun.TRAINING_COPIES, h.augmentation()) : "none");
            validation.put("betweenRunFalseAlarmRate", Calibration.exceedanceRate(crossFit.betweenRunScores().stream()
                    .flatMapToDouble(Arrays::stream).toArray(), threshold));
            if (crossFit.companions() != null) {
                validation.put("companionDivisors", crossFit.companions());
                // the share of cross-fitted rows at which each statistic is the largest (which one drives the score)
                validation.put("crossFittedShareDrivenBy", drivers(crossFit));
            }
            validation.put("trainingFalseAlarmRate", Calibration.exceedanceRate(trainScores, threshold));
            validation.put("trainingScoreMedian", median(trainScores));
            VaeGanTraining.EpochLoss last = result.history().get(result.history().size() - 1);
            validation.put("finalReconstructionLoss", last.reconstruction());
            validation.put("finalKl", last.kl());
            validation.put("finalAdversarialLoss", last.adversarial());
            validation.put("finalDiscriminatorLoss", last.discriminator());
            // diverged attempts restarted at a lower learning rate (empty when none did)
            List<Map<String, Object>> restarts = new ArrayList<>(restarts("final", result.restarts()));
            restarts.addAll(crossFit.restarts());
            validation.put("trainingRestarts", restarts);
            return new Fitted(result.parameters(), h, pipeline, scale, rule, threshold, table.rowCount(), pooled.length,
                    validation, result.history(), (System.nanoTime() - started) / 1_000_000, crossFit);
        }
    }

    /**
     * Trains one model per time block on the other blocks and scores the block with it; the alarm rule then runs over
     * each block's scores from the normal level, and the tail of all of them calibrates the threshold.
     */
    public static CrossFit crossFit(NumericTable table, Hyperparameters h, int minRows, Device device,
            BooleanSupplier cancelled) {
        int blocks = h.crossFitBlocks();
        int n = table.rowCount();
        List<LoadedVaeGan.Scored[]> heldOut = new ArrayList<>();
        List<LoadedVaeGan.Scored[]> copies = new ArrayList<>();
        List<Map<String, Object>> restarts = new ArrayList<>();
        boolean betweenRun = h.betweenRun() != null && h.betweenRun() > 0;
        for (int b = 0; b < blocks; b++) {
            int from = blockStart(n, blocks, b);
            int to = blockStart(n, blocks, b + 1);
            List<NumericTable> segments = new ArrayList<>();
            if (from > 0) {
                segments.add(table.slice(0, from));
            }
            if (to < n) {
                segments.add(table.slice(to, n));
            }
            NumericTable rest = concat(segments);
            FeaturePipeline foldPipeline = FeaturePipeline.fit(rest, h.lags(), h.temporalFeatures(), h.spikeLimit(),
                    Math.min(minRows, rest.rowCount() - h.lags()));
            List<float[]> vectors = new ArrayList<>();
            for (NumericTable segment : segments) {
                if (segment.rowCount() > h.lags()) {
                    vectors.addAll(Arrays.asList(foldPipeline.transformClipped(segment, h.spikeLimit())));
                }
            }
            float[][] foldTrain = vectors.toArray(float[][]::new);
            VaeGanTraining.Result fold = VaeGanTraining.train(networkPart(foldTrain, foldPipeline.inputSize()),
                    augmentation(segments, rest, foldPipeline, Math.max(2, blocks - 1), h, h.seed() + 1 + b),
                    h.withSeed(h.seed() + 1 + b), device, (loss, epochs) -> { }, cancelled);
            restarts.addAll(restarts("cross-fit block " + (b + 1), fold.restarts()));
            try (LoadedVaeGan unscaled = LoadedVaeGan.load(fold.parameters(), h, foldPipeline, null, device)) {
                ScoreScale scale = scaleOn(unscaled, foldTrain, h);
                // the held-out block's first rows take their history (lags, temporal features) from the rows before it
                int historyFrom = Math.max(0, from - foldPipeline.history());
                LoadedVaeGan scaled = unscaled.withScale(scale);
                NumericTable block = table.slice(historyFrom, to);
                heldOut.add(scaled.score(block, from - historyFrom));
                if (betweenRun) {
                    // the same rows as if recorded in other runs: the between-run variation of the fold's own rows
                    BetweenRun variation = BetweenRun.estimate(rest, foldPipeline, Math.max(2, blocks - 1),
                            h.betweenRun());
                    for (NumericTable copy : variation.perturbedCopies(block, foldPipeline, BetweenRun.REPLICATES,
                            new java.util.Random(h.seed() * 7919 + b))) {
                        copies.add(scaled.score(copy, from - historyFrom));
                    }
                }
            }
        }
        List<LoadedVaeGan.Scored[]> all = new ArrayList<>(heldOut);
        all.addAll(copies);
        int replicates = all.size() / heldOut.size();
        Map<String, List<double[]>> parts = parts(heldOut);
        Map<String, List<double[]>> allParts = parts(all);
        ScoreScale.Companions companions = Boolean.FALSE.equals(h.companions()) ? null : new ScoreScale.Companions(
                divisor(allParts.get("vae"), h), divisor(allParts.get("jump"), h), divisor(allParts.get("shift"), h),
                divisor(allParts.get("spread"), h), divisor(allParts.get("drift"), h));
        List<double[]> raw = combined(heldOut, companions);
        AlarmRule rule = h.alarmRule().startingAt(median(raw.stream().flatMapToDouble(Arrays::stream).toArray()));
        List<double[]> processed = raw.stream().map(rule::apply).toList();
        List<double[]> allProcessed = combined(all, companions).stream().map(rule::apply).toList();
        return new CrossFit(raw, processed, TailCalibration.fit(allProcessed, h.falseAlarmRate(), h.seed(), replicates),
                companions, parts, replicates, allProcessed, allParts, List.copyOf(restarts));
    }

    /**
     * The network's training copies of {@code segments} (the rows it trains on, in order) drawn from the between-run
     * model estimated on {@code rows} in {@code blocks} blocks times {@link Hyperparameters#augmentation()}; none when
     * that is 0.
     */
    private static List<float[][]> augmentation(List<NumericTable> segments, NumericTable rows,
            FeaturePipeline pipeline, int blocks, Hyperparameters h, long seed) {
        if (h.augmentation() <= 0) {
            return List.of();
        }
        BetweenRun variation = BetweenRun.estimate(rows, pipeline, blocks, h.augmentation());
        return variation.trainingCopies(segments, pipeline, h.spikeLimit(), BetweenRun.TRAINING_COPIES,
                new java.util.Random(seed * 104_729 + 11)).stream()
                .map(copy -> networkPart(copy, pipeline.inputSize())).toList();
    }

    /**
     * The metadata of training restarts (who: the training itself, automatically; when; why; at which learning rate
     * and seed), {@code model} naming the network that restarted.
     */
    static List<Map<String, Object>> restarts(String model, List<VaeGanTraining.Restart> restarts) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (VaeGanTraining.Restart r : restarts) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", model);
            m.put("attempt", r.attempt());
            m.put("divergedInEpoch", r.epoch());
            m.put("reason", r.reason());
            m.put("learningRate", r.learningRate());
            m.put("seed", r.seed());
            m.put("by", "automatic restart of the training");
            m.put("at", r.at().toString());
            out.add(m);
        }
        return out;
    }

    private static Map<String, List<double[]>> parts(List<LoadedVaeGan.Scored[]> blocks) {
        Map<String, List<double[]>> parts = new LinkedHashMap<>();
        parts.put("vae", series(blocks, LoadedVaeGan.Scored::vae));
        parts.put("jump", series(blocks, LoadedVaeGan.Scored::jump));
        parts.put("shift", series(blocks, LoadedVaeGan.Scored::shift));
        parts.put("spread", series(blocks, LoadedVaeGan.Scored::spread));
        parts.put("drift", series(blocks, LoadedVaeGan.Scored::drift));
        return parts;
    }

    /** The served score's raw series of each block: the combined monitor's, or the VAE-GAN's without companions. */
    private static List<double[]> combined(List<LoadedVaeGan.Scored[]> blocks, ScoreScale.Companions companions) {
        return blocks.stream().map(block -> Arrays.stream(block).mapToDouble(s -> companions == null ? s.vae()
                : companions.combine(s.vae(), s.jump(), s.shift(), s.spread(), s.drift())).toArray()).toList();
    }

    /** The network's part of each vector (the first {@code width} values; the drift block follows it). */
    static float[][] networkPart(float[][] vectors, int width) {
        if (vectors.length == 0 || vectors[0].length == width) {
            return vectors;
        }
        float[][] out = new float[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            out[i] = Arrays.copyOf(vectors[i], width);
        }
        return out;
    }

    private static List<double[]> series(List<LoadedVaeGan.Scored[]> blocks,
            java.util.function.ToDoubleFunction<LoadedVaeGan.Scored> part) {
        return blocks.stream().map(b -> Arrays.stream(b).mapToDouble(part).toArray()).toList();
    }

    /**
     * A statistic's divisor in the combined score: its tail-fitted 1 - alpha quantile over the cross-fitted rows, so
     * every statistic is about 1 at the target's level and none dominates the false alarms; a statistic that is
     * always 0 (its temporal feature is off) gets the largest double, so it never counts.
     */
    private static double divisor(List<double[]> series, Hyperparameters h) {
        double q = TailCalibration.quantile(series, h.falseAlarmRate());
        return q > 0 && Double.isFinite(q) ? q : Double.MAX_VALUE;
    }

    /** Per statistic, the share of the cross-fitted rows where it is the largest normalised one. */
    private static Map<String, Double> drivers(CrossFit crossFit) {
        ScoreScale.Companions c = crossFit.companions();
        double[][] normalised = {
            flat(crossFit.parts().get("vae"), c.vae()), flat(crossFit.parts().get("jump"), c.jump()),
            flat(crossFit.parts().get("shift"), c.shift()), flat(crossFit.parts().get("spread"), c.spread()),
            flat(crossFit.parts().get("drift"), c.drift())};
        String[] names = {"vae", "jump", "shift", "spread", "drift"};
        int[] counts = new int[names.length];
        int n = normalised[0].length;
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int k = 1; k < names.length; k++) {
                if (normalised[k][i] > normalised[best][i]) {
                    best = k;
                }
            }
            counts[best]++;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int k = 0; k < names.length; k++) {
            out.put(names[k], n == 0 ? 0 : (double) counts[k] / n);
        }
        return out;
    }

    private static double[] flat(List<double[]> series, double divisor) {
        return series.stream().flatMapToDouble(Arrays::stream).map(v -> v / divisor).toArray();
    }

    /**
     * Refuses (422) a target below what the calibration supports ({@link TailCalibration.Fit#smallestSupportedTarget}).
     * (A target's confidence interval never ends above the target: {@link TailCalibration} raises the threshold until
     * it does.)
     */
    static void refuseUnsupported(double alpha, TailCalibration.Fit cal) {
        if (alpha < cal.smallestSupportedTarget()) {
            throw new UnsupportedTarget(alpha, UnsupportedTarget.roundUp(cal.smallestSupportedTarget()), cal.support());
        }
    }

    /** Refuses (422) a target below 1 / (rows + 1): no calibration can support it (the request-time check). */
    static void refuseUnsupported(double alpha, int rows) {
        double smallest = 1.0 / (rows + 1);
        if (alpha < smallest) {
            throw new UnsupportedTarget(alpha, UnsupportedTarget.roundUp(smallest), String.format(java.util.Locale.ROOT,
                    "below 1 / (rows + 1) for the %d normal rows that calibrate the threshold", rows));
        }
    }

    /**
     * Fails with {@link UnusableData} when the table cannot train a model with these hyperparameters (too few rows
     * per cross-fitting block or for training, constant or mostly-missing columns); else the feature pipeline of all
     * its rows.
     */
    public static FeaturePipeline checkUsable(NumericTable table, Hyperparameters h, int minRows) {
        FeaturePipeline pipeline = FeaturePipeline.fit(table, h.lags(), h.temporalFeatures(), h.spikeLimit(), minRows);
        int blockRows = table.rowCount() / h.crossFitBlocks();
        int foldRows = table.rowCount() - (int) Math.ceil((double) table.rowCount() / h.crossFitBlocks()) - h.lags();
        if (foldRows < minRows) {
            throw new UnusableData("too-few-rows", "Each cross-fitting model trains on the rows outside its time block: "
                    + "at least " + minRows + " usable rows needed, " + table.rowCount() + " rows in "
                    + h.crossFitBlocks() + " blocks leave " + foldRows).at("rows", table.rowCount())
                    .at("minimumRows", (int) Math.ceil((minRows + h.lags()) * h.crossFitBlocks() / (h.crossFitBlocks() - 1.0)));
        }
        if (blockRows < MIN_BLOCK_ROWS + h.lags()) {
            throw new UnusableData("too-few-rows", "Cross-fitted calibration needs at least " + (MIN_BLOCK_ROWS + h.lags())
                    + " rows in each of the " + h.crossFitBlocks() + " time blocks; " + table.rowCount() + " rows leave "
                    + blockRows).at("rows", table.rowCount());
        }
        // n_eff <= the number of cross-fitted rows: a target below 1 / (rows + 1) is refused before training; the
        // autocorrelation of the model's own scores is only known after training (the job then fails with the reason)
        int crossFitted = table.rowCount() - h.lags();
        refuseUnsupported(h.falseAlarmRate(), crossFitted);
        return pipeline;
    }

    private static int blockStart(int n, int blocks, int b) {
        return (int) Math.round((double) n * b / blocks);
    }

    private static NumericTable concat(List<NumericTable> parts) {
        List<double[]> rows = new ArrayList<>();
        parts.forEach(p -> rows.addAll(Arrays.asList(p.rows())));
        return new NumericTable(parts.get(0).variables(), rows.toArray(double[][]::new));
    }

    private static ScoreScale scaleOn(LoadedVaeGan unscaled, float[][] trainVectors, Hyperparameters h) {
        return new ScoreScale(median(Arrays.stream(unscaled.score(trainVectors))
                .mapToDouble(LoadedVaeGan.Scored::reconstruction).toArray()), h.discriminatorWeight());
    }

    static double[] raw(LoadedVaeGan.Scored[] scored) {
        return Arrays.stream(scored).mapToDouble(LoadedVaeGan.Scored::score).toArray();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return FeaturePipeline.median(sorted);
    }
}
