package io.poka.audit.internal.export;

import io.poka.audit.AuditEntry;
import io.poka.audit.internal.chain.HashChain;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Audit entries as a PDF for people: a header with the query and the chain head, then one block per entry (who, when,
 * what, why, signature, changed fields, hashes). Entries are added one at a time and page content goes to temporary
 * files, so memory does not grow with the export; lines wrap in one pass over their characters (linear in length).
 * Standard 14 fonts only, so characters outside Latin-1 print as '?'; the CSV and JSON files carry the exact values.
 */
public final class PdfExport implements Closeable {
    private static final float SIZE = 8f;
    private static final float LEADING = 10.5f;
    private static final float MARGIN = 36f;
    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final String INDENT = "    ";

    private final PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final LineWrap wrap;
    private PDPageContentStream stream;
    private float y;
    private int pages;
    private int entries;

    /** @param header lines printed in bold at the top of the first page */
    public PdfExport(List<String> header) {
        try {
            wrap = new LineWrap(regular, SIZE, PAGE.getWidth() - 2 * MARGIN, INDENT);
            newPage();
            for (String line : header) {
                print(bold, line);
            }
            print(regular, "");
        } catch (IOException e) {
            throw new UncheckedIOException("PDF export failed", e);
        }
    }

    /** Convenience for small exports and tests: the whole document as bytes. */
    public static byte[] write(List<String> header, List<AuditEntry> entries) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (PdfExport pdf = new PdfExport(header)) {
            entries.forEach(pdf::add);
            pdf.finish(out);
        }
        return out.toByteArray();
    }

    public void add(AuditEntry e) {
        try {
            List<String> block = block(e);
            if (y - block.size() * LEADING < MARGIN && block.size() * LEADING < PAGE.getHeight() - 3 * MARGIN) {
                newPage();
            }
            printWrapped(bold, block.get(0));
            for (String line : block.subList(1, block.size())) {
                printWrapped(regular, line);
            }
            print(regular, "");
            entries++;
        } catch (IOException ex) {
            throw new UncheckedIOException("PDF export failed", ex);
        }
    }

    /** Writes the document to {@code out} (which stays open). */
    public void finish(OutputStream out) {
        try {
            if (entries == 0) {
                print(regular, "No audit entries match this query.");
            }
            stream.close();
            stream = null;
            doc.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("PDF export failed", e);
        }
    }

    @Override
    public void close() {
        try {
            if (stream != null) {
                stream.close();
            }
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            wrapped.addAll(wrap.wrap(LineWrap.latin1(line)));
        }
        return wrapped;
    }

    private static String text(Object value) {
        return value == null ? "(none)" : value.toString();
    }

    private void print(PDType1Font font, String line) throws IOException {
        for (String part : wrap.wrap(LineWrap.latin1(line))) {
            printWrapped(font, part);
        }
    }

    /** Prints one line that already fits the width. */
    private void printWrapped(PDType1Font font, String part) throws IOException {
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
}
