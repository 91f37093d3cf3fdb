package io.poka.telemetry.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poka.platform.ValidationProblem;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Bulk CSV parse speed, not a test (runs only with -Dpoka.bench=true, asserts no timing): the shared CsvReader path
 * of {@link CsvReadings} against the hand-written parser it replaced (kept here, verbatim, as the baseline),
 * alternated in one JVM on the same 300,000 rows so machine load hits both alike.
 */
@EnabledIfSystemProperty(named = "poka.bench", matches = "true")
class CsvReadingsBenchmark {
    private static final int ROWS = 300_000;

    @Test
    void parseSpeedAgainstTheHandWrittenParser() {
        StringBuilder csv = new StringBuilder("readingId,line,station,variable,value,unit,timestamp,lot\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append(String.format(Locale.ROOT, "r-%d,press-1,\"st, 1\",temperature,%.4f,degC,2026-11-28T06:%02d:%02dZ,L-%d%n",
                    i, 20 + (i % 97) / 10.0, (i / 60) % 60, i % 60, i % 13));
        }
        String text = csv.toString();
        long[] oldNs = new long[7];
        long[] newNs = new long[7];
        for (int k = 0; k < 7; k++) {
            long t0 = System.nanoTime();
            int a = HandWritten.parse(text).size();
            long t1 = System.nanoTime();
            int b = CsvReadings.parse(new StringReader(text), ROWS).size();
            long t2 = System.nanoTime();
            if (a != ROWS || b != ROWS) {
                throw new IllegalStateException(a + " / " + b);
            }
            oldNs[k] = t1 - t0;
            newNs[k] = t2 - t1;
        }
        Arrays.sort(oldNs);
        Arrays.sort(newNs);
        double oldMs = oldNs[3] / 1e6;
        double newMs = newNs[3] / 1e6;
        System.out.printf(Locale.ROOT, "CSV bulk parse, %d rows, median of 7 (first rounds warm up): hand-written %.0f ms "
                + "(%.0f rows/s), CsvReader %.0f ms (%.0f rows/s), ratio new/old %.2f%n", ROWS, oldMs, ROWS / oldMs * 1e3,
                newMs, ROWS / newMs * 1e3, newMs / oldMs);
    }

    /** The parser CsvReadings used before the shared CsvReader, as it was. */
    private static final class HandWritten {
        static List<ObjectNode> parse(String text) {
            List<List<String>> rows = rows(text == null ? "" : text);
            if (rows.isEmpty()) {
                throw new ValidationProblem("body", "a header row is required");
            }
            List<String> header = rows.get(0);
            List<ObjectNode> out = new ArrayList<>(rows.size() - 1);
            for (List<String> row : rows.subList(1, rows.size())) {
                ObjectNode node = JsonNodeFactory.instance.objectNode();
                for (int i = 0; i < row.size(); i++) {
                    String name = i < header.size() ? header.get(i).trim() : "column" + (i + 1);
                    String cell = row.get(i);
                    if (cell.isEmpty()) {
                        continue;
                    }
                    if (name.equals("value")) {
                        try {
                            node.put(name, Double.parseDouble(cell.trim()));
                        } catch (NumberFormatException e) {
                            node.put(name, cell);
                        }
                    } else {
                        node.put(name, cell);
                    }
                }
                out.add(node);
            }
            return out;
        }

        private static List<List<String>> rows(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                    any = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    any = true;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    if (any || cell.length() > 0) {
                        row.add(cell.toString());
                        rows.add(row);
                    }
                    row = new ArrayList<>();
                    cell.setLength(0);
                    any = false;
                } else {
                    cell.append(c);
                    any = true;
                }
            }
            if (any || cell.length() > 0) {
                row.add(cell.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
