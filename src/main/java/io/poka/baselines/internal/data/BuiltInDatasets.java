package io.poka.baselines.internal.data;

import io.poka.platform.CsvReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data sets shipped in the application jar (src/main/resources/datasets, each with its NOTICE.md): UCI steel
 * plates faults and NASA C-MAPSS FD001. Parsed once and cached, since they never change.
 */
public final class BuiltInDatasets {
    public static final String STEEL_PLATES = "steel-plates";
    public static final String CMAPSS_FD001 = "cmapss-fd001";
    public static final Set<String> NAMES = Set.of(STEEL_PLATES, CMAPSS_FD001);

    /** RUL cap: the common piecewise-linear target of the C-MAPSS literature (flat at 125 cycles early in life). */
    public static final int RUL_CAP = 125;

    private static final Map<String, TabularData> CACHE = new ConcurrentHashMap<>();

    private BuiltInDatasets() {
    }

    /** The named data set, or null if there is none by that name. */
    public static TabularData get(String name) {
        if (!NAMES.contains(name)) {
            return null;
        }
        return CACHE.computeIfAbsent(name, n -> n.equals(STEEL_PLATES) ? steelPlates() : cmapssFd001());
    }

    /** 1941 plates, 27 features, 7 one-hot fault classes (the last 7 columns) folded into one label. */
    static TabularData steelPlates() {
        List<String> names = ResourceText.lines("steel-plates/Faults27x7_var").stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        List<String> features = names.subList(0, 27);
        List<String> classes = names.subList(27, 34);
        // the published file wraps each tab-separated row in double quotes: the reader unwraps it into one cell,
        // which is then the row itself
        List<List<String>> rows = ResourceText.rows("steel-plates/Faults.NNA", CsvReader.Delimiter.TAB);
        List<double[]> x = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = rows.get(r);
            if (cells.size() == 1) {
                cells = CsvReader.open(new StringReader(cells.get(0)), CsvReader.Delimiter.TAB).next().cells();
            }
            if (cells.size() != 34) {
                throw new IllegalStateException("steel plates row " + (r + 1) + " has " + cells.size() + " columns");
            }
            double[] v = new double[27];
            for (int c = 0; c < 27; c++) {
                v[c] = Double.parseDouble(cells.get(c));
            }
            String label = null;
            for (int c = 0; c < 7; c++) {
                if (Double.parseDouble(cells.get(27 + c)) == 1.0) {
                    label = classes.get(c);
                }
            }
            if (label == null) {
                throw new IllegalStateException("steel plates row " + (r + 1) + " has no fault class");
            }
            x.add(v);
            labels.add(label);
        }
        return new TabularData(STEEL_PLATES, List.copyOf(features), "fault", x.toArray(double[][]::new),
                labels.toArray(String[]::new), null, null);
    }

    /**
     * 100 engines run to failure; features are the operating settings and sensors that vary (unit and cycle are
     * not features); target RUL = last cycle of the unit - cycle, capped at {@link #RUL_CAP}.
     */
    static TabularData cmapssFd001() {
        List<String> features = new ArrayList<>(List.of("setting_1", "setting_2", "setting_3"));
        for (int s = 1; s <= 21; s++) {
            features.add("sensor_" + s);
        }
        List<double[]> x = new ArrayList<>();
        List<int[]> unitCycle = new ArrayList<>();
        Map<Integer, Integer> lastCycle = new HashMap<>();
        for (double[] cells : ResourceText.numbers("cmapss/train_FD001.txt")) {
            int unit = (int) cells[0];
            int cycle = (int) cells[1];
            x.add(Arrays.copyOfRange(cells, 2, 26));
            unitCycle.add(new int[] {unit, cycle});
            lastCycle.merge(unit, cycle, Math::max);
        }
        double[] rul = new double[x.size()];
        int[] units = new int[x.size()];
        for (int i = 0; i < rul.length; i++) {
            int[] uc = unitCycle.get(i);
            units[i] = uc[0];
            rul[i] = Math.min(RUL_CAP, lastCycle.get(uc[0]) - uc[1]);
        }
        // columns constant over the whole file carry no information (and cannot be standardised): drop them
        List<Integer> kept = new ArrayList<>();
        for (int c = 0; c < features.size(); c++) {
            double first = x.get(0)[c];
            final int col = c;
            if (x.stream().anyMatch(v -> v[col] != first)) {
                kept.add(c);
            }
        }
        double[][] values = x.stream().map(v -> kept.stream().mapToDouble(c -> v[c]).toArray()).toArray(double[][]::new);
        return new TabularData(CMAPSS_FD001, kept.stream().map(features::get).toList(), "rul", values, null, rul,
                units);
    }
}
