package io.poka.baselines.internal.model;

/**
 * How permutation importance is measured.
 *
 * @param repeats shuffles per feature
 * @param maxRows most evaluation rows used (a seeded sample beyond), which bounds its cost on large data sets
 * @param seed seed of the sample and the shuffles
 */
public record ImportanceSettings(int repeats, int maxRows, long seed) {
}
