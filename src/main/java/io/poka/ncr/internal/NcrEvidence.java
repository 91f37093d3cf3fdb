package io.poka.ncr.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The evidence a report was opened on, copied at opening so it stays what the decision was based on even when the
 * source changes later: the failed inspection, the incident with its chart signals, the anomaly model's verdict.
 * Members that do not apply to the source are null.
 */
@Schema(name = "NcrEvidence")
public record NcrEvidence(InspectionEvidence inspection, IncidentEvidence incident, ModelEvidence model,
        List<ChartEvidence> charts) {

    /** A failed inspection: the lot, plan version, inspector and the defect classes that failed. */
    @Schema(name = "NcrInspectionEvidence")
    public record InspectionEvidence(UUID inspectionId, UUID lotId, String lotExternalId, UUID planId,
            String planName, int planVersion, int lotSize, String inspector, Instant inspectedAt,
            List<FailedClass> failedClasses, String remarks) {
    }

    /** One failed defect class: the sampling plan it was judged by and the nonconforming units found. */
    @Schema(name = "NcrFailedClass")
    public record FailedClass(String defectClass, String severity, String aql, int sampleSize, int acceptanceNumber,
            int rejectionNumber, int nonconforming) {
    }

    /** The incident: line, time span of its signals and its variables ranked by contribution. */
    @Schema(name = "NcrIncidentEvidence")
    public record IncidentEvidence(UUID incidentId, String line, String severity, Instant firstSignalAt,
            Instant lastSignalAt, String summary, List<VariableEvidence> variables) {
    }

    /** A variable of an incident: rule firings and the anomaly model's summed contribution. */
    @Schema(name = "NcrVariableEvidence")
    public record VariableEvidence(String variable, int firings, double contribution) {
    }

    /**
     * The anomaly model's verdict: model id, version and the fingerprint of its training data, the score against its
     * threshold and the top contributing variables (contribution: that anomaly's own, exactly as the scoring module
     * reported it in AnomalyDetected).
     */
    @Schema(name = "NcrModelEvidence")
    public record ModelEvidence(UUID anomalyId, UUID modelId, int modelVersion, String trainingFingerprint,
            double score, double threshold, Instant observedAt, List<VariableEvidence> topContributors) {
    }

    /** An SPC signal: the chart, the rule that fired and the version of the control limits it was judged by. */
    @Schema(name = "NcrChartEvidence")
    public record ChartEvidence(UUID alertId, String variable, String chart, String ruleId, String ruleDescription,
            int limitsVersion, Instant firstPointAt, Instant lastPointAt) {
    }
}
