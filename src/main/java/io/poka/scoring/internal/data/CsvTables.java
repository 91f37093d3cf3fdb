package io.poka.scoring.internal.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses uploaded CSV (first line = variable names, then one numeric row per time step, comma separated) into a
 * {@link NumericTable}. Empty cells, NA and NaN are missing values; anything else that is not a number is rejected
 * with its row and column so the user can fix the file.
 */
public final class CsvTables {
    private CsvTables() {
    }

    public static NumericTable parse(String text) {
        if (text == null || text.isBlank()) {
            throw new UnusableData("empty", "The CSV is empty; expected a header line of variable names and rows of numbers");
        }
        String[] lines = text.split("\r?\n");
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        List<String> header = new ArrayList<>();
        for (String cell : lines[first].split(",", -1)) {
            header.add(unquote(cell.strip()));
        }
        checkHeader(header);
        List<double[]> rows = new ArrayList<>();
        for (int i = first + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cells = lines[i].split(",", -1);
            if (cells.length != header.size()) {
                throw new UnusableData("ragged-row", "Line " + (i + 1) + " has " + cells.length + " values, the header "
                        + header.size()).at("line", i + 1);
            }
            double[] row = new double[cells.length];
            for (int j = 0; j < cells.length; j++) {
                row[j] = number(unquote(cells[j].strip()), i + 1, header.get(j));
            }
            rows.add(row);
        }
        return new NumericTable(header, rows.toArray(double[][]::new));
    }

    /** Variable names must be present and unique. */
    public static void checkHeader(List<String> header) {
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < header.size(); j++) {
            String name = header.get(j);
            if (name == null || name.isEmpty()) {
                throw new UnusableData("missing-column-name", "Column " + (j + 1) + " has no name in the header")
                        .at("column", j + 1);
            }
            if (!seen.add(name)) {
                throw new UnusableData("duplicate-column", "Column '" + name + "' appears twice in the header")
                        .at("column", name);
            }
            if (isNumber(name)) {
                throw new UnusableData("missing-header", "The first line must name the variables; found the number '"
                        + name + "'").at("column", j + 1);
            }
        }
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static double number(String cell, int line, String column) {
        if (cell.isEmpty() || cell.equalsIgnoreCase("NA") || cell.equalsIgnoreCase("NaN")) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(cell);
            if (Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UnusableData("non-numeric", "Line " + line + ", column '" + column + "': '" + abbreviate(cell)
                    + "' is not a number").at("line", line).at("column", column);
        }
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
