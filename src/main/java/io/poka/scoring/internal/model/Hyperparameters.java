package io.poka.scoring.internal.model;

import io.poka.scoring.AlarmRule;
import io.poka.platform.ValidationProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything that shapes one VAE-GAN training run; stored with the model so a version can be retrained or audited.
 * Any null field of a request falls back to the default in {@link #withDefaults}.
 *
 * @param lags number of lagged time steps stacked onto each row (0 = rows are independent)
 * @param hiddenSizes widths of the encoder's hidden layers (the decoder mirrors them)
 * @param latentSize dimension of the latent space
 * @param discriminatorHidden width of the discriminator's hidden layers
 * @param beta weight of the KL term
 * @param lambda weight of the adversarial term
 * @param discriminatorWeight weight w of the discriminator's fake probability in the anomaly score (0 = reconstruction
 *        only); see {@link ScoreScale}
 * @param epochs passes over the training rows
 * @param batchSize rows per gradient step
 * @param learningRate Adam step size of both networks
 * @param seed seed of initialisation, shuffling and sampling
 * @param falseAlarmRate target share of normal rows flagged, used to calibrate the threshold
 * @param crossFitBlocks number of consecutive time blocks the data set is cut into for calibration: one model per
 *        block is trained on the other blocks and scores the block it never saw; those scores calibrate the threshold
 *        of the final model, trained on every row
 * @param spikeLimit training values further than this many robust standard deviations (1.4826 MAD) from the
 *        median are clipped before fitting
 * @param alarmRule post-processing of the score over time ({@link AlarmRule}); the threshold applies to its output
 * @param inputEwma weight of the newest row in the EWMA-filtered copy of every variable appended to the input
 *        ({@link TemporalFeatures}); 0 = none
 * @param window rows of the moving standard deviation of every variable appended to the input; 0 = none
 * @param companions true: the served score is the combined monitor (the VAE-GAN's score beside per-variable maxima of
 *        the current, filtered and moving-spread inputs, each on its own cross-fitted scale, see {@link ScoreScale});
 *        false: the VAE-GAN's score alone
 * @param driftEwma weight of the newest row in the slow EWMA-filtered copy of every variable read by the combined
 *        monitor's drift statistic (not a network input); 0 = none
 * @param betweenRun k of the between-run random effect the limits are calibrated for ({@link BetweenRun}): the
 *        variances of the training blocks' means and log standard deviations, times k, are drawn as a new run's offset
 *        and scale change of every variable; 0 = calibrate for blocks of the training run only (models stored before)
 * @param betweenRunAugmentation k of the between-run random effect the network's training rows are augmented with
 *        ({@link BetweenRun#trainingCopies}): every minibatch is drawn from the training rows themselves or from one of
 *        their copies recorded "as in another run", so the VAE-GAN learns that such offsets and scale changes are
 *        normal; 0 = no augmentation (models stored before it)
 */
public record Hyperparameters(Integer lags, List<Integer> hiddenSizes, Integer latentSize, Integer discriminatorHidden,
        Double beta, Double lambda, Double discriminatorWeight, Integer epochs, Integer batchSize, Double learningRate,
        Long seed, Double falseAlarmRate, Integer crossFitBlocks, Double spikeLimit, AlarmRule alarmRule,
        Double inputEwma, Integer window, Boolean companions, Double driftEwma, Double betweenRun,
        Double betweenRunAugmentation) {

    public static final Hyperparameters DEFAULTS = new Hyperparameters(0, List.of(96, 48), 16, 64, 0.05, 0.01, 0.2,
            30, 64, 1e-3, 42L, 0.01, 5, 6.0, AlarmRule.NONE, 0.1, 10, true, 0.03, 0.25, 1.0);

    /** Without {@code betweenRunAugmentation} (requests and models from before it; the default applies). */
    public Hyperparameters(Integer lags, List<Integer> hiddenSizes, Integer latentSize, Integer discriminatorHidden,
            Double beta, Double lambda, Double discriminatorWeight, Integer epochs, Integer batchSize,
            Double learningRate, Long seed, Double falseAlarmRate, Integer crossFitBlocks, Double spikeLimit,
            AlarmRule alarmRule, Double inputEwma, Integer window, Boolean companions, Double driftEwma,
            Double betweenRun) {
        this(lags, hiddenSizes, latentSize, discriminatorHidden, beta, lambda, discriminatorWeight, epochs, batchSize,
                learningRate, seed, falseAlarmRate, crossFitBlocks, spikeLimit, alarmRule, inputEwma, window,
                companions, driftEwma, betweenRun, null);
    }

    /** Without {@code betweenRun} (requests and models from before it; the default applies). */
    public Hyperparameters(Integer lags, List<Integer> hiddenSizes, Integer latentSize, Integer discriminatorHidden,
            Double beta, Double lambda, Double discriminatorWeight, Integer epochs, Integer batchSize,
            Double learningRate, Long seed, Double falseAlarmRate, Integer crossFitBlocks, Double spikeLimit,
            AlarmRule alarmRule, Double inputEwma, Integer window, Boolean companions, Double driftEwma) {
        this(lags, hiddenSizes, latentSize, discriminatorHidden, beta, lambda, discriminatorWeight, epochs, batchSize,
                learningRate, seed, falseAlarmRate, crossFitBlocks, spikeLimit, alarmRule, inputEwma, window,
                companions, driftEwma, null, null);
    }

    /** This request with every missing value taken from {@link #DEFAULTS}, validated. */
    public Hyperparameters withDefaults() {
        Hyperparameters d = DEFAULTS;
        Hyperparameters h = new Hyperparameters(or(lags, d.lags), hiddenSizes == null || hiddenSizes.isEmpty()
                ? d.hiddenSizes : java.util.Collections.unmodifiableList(new ArrayList<>(hiddenSizes)), or(latentSize, d.latentSize),
                or(discriminatorHidden, d.discriminatorHidden), or(beta, d.beta), or(lambda, d.lambda),
                or(discriminatorWeight, d.discriminatorWeight), or(epochs, d.epochs), or(batchSize, d.batchSize),
                or(learningRate, d.learningRate), or(seed, d.seed), or(falseAlarmRate, d.falseAlarmRate),
                or(crossFitBlocks, d.crossFitBlocks), or(spikeLimit, d.spikeLimit), or(alarmRule, d.alarmRule),
                or(inputEwma, d.inputEwma), or(window, d.window), or(companions, d.companions),
                or(driftEwma, d.driftEwma), or(betweenRun, d.betweenRun),
                or(betweenRunAugmentation, d.betweenRunAugmentation));
        h.validate();
        return h;
    }

    /** k of the training rows' between-run augmentation; 0 for models stored before it (null). */
    public double augmentation() {
        return betweenRunAugmentation == null ? 0 : betweenRunAugmentation;
    }

    /** The same hyperparameters with another seed. */
    public Hyperparameters withSeed(long newSeed) {
        return new Hyperparameters(lags, hiddenSizes, latentSize, discriminatorHidden, beta, lambda, discriminatorWeight,
                epochs, batchSize, learningRate, newSeed, falseAlarmRate, crossFitBlocks, spikeLimit, alarmRule,
                inputEwma, window, companions, driftEwma, betweenRun, betweenRunAugmentation);
    }

    /**
     * The temporal input features these hyperparameters ask for; none for models stored before they existed (null
     * fields).
     */
    public TemporalFeatures temporalFeatures() {
        return new TemporalFeatures(inputEwma == null ? 0 : inputEwma, window == null ? 0 : window,
                driftEwma == null || Boolean.FALSE.equals(companions) ? 0 : driftEwma);
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private void validate() {
        List<ValidationProblem.FieldError> errors = new ArrayList<>();
        check(errors, lags >= 0 && lags <= 20, "lags", "must be between 0 and 20");
        check(errors, hiddenSizes.stream().allMatch(s -> s != null && s >= 2 && s <= 4096), "hiddenSizes",
                "every size must be between 2 and 4096");
        check(errors, hiddenSizes.size() <= 5, "hiddenSizes", "at most 5 hidden layers");
        check(errors, latentSize >= 1 && latentSize <= 1024, "latentSize", "must be between 1 and 1024");
        check(errors, discriminatorHidden >= 2 && discriminatorHidden <= 4096, "discriminatorHidden",
                "must be between 2 and 4096");
        check(errors, beta >= 0 && beta <= 100, "beta", "must be between 0 and 100");
        check(errors, lambda >= 0 && lambda <= 100, "lambda", "must be between 0 and 100");
        check(errors, discriminatorWeight >= 0 && discriminatorWeight <= 10, "discriminatorWeight",
                "must be between 0 and 10");
        check(errors, epochs >= 1 && epochs <= 100_000, "epochs", "must be between 1 and 100000");
        check(errors, batchSize >= 1 && batchSize <= 65_536, "batchSize", "must be between 1 and 65536");
        check(errors, learningRate > 0 && learningRate <= 1, "learningRate", "must be in (0, 1]");
        check(errors, falseAlarmRate > 0 && falseAlarmRate < 0.5, "falseAlarmRate", "must be in (0, 0.5)");
        check(errors, crossFitBlocks >= 2 && crossFitBlocks <= 20, "crossFitBlocks", "must be between 2 and 20");
        errors.addAll(alarmRule.problems("hyperparameters.alarmRule"));
        check(errors, spikeLimit >= 2, "spikeLimit", "must be at least 2");
        check(errors, inputEwma >= 0 && inputEwma <= 1, "inputEwma", "must be between 0 (none) and 1");
        check(errors, window == 0 || (window >= 2 && window <= 200), "window", "must be 0 (none) or between 2 and 200");
        check(errors, driftEwma == 0 || (driftEwma >= 0.005 && driftEwma <= 1), "driftEwma",
                "must be 0 (none) or between 0.005 and 1");
        check(errors, betweenRun >= 0 && betweenRun <= 4, "betweenRun", "must be between 0 (none) and 4");
        check(errors, betweenRunAugmentation >= 0 && betweenRunAugmentation <= 4, "betweenRunAugmentation",
                "must be between 0 (none) and 4");
        if (!errors.isEmpty()) {
            throw new ValidationProblem("Invalid hyperparameters", errors);
        }
    }

    private static void check(List<ValidationProblem.FieldError> errors, boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new ValidationProblem.FieldError("hyperparameters." + field, message));
        }
    }
}
