package io.poka.scoring;

import io.poka.scoring.internal.data.NumericTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The Tennessee Eastman training runs shipped in src/main/resources/datasets/tep (Braatz; see NOTICE.md there):
 * d00 is stored transposed (52 x 500), d01..d21 as 480 x 52, columns XMEAS(1..41) then XMV(1..11).
 */
public final class TepData {
    public static final List<String> VARIABLES = IntStream.rangeClosed(1, 52)
            .mapToObj(i -> i <= 41 ? "XMEAS" + i : "XMV" + (i - 41)).toList();
    /** Faults the literature calls practically undetectable from these variables. */
    public static final List<Integer> UNDETECTABLE = List.of(3, 9, 15);

    private TepData() {
    }

    /** Normal operation, 500 rows x 52 variables in time order. */
    public static NumericTable normal() {
        double[][] transposed = read("d00.dat");
        int n = transposed[0].length;
        double[][] rows = new double[n][transposed.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < transposed.length; j++) {
                rows[i][j] = transposed[j][i];
            }
        }
        return new NumericTable(VARIABLES, rows);
    }

    /** Fault run 1..21: 480 rows, fault active throughout. */
    public static NumericTable fault(int fault) {
        return new NumericTable(VARIABLES, read(String.format("d%02d.dat", fault)));
    }

    /** The table as CSV with a header, as a user would upload it. */
    public static String csv(NumericTable table) {
        return table.canonicalCsv();
    }

    private static double[][] read(String name) {
        try (InputStream in = TepData.class.getResourceAsStream("/datasets/tep/" + name)) {
            if (in == null) {
                throw new IllegalStateException("TEP file missing from the classpath: " + name);
            }
            List<double[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.isBlank()) {
                    String[] cells = line.trim().split("\\s+");
                    double[] row = new double[cells.length];
                    for (int j = 0; j < cells.length; j++) {
                        row[j] = Double.parseDouble(cells[j]);
                    }
                    rows.add(row);
                }
            }
            return rows.toArray(double[][]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
