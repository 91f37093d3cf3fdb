package io.poka.capa.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A quality report as a table, the one shape the CSV and PDF downloads are written from, so both carry exactly the
 * numbers of the JSON answer. PDF with PDFBox's standard fonts (WinAnsi text; other characters become '?').
 *
 * @param notes lines printed under the title (data range, definitions, when and by whom generated)
 */
record ReportTable(String title, List<String> notes, List<String> columns, List<List<String>> rows) {
    private static final float MARGIN = 40f;
    private static final float LEADING = 13f;
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    /** RFC 4180 CSV: a header row, then one row per line; fields with a comma, quote or line break are quoted. */
    String csv() {
        StringBuilder b = new StringBuilder();
        line(b, columns);
        rows.forEach(r -> line(b, r));
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
                f = "\"" + f.replace("\"", "\"\"") + "\"";
            }
            b.append(i == 0 ? "" : ",").append(f);
        }
        b.append("\r\n");
    }

    /** The table on A4 landscape pages, the header repeated on each page. */
    byte[] pdf() {
        try (PDDocument doc = new PDDocument()) {
            PDRectangle size = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            float width = size.getWidth() - 2 * MARGIN;
            float column = width / Math.max(1, columns.size());
            int next = 0;
            boolean first = true;
            do {
                PDPage page = new PDPage(size);
                doc.addPage(page);
                float y = size.getHeight() - MARGIN;
                try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                    if (first) {
                        y = text(s, BOLD, 15, MARGIN, y, title);
                        for (String note : notes) {
                            y = text(s, REGULAR, 9, MARGIN, y, note);
                        }
                        y -= 6;
                        first = false;
                    }
                    y = row(s, BOLD, y, column, columns);
                    while (next < rows.size() && y > MARGIN + LEADING) {
                        y = row(s, REGULAR, y, column, rows.get(next++));
                    }
                }
            } while (next < rows.size());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("report PDF failed", e);
        }
    }

    private static float row(PDPageContentStream s, PDType1Font font, float y, float column, List<String> cells)
            throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "" : cells.get(i);
            int max = Math.max(4, (int) (column / 5.2f));
            text(s, font, 9, MARGIN + i * column, y, cell.length() > max ? cell.substring(0, max - 1) + "~" : cell);
        }
        return y - LEADING;
    }

    private static float text(PDPageContentStream s, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(winAnsi(text));
        s.endText();
        return y - Math.max(LEADING, size + 4);
    }

    private static String winAnsi(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> b.append(c >= 32 && c < 127 || c >= 160 && c < 256 ? (char) c : '?'));
        return b.toString();
    }
}
