package io.poka.scoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules may use of anomaly scoring: score a window of multivariate readings with the line's active
 * VAE-GAN (publishing {@link AnomalyDetected} for rows above the threshold), and read the data sets that baselines
 * share with the VAE-GAN.
 */
public interface ScoringApi {

    /**
     * Scores a window of consecutive rows of one line with its active model and publishes an {@link AnomalyDetected}
     * per anomalous row in the caller's transaction (or a new one). With lags, the first rows only serve as history.
     * With timestamps, an anomalous row is published once per line, model and row time (scored again: no second
     * event) and the line's streaming state is saved with it, so another replica goes on from it exactly.
     *
     * @param variables column names, at least the model's variables
     * @param rows one array of values per time step, NaN for a missing value
     * @param timestamps time of each row, or null
     * @throws io.poka.platform.NotFoundProblem when the line has no active model
     */
    ScoredWindow scoreWindow(String line, List<String> variables, List<double[]> rows, List<Instant> timestamps);

    /** A stored data set: variable names, rows in upload order, and the SHA-256 fingerprint of its canonical content. */
    record Dataset(UUID id, String name, String fingerprint, List<String> variables, double[][] rows) {
    }

    /** The data set with this id, if it exists. */
    Optional<Dataset> dataset(UUID id);

    /** Registered model versions of a line (all lines when {@code line} is null), by line, newest version first. */
    List<ModelVersion> models(String line);

    /** One registered model version, if it exists. */
    Optional<ModelVersion> model(UUID id);

    /** Stored training data sets, newest first, without their rows. */
    List<DatasetInfo> datasets();

    /** Training jobs of a line (all lines when {@code line} is null), newest first, with live progress. */
    List<TrainingJob> trainingJobs(String line);

    /** One training job with its live progress, if it exists. */
    Optional<TrainingJob> trainingJob(UUID id);

    /**
     * Scores the line's stored telemetry in [from, to) with a model version (the active one when {@code modelId} is
     * null) without storing or publishing anything: the anomaly timeline an auditor can recompute at any time.
     *
     * @throws io.poka.platform.NotFoundProblem when the line has no active model or the model is not of this line
     */
    ScoreTimeline scoreTimeline(String line, UUID modelId, Instant from, Instant to);

    /** The active model of every line that has one, with its health over the recent streaming window. */
    List<ActiveModel> activeModels();
    /**
     * A VAE-GAN model version as another module may compare against it: the data set and the time-ordered split it
     * was trained and calibrated on, its threshold and target false-alarm rate, and its training cost.
     *
     * @param trainingRows the first rows of the data set trained the model; the remaining ones calibrated the threshold
     * @param lags rows of history a scored row needs (the first {@code lags} rows of a request get no score)
     * @param spikeLimit training values beyond this many robust standard deviations were clipped before fitting
     * @param hyperparameters every training setting, as text for provenance
     */
    record ModelSummary(UUID id, String line, int version, UUID datasetId, String dataFingerprint, double threshold,
            double falseAlarmRate, int trainingRows, int calibrationRows, int lags, double spikeLimit,
            long trainingMillis, String hyperparameters) {
    }

    /** Every model version trained on the data set, oldest first. */
    List<ModelSummary> modelsTrainedOn(UUID datasetId);

    /**
     * Scores rows with one model version (active or not); nothing is stored or published.
     *
     * @throws io.poka.platform.NotFoundProblem when there is no such model version
     */
    ScoredWindow scoreWithModel(UUID modelId, List<String> variables, double[][] rows);

    /**
     * The VAE-GAN's threshold calibration applied to another monitor's cross-fitted normal scores: one series per
     * held-out time block, in time order, each scored by a model that never saw it. Plain computation; nothing is
     * stored.
     *
     * @param falseAlarmRate the target false-alarm rate alpha
     * @param seed seeds the bootstrap, so the same scores give the same threshold
     */
    TailThreshold calibrateThreshold(List<double[]> crossFittedSeries, double falseAlarmRate, long seed);

    /**
     * A VAE-GAN version to train for an evaluation in another module (the baselines' anomaly comparison), on exactly
     * these rows (normal operation, in time order) and columns, calibrated by the usual cross-fitting; the rows are
     * stored as the model's data set and the model is registered on {@code line}, never activated.
     *
     * @param line registry line of the model (names the evaluation)
     * @param trainingDataName name of the data set the rows are stored as (names the evaluation, the source data set
     *        and its fingerprint), at most 200 characters
     * @param hyperparameters the training API's hyperparameters by name, partial or null (defaults apply); an unknown
     *        name, a wrong type or a value out of range is refused with 400 before anything is trained or stored
     * @param field the request field the hyperparameters came from, named in those problems
     * @param actor who asked, recorded as the creator of the data set and the model
     */
    record EvaluationTraining(String line, String trainingDataName, List<String> variables, double[][] rows,
            Map<String, Object> hyperparameters, String field, String actor) {
    }

    /**
     * The VAE-GAN version trained for an evaluation: where it is registered, the data set of its training rows, its
     * calibrated threshold on raw (rule-applied) scores, the alarm rule it was calibrated with, and the hyperparameters
     * (defaults filled in) and validation metrics it stored.
     */
    record EvaluationModel(UUID modelId, String line, int version, UUID datasetId, String dataFingerprint,
            double threshold, double falseAlarmRate, int lags, AlarmRule alarmRule, long trainingMillis,
            Map<String, Object> hyperparameters, Map<String, Object> validation) {
    }

    /**
     * Trains, calibrates and registers (not activates) a VAE-GAN version on the given rows; see
     * {@link EvaluationTraining}. Takes the time a training job takes, in the caller's thread.
     *
     * @throws io.poka.platform.ValidationProblem for unknown or invalid hyperparameters
     */
    EvaluationModel trainForEvaluation(EvaluationTraining training);
}
