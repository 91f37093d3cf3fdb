package io.poka.baselines;

/**
 * Rows split into training and test so that no group (engine unit, batch, machine) has rows on both sides.
 *
 * @param trainRows row indices of the training side, ascending
 * @param testRows row indices of the test side, ascending
 */
public record GroupedSplit(int[] trainRows, int[] testRows) {
}
