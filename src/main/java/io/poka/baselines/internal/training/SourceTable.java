package io.poka.baselines.internal.training;

import java.util.List;
import java.util.Map;

/**
 * A data set as the trainers may read it, whatever its origin (built in, uploaded, built from telemetry): its columns,
 * numeric values per row (NaN where missing or not numeric), and the text values of its non-numeric columns.
 *
 * @param datasetId the id the request named (a built-in name or the scoring registry's UUID)
 * @param datasetName the name users gave it
 * @param fingerprint SHA-256 the registry (or the built-in catalogue) gives the whole data set
 * @param text values of the columns that hold text (a built-in class label), by column
 */
public record SourceTable(String datasetId, String datasetName, String fingerprint, List<String> columns,
        double[][] rows, Map<String, String[]> text) {

    public int rowCount() {
        return rows.length;
    }

    public boolean isText(String column) {
        return text.containsKey(column);
    }

    /**
     * A built-in data set as a table: its features, its target (text for class labels) and, where it has groups,
     * a numeric column {@code unit}, so any of them may be chosen as target, feature or group.
     */
    public static SourceTable of(io.poka.baselines.internal.data.TabularData d) {
        List<String> columns = new java.util.ArrayList<>(d.features());
        columns.add(d.target());
        if (d.groups() != null) {
            columns.add("unit");
        }
        double[][] rows = new double[d.rows()][];
        for (int r = 0; r < rows.length; r++) {
            double[] row = java.util.Arrays.copyOf(d.x()[r], columns.size());
            row[d.features().size()] = d.classification() ? Double.NaN : d.targets()[r];
            if (d.groups() != null) {
                row[d.features().size() + 1] = d.groups()[r];
            }
            rows[r] = row;
        }
        return new SourceTable(d.name(), d.name(), d.fingerprint(), List.copyOf(columns), rows,
                d.classification() ? Map.of(d.target(), d.labels()) : Map.of());
    }
}
