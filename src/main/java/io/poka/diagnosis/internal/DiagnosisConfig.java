package io.poka.diagnosis.internal;

import io.poka.diagnosis.internal.model.FaultClassifier;
import io.poka.diagnosis.internal.model.WindowFeatures;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the diagnosis module (prefix {@code poka.diagnosis}). */
@ConfigMapping(prefix = "poka.diagnosis")
public interface DiagnosisConfig {

    /** Rows per diagnosed window (TEP: one row per 3 minutes, so 20 rows = one hour). */
    @WithDefault("20")
    int window();

    /** Rows between the starts of consecutive training windows. */
    @WithDefault("5")
    int stride();

    /**
     * Window features: {@code rich-log} (per variable mean, sd, slope, late mean, EWMA, lag-1 autocorrelation,
     * difference sd, range, cross-correlation, each compressed by sign(x) log(1 + |x|)), {@code rich}, {@code basic-log}
     * or {@code basic} (mean, sd, slope); docs/diagnosis.md compares them.
     */
    @WithDefault("rich-log")
    WindowFeatures.FeatureSet features();

    /** How the class scores are fitted: {@code lda} (linear discriminant analysis) or {@code softmax}. */
    @WithDefault("lda")
    FaultClassifier.Learner learner();

    /** Shrinkage of the LDA's pooled covariance towards its mean variance on the diagonal (0..1). */
    @WithDefault("0.05")
    double shrinkage();

    /** Full-batch gradient steps of the softmax regression. */
    @WithDefault("100")
    int epochs();

    /** L2 penalty on the softmax regression's weights. */
    @WithDefault("0.1")
    double l2();

    /** Quantile of a class's training-window distances that calibrates its radius. */
    @WithDefault("0.99")
    double quantile();

    /** The radius is the quantile times this factor; a window farther from its most probable class is unknown. */
    @WithDefault("2.0")
    double radiusFactor();

    /**
     * The open-set distance is taken over this many features farthest from the class centroid (0 = every feature);
     * docs/diagnosis.md compares the choices.
     */
    @WithDefault("5")
    int distanceFeatures();

    /**
     * Share of each run (its first rows) that the training cross-validates and the served model is fitted on (1 = the
     * whole run; the rest is left unused).
     */
    @WithDefault("1.0")
    double trainShare();

    /** Time blocks of the cross-validation every training runs (figures stored with the model). */
    @WithDefault("5")
    int cvFolds();

    /**
     * In the first this many folds each fault is also left out of training once, to measure the open-set rule on a
     * fault never seen (0 = skip; each fold costs one training per fault).
     */
    @WithDefault("1")
    int leftOutFolds();

    /**
     * A class is indistinguishable from normal when, in the cross-validation, the share of its windows taken for
     * normal plus the share of normal's windows taken for it reaches this; a diagnosis naming it (or normal) says so.
     */
    @WithDefault("0.25")
    double normalConfusion();

    /**
     * Faults always counted as indistinguishable from normal and reported apart (TEP 3, 9, 15: Chiang, Russell and
     * Braatz 2000).
     */
    @WithDefault("3,9,15")
    java.util.List<Integer> indistinguishableFaults();

    /** Seed of the weight initialisation, so a retrain reproduces the model. */
    @WithDefault("42")
    long seed();

    /** Training jobs queued or running at once; one more is refused with 429 diagnosis/training-queue-full. */
    @WithDefault("2")
    int maxQueuedTrainings();

    /** Classes listed with their probability in a diagnosis, most probable first. */
    @WithDefault("5")
    int topClasses();

    /** Earlier incidents compared with an incident or anomaly when looking for similar past events. */
    @WithDefault("200")
    int similarCandidates();

    /** Weight of the cosine similarity of contributions; the Jaccard similarity of variable sets gets the rest. */
    @WithDefault("0.5")
    double cosineWeight();

    /** Earlier events below this similarity are not suggested. */
    @WithDefault("0.2")
    double similarMinimum();
}
