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
        long trainingMillis, Instant createdAt, @Schema(example = "qa.lead") String createdBy) {

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
     * One class on the held-out part: top-1 accuracy, accuracy of the verdict (unknown counts as wrong), share called
     * unknown.
     */
    public record ClassAccuracy(@Schema(example = "fault-01") String label, @Schema(example = "7") int windows,
            @Schema(example = "1.0") double accuracy, @Schema(example = "1.0") double verdictAccuracy,
            @Schema(example = "0.0") double unknownShare) {
    }
}
