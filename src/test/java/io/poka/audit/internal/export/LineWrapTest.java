package io.poka.audit.internal.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.poka.audit.AuditEntry;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Long lines wrap into parts that fit the page and lose no character, and the PDF prints every one of them. */
class LineWrapTest {
    private final PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    @Test
    void everyPartFitsTheWidthAndThePartsAreTheLine() throws IOException {
        LineWrap wrap = new LineWrap(font, 8f, 300f, "    ");
        String line = "a".repeat(5000) + " " + "lorem ipsum dolor sit amet ".repeat(300) + "é".repeat(700);
        List<String> parts = wrap.wrap(line);
        assertTrue(parts.size() > 20, parts.size() + " parts");
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            String p = parts.get(i);
            assertTrue(font.getStringWidth(p) / 1000 * 8f <= 300f + 1e-3, "part " + i + " fits: " + p);
            joined.append(i == 0 ? p : p.substring(4));
        }
        assertEquals(line, joined.toString());
        assertEquals(List.of("short"), wrap.wrap("short"));
        assertEquals(List.of(""), wrap.wrap(""));
    }

    @Test
    void aPdfOfAnEntryWithAVeryLongLinePrintsEveryCharacter() throws IOException {
        String comment = "x".repeat(40_000) + " " + "y".repeat(60_000);
        TextNode after = JsonNodeFactory.instance.textNode(comment);
        AuditEntry e = new AuditEntry(1, Instant.parse("2026-12-05T00:00:00Z"), "u", "U", "Probe", "P-1", "SET",
                null, JsonNodeFactory.instance.objectNode().set("comment", after),
                List.of(new AuditEntry.FieldChange("comment", null, after)), null, null, "0".repeat(64),
                "f".repeat(64));
        byte[] pdf = PdfExport.write(List.of("header"), List.of(e));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s", "").replaceAll("page\\d+", "");
            assertTrue(text.contains("x".repeat(40_000) + "y".repeat(60_000)), text.substring(0, 300));
        }
    }
}
