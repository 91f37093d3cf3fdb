package io.poka.audit.internal.export;

import io.poka.audit.AuditEntry;
import io.poka.audit.internal.chain.HashChain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Audit entries as a PDF for people: a header with the query and the chain head, then one block per entry (who, when,
 * what, why, signature, changed fields, hashes). Standard 14 fonts only, so characters outside Latin-1 print as '?';
 * the CSV and JSON files carry the exact values.
 */
public final class PdfExport {
    private static final float SIZE = 8f;
    private static final float LEADING = 10.5f;
    private static final float MARGIN = 36f;
    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

    private PdfExport() {
    }

    /** @param header lines printed in bold at the top of the first page */
    public static byte[] write(List<String> header, List<AuditEntry> entries) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new Writer(doc).write(header, entries);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF export failed", e);
        }
    }

    private static final class Writer {
        private final PDDocument doc;
        private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private final float width = PAGE.getWidth() - 2 * MARGIN;
        private PDPageContentStream stream;
        private float y;
        private int pages;

        Writer(PDDocument doc) {
            this.doc = doc;
        }

        void write(List<String> header, List<AuditEntry> entries) throws IOException {
            newPage();
            for (String line : header) {
                print(bold, line);
            }
            print(regular, "");
            for (AuditEntry e : entries) {
                List<String> block = block(e);
                if (y - block.size() * LEADING < MARGIN && block.size() * LEADING < PAGE.getHeight() - 3 * MARGIN) {
                    newPage();
                }
                print(bold, block.get(0));
                for (String line : block.subList(1, block.size())) {
                    print(regular, line);
                }
                print(regular, "");
            }
            if (entries.isEmpty()) {
                print(regular, "No audit entries match this query.");
            }
            stream.close();
        }

        private List<String> block(AuditEntry e) {
            List<String> lines = new ArrayList<>();
            lines.add("#" + e.sequence() + "   " + HashChain.timestamp(e.recordedAt()) + "   " + e.entityType() + " "
                    + e.entityId() + "   " + e.action());
            lines.add("By: " + e.printedName() + " (" + e.userId() + ")" + (e.reason() == null ? ""
                    : "   Reason: " + e.reason()));
            if (e.signature() != null) {
                lines.add("Signed: " + e.signature().printedName() + " (" + e.signature().username() + "), meaning "
                        + e.signature().meaning() + ", at " + HashChain.timestamp(e.signature().signedAt()));
            }
            for (AuditEntry.FieldChange c : e.changes()) {
                lines.add("  " + c.field() + ": " + text(c.before()) + "  ->  " + text(c.after()));
            }
            lines.add("Hash " + e.hash() + "   previous " + e.previousHash());
            List<String> wrapped = new ArrayList<>();
            for (String line : lines) {
                wrapped.addAll(wrap(latin1(line)));
            }
            return wrapped;
        }

        private static String text(Object value) {
            return value == null ? "(none)" : value.toString();
        }

        private void print(PDType1Font font, String line) throws IOException {
            for (String part : wrap(latin1(line))) {
                if (y < MARGIN) {
                    newPage();
                }
                stream.beginText();
                stream.setFont(font, SIZE);
                stream.newLineAtOffset(MARGIN, y);
                stream.showText(part);
                stream.endText();
                y -= LEADING;
            }
        }

        private List<String> wrap(String line) {
            List<String> parts = new ArrayList<>();
            String rest = line;
            try {
                while (regular.getStringWidth(rest) / 1000 * SIZE > width) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && regular.getStringWidth(rest.substring(0, cut)) / 1000 * SIZE > width) {
                        cut = cut * 9 / 10;
                    }
                    int space = rest.lastIndexOf(' ', cut);
                    if (space > cut / 2) {
                        cut = space + 1;
                    }
                    parts.add(rest.substring(0, cut));
                    rest = "    " + rest.substring(cut);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            parts.add(rest);
            return parts;
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PAGE);
            doc.addPage(page);
            pages++;
            stream = new PDPageContentStream(doc, page);
            stream.beginText();
            stream.setFont(regular, SIZE);
            stream.newLineAtOffset(PAGE.getWidth() - MARGIN - 40, MARGIN / 2);
            stream.showText("page " + pages);
            stream.endText();
            y = PAGE.getHeight() - MARGIN;
        }

        /** WinAnsi (the Standard 14 encoding) covers printable ASCII and Latin-1. */
        private static String latin1(String s) {
            StringBuilder b = new StringBuilder(s.length());
            for (char c : s.toCharArray()) {
                b.append((c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c <= 0xff) ? c : '?');
            }
            return b.toString();
        }
    }
}
