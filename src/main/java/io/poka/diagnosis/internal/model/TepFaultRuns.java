package io.poka.diagnosis.internal.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The labelled Tennessee Eastman training runs shipped in src/main/resources/datasets/tep (Braatz; braatz_readme.txt
 * there): d00 normal (stored transposed, 52 x 500), dNN fault NN active in all 480 rows; 41 XMEAS then 11 XMV, named
 * as the demo plant's telemetry names them (xmeas-01.., xmv-01..).
 */
public final class TepFaultRuns {
    public static final String NORMAL = "normal";
    public static final int FAULTS = 21;

    private TepFaultRuns() {
    }

    public static List<String> variables() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 41; i++) {
            names.add(String.format("xmeas-%02d", i));
        }
        for (int i = 1; i <= 11; i++) {
            names.add(String.format("xmv-%02d", i));
        }
        return names;
    }

    public static String label(int fault) {
        return fault == 0 ? NORMAL : String.format("fault-%02d", fault);
    }

    /** Rows of run {@code fault} (0 = normal) in time order. */
    public static double[][] run(int fault) {
        double[][] t = read(String.format("d%02d.dat", fault));
        if (fault != 0) {
            return t;
        }
        double[][] rows = new double[t[0].length][t.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < t.length; j++) {
                rows[i][j] = t[j][i];
            }
        }
        return rows;
    }

    /** Every run by label (normal first), the faults listed in {@code faults}. */
    public static Map<String, double[][]> runs(List<Integer> faults) {
        Map<String, double[][]> out = new LinkedHashMap<>();
        for (int f : faults) {
            out.put(label(f), run(f));
        }
        return out;
    }

    private static double[][] read(String name) {
        try (InputStream in = TepFaultRuns.class.getResourceAsStream("/datasets/tep/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource datasets/tep/" + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            List<double[]> rows = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                String t = line.trim();
                if (t.isEmpty()) {
                    continue;
                }
                String[] parts = t.split("\\s+");
                double[] row = new double[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    row[i] = Double.parseDouble(parts[i]);
                }
                rows.add(row);
            }
            return rows.toArray(double[][]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
