package io.poka.scoring.internal.model;

import ai.djl.Device;
import io.poka.scoring.internal.data.NumericTable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One complete fit on normal data: time-ordered split into training rows and held-out calibration rows, feature
 * pipeline fitted on the training rows only, VAE-GAN training, score scale from the training rows, and the threshold
 * calibrated on the held-out rows to the requested false-alarm rate. Plain Java around DJL, so the benchmark and the
 * training jobs run exactly the same code.
 */
public final class VaeGanFit {

    /** Everything the registry stores about a fitted model. */
    public record Fitted(byte[] parameters, Hyperparameters hyperparameters, FeaturePipeline pipeline, ScoreScale scale,
            double threshold, int trainingRows, int calibrationRows, Map<String, Object> validation,
            List<VaeGanTraining.EpochLoss> history, long trainingMillis) {
    }

    static final int MIN_CALIBRATION_ROWS = 10;

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
        int calibrationRows = calibrationRows(table, h);
        int trainingRows = table.rowCount() - calibrationRows;
        NumericTable train = table.slice(0, trainingRows);
        float[][] trainVectors = pipeline.transformClipped(train, h.spikeLimit());
        VaeGanTraining.Result result = VaeGanTraining.train(trainVectors, h, device, progress, cancelled);
        // calibration rows keep their lag history from the end of the training rows
        NumericTable calibration = table.slice(trainingRows - h.lags(), table.rowCount());
        try (LoadedVaeGan unscaled = LoadedVaeGan.load(result.parameters(), h, pipeline, null, device)) {
            LoadedVaeGan.Scored[] onTrain = unscaled.score(trainVectors);
            ScoreScale scale = new ScoreScale(
                    median(Arrays.stream(onTrain).mapToDouble(LoadedVaeGan.Scored::reconstruction).toArray()),
                    h.discriminatorWeight());
            double[] trainScores = Arrays.stream(unscaled.withScale(scale).score(trainVectors))
                    .mapToDouble(LoadedVaeGan.Scored::score).toArray();
            double[] calScores = Arrays.stream(unscaled.withScale(scale).score(calibration))
                    .mapToDouble(LoadedVaeGan.Scored::score).toArray();
            double threshold = Calibration.threshold(calScores, h.falseAlarmRate());
            if (!Double.isFinite(threshold) || !Double.isFinite(scale.reconstructionMedian())) {
                throw new IllegalStateException("training diverged (non-finite scores); lower the learning rate");
            }
            Map<String, Object> validation = new LinkedHashMap<>();
            validation.put("targetFalseAlarmRate", h.falseAlarmRate());
            validation.put("calibrationFalseAlarmRate", Calibration.exceedanceRate(calScores, threshold));
            validation.put("crossCalibratedFalseAlarmRate", crossCalibrated(calScores, h.falseAlarmRate()));
            validation.put("trainingFalseAlarmRate", Calibration.exceedanceRate(trainScores, threshold));
            validation.put("calibrationScoreMedian", median(calScores));
            validation.put("trainingScoreMedian", median(trainScores));
            VaeGanTraining.EpochLoss last = result.history().get(result.history().size() - 1);
            validation.put("finalReconstructionLoss", last.reconstruction());
            validation.put("finalKl", last.kl());
            validation.put("finalAdversarialLoss", last.adversarial());
            validation.put("finalDiscriminatorLoss", last.discriminator());
            return new Fitted(result.parameters(), h, pipeline, scale, threshold, trainingRows, calibrationRows,
                    validation, result.history(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * Fails with {@link io.poka.scoring.internal.data.UnusableData} when the table cannot train a model with these
     * hyperparameters (too few training or calibration rows, constant or mostly-missing columns); else the feature
     * pipeline of its training part.
     */
    public static FeaturePipeline checkUsable(NumericTable table, Hyperparameters h, int minRows) {
        int calibrationRows = calibrationRows(table, h);
        FeaturePipeline pipeline = FeaturePipeline.fit(table.slice(0, table.rowCount() - calibrationRows), h.lags(),
                h.spikeLimit(), minRows);
        if (calibrationRows < MIN_CALIBRATION_ROWS) {
            throw new io.poka.scoring.internal.data.UnusableData("too-few-rows", "Calibration needs at least "
                    + MIN_CALIBRATION_ROWS + " held-out normal rows; " + table.rowCount() + " rows at calibrationFraction "
                    + h.calibrationFraction() + " leave " + calibrationRows).at("rows", table.rowCount());
        }
        return pipeline;
    }

    private static int calibrationRows(NumericTable table, Hyperparameters h) {
        return (int) Math.round(table.rowCount() * h.calibrationFraction());
    }

    /**
     * Out-of-sample false-alarm estimate: threshold from the even-indexed calibration rows applied to the odd ones
     * and vice versa, averaged (the in-sample rate is by construction close to the target).
     */
    public static double crossCalibrated(double[] scores, double alpha) {
        double[] even = java.util.stream.IntStream.range(0, scores.length).filter(i -> i % 2 == 0).mapToDouble(i -> scores[i]).toArray();
        double[] odd = java.util.stream.IntStream.range(0, scores.length).filter(i -> i % 2 == 1).mapToDouble(i -> scores[i]).toArray();
        if (even.length == 0 || odd.length == 0) {
            return Double.NaN;
        }
        return (Calibration.exceedanceRate(odd, Calibration.threshold(even, alpha))
                + Calibration.exceedanceRate(even, Calibration.threshold(odd, alpha))) / 2;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return FeaturePipeline.median(sorted);
    }
}
