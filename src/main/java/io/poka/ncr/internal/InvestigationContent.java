package io.poka.ncr.internal;

import io.poka.ncr.RootCauseCategory;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An investigation as people write it: the method, its structure (the 8D disciplines D0-D8, the chain of whys, or
 * the causes on the six Ishikawa branches), and the root cause found with its 6M category.
 */
@Schema(name = "NcrInvestigation")
public record InvestigationContent(
        @Schema(example = "FIVE_WHY") Investigation.Method method,
        EightD eightD,
        @Schema(example = "[\"burr on edge\", \"punch worn\", \"no punch life limit\"]") List<String> whys,
        Ishikawa ishikawa,
        @Schema(example = "MACHINE") RootCauseCategory rootCauseCategory,
        @Schema(example = "punch of PRESS-3 worn beyond its life; no tool-life limit in the control plan") String rootCause) {

    /** The eight disciplines (plus D0, preparation), as free text each. */
    @Schema(name = "NcrEightD")
    public record EightD(String d0Preparation, String d1Team, String d2Problem, String d3Containment,
            String d4RootCause, String d5CorrectiveActions, String d6Implementation, String d7Prevention,
            String d8Recognition) {
    }

    /** Causes per Ishikawa (6M) branch. */
    @Schema(name = "NcrIshikawa")
    public record Ishikawa(List<String> man, List<String> machine, List<String> method, List<String> material,
            List<String> measurement, List<String> environment) {
    }
}
