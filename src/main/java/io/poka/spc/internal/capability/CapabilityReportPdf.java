package io.poka.spc.internal.capability;

import io.poka.spc.CapabilityHistogram;
import io.poka.spc.CapabilityView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The printable capability report of one variable (one A4 page): the very {@link CapabilityView} every screen shows
 * (indices with their confidence intervals, which sigma each uses, the data range, Anderson-Darling, whether the
 * indices are meaningful) and its histogram with the fitted normal curve and the specification limits. Drawn with
 * PDFBox, the PDF library the application already carries for the audit export; standard fonts, so ASCII labels.
 */
public final class CapabilityReportPdf {
    private static final float MARGIN = 50f;
    private static final float LEADING = 14f;
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private CapabilityReportPdf() {
    }

    /** The report as PDF bytes; {@code unit} of the variable, {@code generatedAt} and {@code generatedBy} printed. */
    public static byte[] write(CapabilityHistogram h, String unit, Instant generatedAt, String generatedBy) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            float width = page.getMediaBox().getWidth();
            float y = page.getMediaBox().getHeight() - MARGIN;
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                y = print(s, BOLD, 16, y, "Process capability report");
                y = print(s, BOLD, 12, y, h.capability().line() + " / " + h.capability().variable()
                        + (unit == null || unit.isBlank() ? "" : " (" + unit + ")"));
                y -= 4;
                for (String line : lines(h.capability(), generatedAt, generatedBy)) {
                    y = print(s, line.startsWith("#") ? BOLD : REGULAR, 10, y, line.startsWith("#") ? line.substring(1) : line);
                }
                drawHistogram(s, h, MARGIN, MARGIN + 20, width - 2 * MARGIN, Math.min(260, y - MARGIN - 40));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("capability report failed", e);
        }
    }

    /** The report's text lines ("#" = bold heading). */
    static List<String> lines(CapabilityView c, Instant generatedAt, String generatedBy) {
        List<String> out = new ArrayList<>();
        out.add("Generated " + generatedAt + " by " + generatedBy);
        out.add("Data range: the newest " + c.n() + " readings, " + c.firstReadingAt() + " to " + c.lastReadingAt());
        out.add("Specification: LSL " + num(c.lsl()) + ", target " + num(c.target()) + ", USL " + num(c.usl())
                + "; control limits version " + (c.limitsVersion() == null ? "none frozen" : "v" + c.limitsVersion()));
        out.add(c.meaningful() ? "Meaningful: yes (no rule violation in the data range under frozen limits)"
                : "NOT MEANINGFUL: " + c.notMeaningfulReason() + "; capability describes a stable process only");
        out.add("");
        out.add("#Indices (" + percent(c.confidence()) + " confidence intervals)");
        out.add("Cp  " + num(c.cp()) + "   interval " + interval(c.cpInterval()) + "   (sigma " + c.cpkSigma() + ")");
        out.add("Cpk " + num(c.cpk()) + "   interval " + interval(c.cpkInterval()) + "   Cpl " + num(c.cpl())
                + ", Cpu " + num(c.cpu()));
        out.add("Pp  " + num(c.pp()) + "   Ppk " + num(c.ppk()) + "   Ppl " + num(c.ppl()) + ", Ppu " + num(c.ppu())
                + "   (sigma " + c.ppkSigma() + ")");
        out.add("Cpm " + num(c.cpm()));
        out.add("Mean " + num(c.mean()) + ", sigma within " + num(c.withinSigma()) + " (" + c.withinSigmaMethod()
                + "), sigma overall " + num(c.overallSigma()));
        out.add("Normality (Anderson-Darling): " + (c.normalityPValue() == null ? "not enough readings to test"
                : "A*2 = " + num(c.andersonDarlingA2()) + ", p = " + pValue(c.normalityPValue()) + ": "
                        + (Boolean.TRUE.equals(c.normalityRejected()) ? "normality rejected at the 5 % level"
                                : "no evidence against normality at the 5 % level")));
        out.add("");
        out.add("#Histogram of the readings, fitted normal curve (mean, overall sigma), specification limits dashed");
        return out;
    }

    private static void drawHistogram(PDPageContentStream s, CapabilityHistogram h, float x0, float y0, float w,
            float ht) throws IOException {
        double lo = h.low();
        double hi = h.high();
        double ymax = h.maxHeight() * 1.1;
        s.setLineWidth(0.5f);
        s.setStrokingColor(0f, 0f, 0f);
        s.moveTo(x0, y0);
        s.lineTo(x0 + w, y0);
        s.stroke();
        s.setNonStrokingColor(0.34f, 0.71f, 0.91f);
        for (int i = 0; i < h.counts().length; i++) {
            float a = px(h.edges()[i], lo, hi, x0, w);
            float b = px(h.edges()[i + 1], lo, hi, x0, w);
            s.addRect(a, y0, Math.max(0.5f, b - a - 0.5f), (float) (h.counts()[i] / ymax * ht));
        }
        s.fill();
        if (h.curveX().length > 0) {
            s.setStrokingColor(0f, 0.45f, 0.7f);
            s.setLineWidth(1.5f);
            for (int i = 0; i < h.curveX().length; i++) {
                float x = px(h.curveX()[i], lo, hi, x0, w);
                float y = (float) (y0 + h.curveY()[i] / ymax * ht);
                if (i == 0) {
                    s.moveTo(x, y);
                } else {
                    s.lineTo(x, y);
                }
            }
            s.stroke();
        }
        s.setStrokingColor(0.8f, 0.47f, 0.65f);
        s.setLineDashPattern(new float[] {6, 3}, 0);
        for (Double spec : new Double[] {h.capability().lsl(), h.capability().usl()}) {
            if (spec != null) {
                float x = px(spec, lo, hi, x0, w);
                s.moveTo(x, y0);
                s.lineTo(x, y0 + ht);
                s.stroke();
            }
        }
        s.setLineDashPattern(new float[0], 0);
        label(s, x0, y0 - 12, num(lo));
        label(s, x0 + w - 40, y0 - 12, num(hi));
        if (h.capability().lsl() != null) {
            label(s, px(h.capability().lsl(), lo, hi, x0, w) + 2, y0 + ht - 8, "LSL " + num(h.capability().lsl()));
        }
        if (h.capability().usl() != null) {
            label(s, px(h.capability().usl(), lo, hi, x0, w) - 60, y0 + ht - 8, "USL " + num(h.capability().usl()));
        }
    }

    private static float px(double v, double lo, double hi, float x0, float w) {
        return (float) (x0 + (v - lo) / (hi - lo) * w);
    }

    private static void label(PDPageContentStream s, float x, float y, String text) throws IOException {
        s.setNonStrokingColor(0f, 0f, 0f);
        s.beginText();
        s.setFont(REGULAR, 8);
        s.newLineAtOffset(x, y);
        s.showText(text);
        s.endText();
    }

    private static float print(PDPageContentStream s, PDType1Font font, float size, float y, String text)
            throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(MARGIN, y);
        s.showText(ascii(text));
        s.endText();
        return y - Math.max(LEADING, size + 4);
    }

    /** Standard-14 fonts encode WinAnsi only: anything else prints as '?'. */
    private static String ascii(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            b.append(ch >= 32 && ch < 127 ? ch : '?');
        }
        return b.toString();
    }

    static String num(Double v) {
        return v == null || v.isNaN() || v.isInfinite() ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String interval(double[] b) {
        return b == null || b.length != 2 ? "-" : "[" + num(b[0]) + ", " + num(b[1]) + "]";
    }

    private static String percent(double f) {
        return String.format(Locale.ROOT, "%.0f %%", f * 100);
    }

    private static String pValue(Double p) {
        return p < 0.001 ? "< 0.001" : num(p);
    }
}
