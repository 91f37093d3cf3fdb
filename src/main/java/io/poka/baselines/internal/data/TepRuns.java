package io.poka.baselines.internal.data;

/**
 * The Tennessee Eastman training runs shipped in src/main/resources/datasets/tep (Braatz, see NOTICE.md there), read
 * for the anomaly baselines: d00 is stored transposed (52 x 500) and is turned back into rows.
 */
public final class TepRuns {
    public static final int VARIABLES = 52;

    private TepRuns() {
    }

    /** Normal operation: 500 rows x 52 variables in time order. */
    public static double[][] normal() {
        double[][] t = read("d00.dat");
        double[][] rows = new double[t[0].length][t.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < t.length; j++) {
                rows[i][j] = t[j][i];
            }
        }
        return rows;
    }

    /** Fault run 1..21: 480 rows x 52 variables, fault active throughout. */
    public static double[][] fault(int fault) {
        return read(String.format("d%02d.dat", fault));
    }

    private static double[][] read(String name) {
        return ResourceText.numbers("tep/" + name);
    }
}
