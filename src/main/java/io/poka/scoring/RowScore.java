package io.poka.scoring;

import java.util.List;

/**
 * The verdict on one input row. Scores are null for the first rows that only serve as lag history.
 *
 * @param row zero-based index of the row in the request
 * @param score the score after the model's alarm rule (EWMA or k of n over the rows so far); the threshold applies
 *        to it, so {@code anomalous} = score above threshold
 * @param rawScore this row's own score before the alarm rule
 * @param topContributors the variables that drove this row's raw score
 */
public record RowScore(int row, Double score, Double rawScore, boolean anomalous, List<Contribution> topContributors) {
}
