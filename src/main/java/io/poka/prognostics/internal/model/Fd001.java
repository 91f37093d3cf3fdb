package io.poka.prognostics.internal.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NASA C-MAPSS FD001 training file shipped in the jar (datasets/cmapss, see its NOTICE.md): 100 engines run to
 * failure, as unit histories of the 14 sensors that carry degradation (2, 3, 4, 7, 8, 9, 11, 12, 13, 14, 15, 17, 20,
 * 21: the other seven and the operating settings are constant or noise in FD001; the same 14 as Li, Ding and Sun 2018).
 */
public final class Fd001 {
    public static final String NAME = "cmapss-fd001";
    public static final List<String> SENSORS = List.of("sensor_2", "sensor_3", "sensor_4", "sensor_7", "sensor_8",
            "sensor_9", "sensor_11", "sensor_12", "sensor_13", "sensor_14", "sensor_15", "sensor_17", "sensor_20",
            "sensor_21");
    private static final int[] COLUMNS = {2, 3, 4, 7, 8, 9, 11, 12, 13, 14, 15, 17, 20, 21};
    private static final String RESOURCE = "datasets/cmapss/train_FD001.txt";

    /** The units and the SHA-256 of the file they came from. */
    public record Data(List<UnitHistory> units, String fingerprint) {
    }

    private static volatile Data cached;

    private Fd001() {
    }

    public static Data load() {
        Data d = cached;
        if (d == null) {
            d = read();
            cached = d;
        }
        return d;
    }

    private static Data read() {
        Map<Integer, List<double[]>> byUnit = new LinkedHashMap<>();
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Fd001.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the classpath");
            }
            byte[] all = in.readAllBytes();
            sha.update(all);
            BufferedReader r = new BufferedReader(new InputStreamReader(new java.io.ByteArrayInputStream(all),
                    StandardCharsets.US_ASCII));
            String line;
            while ((line = r.readLine()) != null) {
                String[] cells = line.strip().split("\\s+");
                if (cells.length < 26) {
                    continue;
                }
                double[] row = new double[COLUMNS.length];
                for (int i = 0; i < COLUMNS.length; i++) {
                    // columns: unit, cycle, 3 settings, sensor 1..21 (sensor s at index 4 + s)
                    row[i] = Double.parseDouble(cells[4 + COLUMNS[i]]);
                }
                byUnit.computeIfAbsent(Integer.parseInt(cells[0]), u -> new ArrayList<>()).add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<UnitHistory> units = new ArrayList<>();
        byUnit.forEach((unit, rows) -> units.add(new UnitHistory(String.valueOf(unit), rows.toArray(double[][]::new),
                RulTarget.runToFailure(rows.size(), Integer.MAX_VALUE))));
        return new Data(List.copyOf(units), HexFormat.of().formatHex(sha.digest()));
    }
}
