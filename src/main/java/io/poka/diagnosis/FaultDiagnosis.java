package io.poka.diagnosis;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which known class a window of rows looks like, with the model version that said it. The verdict is {@code unknown}
 * when the window lies farther from the centroid of its most probable class than that class's calibrated radius (the
 * open-set rule in docs/diagnosis.md); the probabilities are shown either way.
 *
 * @param verdict the most probable class, or {@code unknown}
 * @param likely the most probable classes, most probable first
 * @param distance the window's distance to the centroid of its most probable class (class-spread units)
 * @param radius that class's radius; beyond it the verdict is unknown
 * @param line the line whose stored readings were diagnosed, null for rows sent in the request
 * @param windowFrom time of the window's first row, null for rows sent without times
 * @param windowTo time of the window's last row, null for rows sent without times
 * @param indistinguishableFromNormal the most probable class is normal or a class the model cannot tell apart from
 *        normal (its own cross-validation, or the configured faults): read the verdict as "normal or a subtle fault"
 * @param indistinguishableReason why, with the cross-validated figures; null when not
 */
public record FaultDiagnosis(@Schema(example = "fault-01") String verdict, boolean unknown,
        List<ClassProbability> likely, @Schema(example = "0.82") double distance,
        @Schema(example = "1.41") double radius, UUID modelId, @Schema(example = "1") int modelVersion,
        @Schema(example = "tep") String dataset, @Schema(example = "L1") String line, Instant windowFrom,
        Instant windowTo, @Schema(example = "20") int rows,
        @Schema(description = "the most probable class is normal or one this model cannot tell apart from normal")
        boolean indistinguishableFromNormal,
        @Schema(example = "fault-09 and normal look alike to this model: in its cross-validation 27 % of fault-09 "
                + "windows were taken for normal and 25 % of normal windows for fault-09.") String indistinguishableReason) {
}
