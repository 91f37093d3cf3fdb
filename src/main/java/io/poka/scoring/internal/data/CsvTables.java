package io.poka.scoring.internal.data;

import io.poka.platform.CsvReader;
import io.poka.platform.CsvReader.Delimiter;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses uploaded delimited text (first line = variable names, then one numeric row per time step) into a
 * {@link NumericTable} through the shared {@link CsvReader}, which detects the delimiter (comma, semicolon, tab or
 * whitespace); every problem names it. Empty cells, NA and NaN are missing values; anything else that is not a number
 * is rejected with its line and column so the user can fix the file.
 */
public final class CsvTables {
    private CsvTables() {
    }

    /** Parses an upload whose delimiter is detected. */
    public static NumericTable parse(String text) {
        if (text == null || text.isBlank()) {
            throw new UnusableData("empty", "The CSV is empty; expected a header line of variable names and rows of numbers");
        }
        return parse(CsvReader.of(text));
    }

    /** Parses the stored canonical form (comma-separated, see {@link NumericTable}). */
    static NumericTable parseCanonical(String text) {
        return parse(CsvReader.open(new StringReader(text), Delimiter.COMMA));
    }

    private static NumericTable parse(CsvReader reader) {
        String used = reader.delimiter().label();
        if (!reader.hasNext()) {
            throw new UnusableData("empty", "The CSV is empty; expected a header line of variable names and rows of numbers");
        }
        CsvReader.Row first = reader.next();
        List<String> header = first.cells();
        if (CsvReader.allNumeric(header)) {
            throw new UnusableData("missing-header", "Missing header: the first line (" + used + "-separated) holds "
                    + "numbers; it must name the variables, for example x1" + separator(reader.delimiter()) + "x2")
                    .at("line", first.line()).at("delimiter", used);
        }
        try {
            checkHeader(header);
        } catch (UnusableData e) {
            throw e.at("delimiter", used);
        }
        List<double[]> rows = new ArrayList<>();
        while (reader.hasNext()) {
            CsvReader.Row row = reader.next();
            List<String> cells = row.cells();
            if (cells.size() != header.size()) {
                throw new UnusableData("ragged-row", "Line " + row.line() + " has " + cells.size() + " values, the header "
                        + header.size() + " (" + used + "-separated)").at("line", row.line()).at("delimiter", used);
            }
            double[] values = new double[cells.size()];
            for (int j = 0; j < values.length; j++) {
                values[j] = number(cells.get(j), row.line(), header.get(j), used);
            }
            rows.add(values);
        }
        return new NumericTable(header, rows.toArray(double[][]::new));
    }

    private static String separator(Delimiter d) {
        return switch (d) {
            case COMMA -> ",";
            case SEMICOLON -> ";";
            case TAB -> "<tab>";
            case WHITESPACE -> " ";
        };
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
                throw new UnusableData("missing-header", "Missing header: the first line must name the variables; "
                        + "found the number '" + name + "'").at("column", j + 1);
            }
        }
    }

    /**
     * Whether {@link Double#parseDouble} accepts {@code s}. A text whose first character past leading blanks cannot
     * begin a number (sign, digit, '.', NaN, Infinity) is answered without parsing: streaming checks its 52 names
     * every poll, and a failed parse costs an exception each.
     */
    static boolean isNumber(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) <= ' ') {
            i++;
        }
        if (i == s.length() || "+-.0123456789NI".indexOf(s.charAt(i)) < 0) {
            return false;
        }
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static double number(String cell, long line, String column, String delimiter) {
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
                    + "' is not a number (" + delimiter + "-separated)").at("line", line).at("column", column)
                    .at("delimiter", delimiter);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
