package io.poka.scoring.internal.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A matrix of readings: one row per time step, one column per variable; missing values are NaN. Its canonical form
 * (header line, a name in double quotes only if it holds a comma, quote or line break, then each row with Java's
 * shortest round-trip decimal, comma separated, LF line ends, "NaN" for a missing value) is what the fingerprint hashes, so the same numbers give the same fingerprint however they were
 * formatted on upload.
 */
public record NumericTable(List<String> variables, double[][] rows) {

    public NumericTable {
        variables = List.copyOf(variables);
    }

    public int rowCount() {
        return rows.length;
    }

    public int columnCount() {
        return variables.size();
    }

    /** The canonical CSV text described in the class comment. */
    public String canonicalCsv() {
        StringBuilder sb = new StringBuilder(rows.length * columnCount() * 10 + 64);
        sb.append(String.join(",", variables.stream().map(NumericTable::quoted).toList())).append('\n');
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                if (j > 0) {
                    sb.append(',');
                }
                sb.append(Double.isNaN(row[j]) ? "NaN" : Double.toString(row[j]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** RFC 4180 quoting, only where needed, so names without special characters keep their earlier fingerprints. */
    private static String quoted(String name) {
        return name.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')
                ? '"' + name.replace("\"", "\"\"") + '"' : name;
    }

    /** SHA-256 of {@link #canonicalCsv()} in lower-case hex. */
    public String fingerprint() {
        return sha256(canonicalCsv().getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive), sharing the row arrays. */
    public NumericTable slice(int from, int to) {
        return new NumericTable(variables, java.util.Arrays.copyOfRange(rows, from, to));
    }

    /** The columns named, in that order; the caller has checked that they exist. */
    public NumericTable select(List<String> names) {
        int[] idx = names.stream().mapToInt(variables::indexOf).toArray();
        double[][] out = new double[rows.length][idx.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < idx.length; j++) {
                out[i][j] = rows[i][idx[j]];
            }
        }
        return new NumericTable(names, out);
    }
}
