package io.poka.spc.internal.rules;

import java.util.List;

/** A rule that fired on the newest point, with the indices of the points that make up the pattern, oldest first. */
public record RuleViolation(String ruleId, List<Long> pointIndices) {

    public RuleViolation {
        pointIndices = List.copyOf(pointIndices);
    }
}
