package io.poka.scoring;

import java.util.List;

/**
 * The verdict on one input row. {@code score} is null for the first rows that only serve as lag history.
 *
 * @param row zero-based index of the row in the request
 */
public record RowScore(int row, Double score, boolean anomalous, List<Contribution> topContributors) {
}
