package io.poka.platform;

import io.poka.platform.CsvReader.Delimiter;
import java.util.ArrayList;
import java.util.List;

/**
 * Guesses the delimiter of uploaded text from its first lines: a delimiter that splits every sampled line into the
 * same number (above one) of cells wins, tab and semicolon before comma (a semicolon file often has decimal commas),
 * whitespace last. Without a consistent one, the delimiter splitting the first line most wins; else comma.
 */
final class DelimiterDetection {
    private static final Delimiter[] ORDER = {Delimiter.TAB, Delimiter.SEMICOLON, Delimiter.COMMA,
            Delimiter.WHITESPACE};

    private DelimiterDetection() {
    }

    /**
     * @param sample the start of the text
     * @param complete whether the sample is the whole text (else its last, possibly cut, line is ignored)
     */
    static Delimiter detect(String sample, boolean complete, boolean hashComments) {
        List<String> lines = lines(sample, complete, hashComments);
        if (lines.isEmpty()) {
            return Delimiter.COMMA;
        }
        for (Delimiter d : ORDER) {
            int first = cells(lines.get(0), d);
            if (first > 1 && lines.stream().allMatch(l -> cells(l, d) == first)) {
                return d;
            }
        }
        Delimiter best = Delimiter.COMMA;
        int most = 1;
        for (Delimiter d : ORDER) {
            int n = cells(lines.get(0), d);
            if (n > most) {
                best = d;
                most = n;
            }
        }
        return best;
    }

    private static List<String> lines(String sample, boolean complete, boolean hashComments) {
        List<String> all = new ArrayList<>(sample.lines().toList());
        if (!complete && all.size() > 1) {
            all.remove(all.size() - 1);
        }
        List<String> lines = new ArrayList<>();
        for (String line : all) {
            if (!line.isBlank() && !(hashComments && line.startsWith("#"))) {
                lines.add(line);
                if (lines.size() == CsvReader.SAMPLE_LINES) {
                    break;
                }
            }
        }
        return lines;
    }

    /** Cells of one line split by the delimiter outside double quotes (runs of blanks for whitespace). */
    static int cells(String line, Delimiter d) {
        String text = d == Delimiter.WHITESPACE ? line.strip() : line;
        if (text.isEmpty()) {
            return 0;
        }
        int cells = 1;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (d == Delimiter.WHITESPACE) {
                    if ((c == ' ' || c == '\t') && text.charAt(i + 1) != ' ' && text.charAt(i + 1) != '\t') {
                        cells++;
                    }
                } else if (c == d.separator()) {
                    cells++;
                }
            }
        }
        return cells;
    }
}
