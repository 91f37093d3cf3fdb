package io.poka.ncr;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A defect code of the hierarchical catalogue: {@code parentCode} is null at the top, {@code path} runs from the top
 * code down to this one (e.g. DIM, DIM-BURR); an inactive code stays on old reports but is offered no more.
 */
@Schema(name = "DefectCode")
public record DefectCodeView(
        @Schema(example = "DIM-BURR") String code,
        @Schema(example = "DIM") String parentCode,
        @Schema(example = "Burr") String name,
        @Schema(example = "Material left on an edge after cutting or stamping") String description,
        NcrSeverity defaultSeverity,
        boolean active,
        List<String> path) {
}
