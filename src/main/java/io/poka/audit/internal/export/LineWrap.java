package io.poka.audit.internal.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDType1Font;

/**
 * Breaks a Latin-1 line into parts no wider than the page, in one pass with a table of character widths: the former
 * wrap measured the whole remaining line again for every part, quadratic in the line's length (a 1 MB value took
 * about 20 minutes). Breaks after the last space of a part when it lies in its second half; continuation parts are
 * indented.
 */
final class LineWrap {
    private final float[] widths = new float[256];
    private final float maxWidth;
    private final String indent;
    private final float indentWidth;

    LineWrap(PDType1Font font, float size, float maxWidth, String indent) throws IOException {
        for (int c = 0x20; c < 256; c++) {
            if (c < 0x7f || c >= 0xa0) {
                widths[c] = font.getWidth(c) / 1000 * size;
            }
        }
        widths['?'] = font.getWidth('?') / 1000 * size;
        this.maxWidth = maxWidth;
        this.indent = indent;
        this.indentWidth = width(indent);
    }

    List<String> wrap(String line) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        boolean continuation = false;
        while (true) {
            float width = continuation ? indentWidth : 0;
            int i = start;
            int lastSpace = -1;
            while (i < line.length() && width + widths[line.charAt(i) & 0xff] <= maxWidth) {
                if (line.charAt(i) == ' ') {
                    lastSpace = i;
                }
                width += widths[line.charAt(i) & 0xff];
                i++;
            }
            if (i >= line.length()) {
                parts.add((continuation ? indent : "") + line.substring(start));
                return parts;
            }
            int cut = i == start ? i + 1 : i;
            if (lastSpace > start + (i - start) / 2) {
                cut = lastSpace + 1;
            }
            parts.add((continuation ? indent : "") + line.substring(start, cut));
            start = cut;
            continuation = true;
        }
    }

    float width(String s) {
        float w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += widths[s.charAt(i) & 0xff];
        }
        return w;
    }

    /** WinAnsi (the Standard 14 encoding) covers printable ASCII and Latin-1; anything else prints as '?'. */
    static String latin1(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append((c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c <= 0xff) ? c : '?');
        }
        return b.toString();
    }
}
