package io.poka.telemetry.internal;

import io.poka.platform.CsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One Tennessee Eastman run of the Braatz data set (src/main/resources/datasets/tep, see NOTICE.md there): rows
 * are time steps of 52 variables, XMEAS(1..41) then XMV(1..11). d00.dat is stored transposed and is turned back.
 */
public final class TepRun {
    public static final int VARIABLES = 52;

    /** Variable id, description and unit (Downs and Vogel, Computers and Chemical Engineering 17(3), 1993, tables 4-6). */
    public record TepVariable(String id, String description, String unit) {
    }

    public static final List<TepVariable> CATALOGUE = catalogue();

    private final String name;
    private final double[][] rows;

    private TepRun(String name, double[][] rows) {
        this.name = name;
        this.rows = rows;
    }

    /** Loads d00 .. d21 from the classpath. */
    public static TepRun load(String name) {
        if (!name.matches("d\\d\\d")) {
            throw new IllegalArgumentException("TEP runs are named d00 .. d21, not " + name);
        }
        List<double[]> lines = new ArrayList<>();
        try (InputStream in = TepRun.class.getResourceAsStream("/datasets/tep/" + name + ".dat")) {
            if (in == null) {
                throw new IllegalArgumentException("no TEP run " + name);
            }
            try (CsvReader reader = CsvReader.open(new InputStreamReader(in, StandardCharsets.US_ASCII),
                    CsvReader.Delimiter.WHITESPACE)) {
                reader.forEachRemaining(row -> lines.add(row.cells().stream().mapToDouble(Double::parseDouble).toArray()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read TEP run " + name, e);
        }
        double[][] rows = lines.toArray(new double[0][]);
        if (rows.length == VARIABLES && rows[0].length != VARIABLES) {
            double[][] t = new double[rows[0].length][VARIABLES];
            for (int i = 0; i < VARIABLES; i++) {
                for (int j = 0; j < rows[0].length; j++) {
                    t[j][i] = rows[i][j];
                }
            }
            rows = t;
        }
        for (double[] row : rows) {
            if (row.length != VARIABLES) {
                throw new IllegalStateException("TEP run " + name + " has a row of " + row.length + " values");
            }
        }
        return new TepRun(name, rows);
    }

    public String name() {
        return name;
    }

    public int steps() {
        return rows.length;
    }

    public double value(int step, int variable) {
        return rows[step][variable];
    }

    private static List<TepVariable> catalogue() {
        String[][] meas = {
                {"A feed (stream 1)", "kscmh"}, {"D feed (stream 2)", "kg/h"}, {"E feed (stream 3)", "kg/h"},
                {"A and C feed (stream 4)", "kscmh"}, {"Recycle flow (stream 8)", "kscmh"},
                {"Reactor feed rate (stream 6)", "kscmh"}, {"Reactor pressure", "kPa gauge"}, {"Reactor level", "%"},
                {"Reactor temperature", "degC"}, {"Purge rate (stream 9)", "kscmh"},
                {"Product separator temperature", "degC"}, {"Product separator level", "%"},
                {"Product separator pressure", "kPa gauge"}, {"Product separator underflow (stream 10)", "m3/h"},
                {"Stripper level", "%"}, {"Stripper pressure", "kPa gauge"},
                {"Stripper underflow (stream 11)", "m3/h"}, {"Stripper temperature", "degC"},
                {"Stripper steam flow", "kg/h"}, {"Compressor work", "kW"},
                {"Reactor cooling water outlet temperature", "degC"},
                {"Separator cooling water outlet temperature", "degC"}};
        String[] feed = {"A", "B", "C", "D", "E", "F"};
        String[] purge = {"A", "B", "C", "D", "E", "F", "G", "H"};
        String[] product = {"D", "E", "F", "G", "H"};
        String[] mv = {"D feed flow", "E feed flow", "A feed flow", "A and C feed flow", "Compressor recycle valve",
                "Purge valve", "Separator pot liquid flow", "Stripper liquid product flow", "Stripper steam valve",
                "Reactor cooling water flow", "Condenser cooling water flow"};
        List<TepVariable> out = new ArrayList<>(VARIABLES);
        for (int i = 0; i < meas.length; i++) {
            out.add(new TepVariable(String.format("xmeas-%02d", i + 1), meas[i][0], meas[i][1]));
        }
        for (String c : feed) {
            out.add(new TepVariable(String.format("xmeas-%02d", out.size() + 1), "Reactor feed component " + c, "mol%"));
        }
        for (String c : purge) {
            out.add(new TepVariable(String.format("xmeas-%02d", out.size() + 1), "Purge gas component " + c, "mol%"));
        }
        for (String c : product) {
            out.add(new TepVariable(String.format("xmeas-%02d", out.size() + 1), "Product component " + c, "mol%"));
        }
        for (int i = 0; i < mv.length; i++) {
            out.add(new TepVariable(String.format("xmv-%02d", i + 1), mv[i], "%"));
        }
        return List.copyOf(out);
    }
}
