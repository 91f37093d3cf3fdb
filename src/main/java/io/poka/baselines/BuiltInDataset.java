package io.poka.baselines;

import java.util.List;

/**
 * A data set shipped with Poka, as a page offers it for training: its columns (features, target and, where it has
 * units, {@code unit}), its default task and target, its size.
 */
public record BuiltInDataset(String name, String task, String target, List<String> columns, int rowCount) {
}
