package io.poka.platform;

/**
 * CSV text for PostgreSQL's {@code COPY ... FROM STDIN WITH (FORMAT csv)}, the fast bulk path that telemetry and spc
 * both write through; kept in one place so both quote fields the same way.
 */
public final class CopyCsv {
    private CopyCsv() {
    }

    /** Appends {@code s} as a quoted CSV field (inner quotes doubled) and returns the builder. */
    public static StringBuilder quoted(StringBuilder csv, String s) {
        csv.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') {
                csv.append('"');
            }
            csv.append(ch);
        }
        return csv.append('"');
    }
}
