package io.poka.diagnosis;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A registered fault-classifier version with its provenance: what it was trained on (data fingerprint), every
 * setting, and its per-class accuracy on the held-out later part of each run.
 */
public record DiagnosisModel(UUID id, @Schema(example = "tep") String dataset, @Schema(example = "1") int version,
        List<String> labels, List<String> variables, Settings settings, List<ClassAccuracy> evaluation,
        @Schema(example = "3be1...") String parametersSha256, @Schema(example = "9f2c...") String dataFingerprint,
        long trainingMillis, Instant createdAt, @Schema(example = "qa.lead") String createdBy,
        @Schema(description = "how `evaluation` was measured: blocked-cross-validation (this training's own folds, see "
                + "crossValidation) or holdout-70-30 (versions stored before: one later 30 % of each run, 7 windows per "
                + "class)", example = "blocked-cross-validation") String evaluationMethod,
        @Schema(description = "the training's time-blocked cross-validation; null for versions stored before it")
        CrossValidated crossValidation) {

    /** {@link #evaluationMethod()} of a version evaluated by its training's cross-validation. */
    public static final String CROSS_VALIDATED = "blocked-cross-validation";

    /** {@link #evaluationMethod()} of a version stored before: the 70/30 split of each run. */
    public static final String HOLDOUT = "holdout-70-30";

    /**
     * The cross-validation a training ran before fitting the served model (docs/diagnosis.md "How it is evaluated"):
     * every run cut into {@code folds} time blocks, fold k tests block k and trains on the rest minus {@code gap} rows
     * either side; test windows every {@code testStride} rows. Means are over classes; faults 3, 9, 15 apart.
     */
    @Schema(name = "DiagnosisCrossValidation")
    public record CrossValidated(@Schema(example = "5") int folds, @Schema(example = "20") int gap,
            @Schema(example = "4") int testStride, List<ClassCounts> classes,
            @Schema(description = "top-1 accuracy, mean over normal and the faults not in hardFaults", example = "0.764")
            Double meanAccuracy,
            @Schema(description = "top-1 accuracy, mean over the faults not in hardFaults", example = "0.792")
            Double meanFaultAccuracy,
            @Schema(description = "the faults reported apart (configured; TEP 3, 9, 15)") List<String> hardFaults,
            @Schema(description = "top-1 accuracy, mean over hardFaults", example = "0.357") Double hardFaultAccuracy,
            @Schema(description = "top-1 accuracy on normal windows", example = "0.257") Double normalAccuracy,
            @Schema(description = "share of a trained class's windows called unknown, mean over classes",
                    example = "0.084") Double knownCalledUnknown,
            @Schema(description = "share of a fault's windows called unknown when that fault was left out of training "
                    + "(each fault in turn, in the first leftOutFolds folds); null when not measured", example = "0.565")
            Double leftOutCalledUnknown,
            @Schema(example = "1") int leftOutFolds, @Schema(example = "1800") int leftOutWindows,
            @Schema(description = "classes this model cannot tell apart from normal; a diagnosis naming one (or "
                    + "normal) says so") List<NormalLookalike> indistinguishableFromNormal) {
    }

    /** One class's cross-validated counts (top-1 = most probable class right; verdict: unknown counts as wrong). */
    @Schema(name = "DiagnosisClassCounts")
    public record ClassCounts(@Schema(example = "fault-09") String label, @Schema(example = "100") int windows,
            @Schema(example = "23") int topOneRight, @Schema(example = "23") int verdictRight,
            @Schema(example = "0") int calledUnknown, @Schema(example = "27") int calledNormal) {
    }

    /**
     * A class taken for normal (and normal for it) so often in the cross-validation that a diagnosis naming it is no
     * better than "normal or a subtle fault".
     */
    @Schema(name = "DiagnosisNormalLookalike")
    public record NormalLookalike(@Schema(example = "fault-09") String label,
            @Schema(description = "share of its windows whose most probable class was normal", example = "0.27")
            double takenForNormal,
            @Schema(description = "share of normal windows whose most probable class was it", example = "0.25")
            double normalTakenForIt,
            @Schema(description = "listed in poka.diagnosis.indistinguishable-faults (known from the literature)")
            boolean configured) {
    }

    /** The training settings (see poka.diagnosis.* in docs/configuration.md). */
    @Schema(name = "DiagnosisSettings")
    public record Settings(@Schema(example = "20") int window, @Schema(example = "5") int stride,
            @Schema(example = "100") int epochs, @Schema(example = "0.1") double l2,
            @Schema(example = "0.99") double quantile, @Schema(example = "2.0") double radiusFactor,
            @Schema(example = "0.7") double trainShare, @Schema(example = "42") long seed, List<Integer> faults,
            @Schema(description = "window feature set (basic, rich, basic-log, rich-log); null = basic (older versions)",
                    example = "rich-log") String features,
            @Schema(description = "how the class scores are fitted: softmax or lda; null = softmax (older versions)",
                    example = "lda") String learner,
            @Schema(description = "LDA covariance shrinkage", example = "0.05") Double shrinkage,
            @Schema(description = "features farthest from the centroid the open-set distance is taken over; null or 0 = "
                    + "all (older versions)", example = "5") Integer distanceFeatures) {
    }

    /**
     * One class on the held-out part (see evaluationMethod): top-1 accuracy, accuracy of the verdict (unknown counts as wrong), share called
     * unknown.
     */
    public record ClassAccuracy(@Schema(example = "fault-01") String label, @Schema(example = "7") int windows,
            @Schema(example = "1.0") double accuracy, @Schema(example = "1.0") double verdictAccuracy,
            @Schema(example = "0.0") double unknownShare) {
    }
}
