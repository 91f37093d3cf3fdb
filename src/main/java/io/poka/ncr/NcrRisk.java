package io.poka.ncr;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The risk of a nonconformance as severity x occurrence x detection (risk priority number), each rated 1-10 on the
 * scales of the AIAG & VDA FMEA Handbook (2019), tables D1 to D3 of the DFMEA/PFMEA rating (docs/ncr.md lists them).
 *
 * @param rpn severity * occurrence * detection, 1..1000
 */
@Schema(name = "NcrRisk")
public record NcrRisk(@Schema(example = "8") int severity, @Schema(example = "4") int occurrence,
        @Schema(example = "5") int detection, @Schema(example = "160") int rpn) {

    /** The risk with its product computed. */
    public static NcrRisk of(int severity, int occurrence, int detection) {
        return new NcrRisk(severity, occurrence, detection, severity * occurrence * detection);
    }
}
