package io.poka.spc.internal.capability;

import io.poka.spc.CapabilityHistogram;
import io.poka.spc.CapabilityView;
import io.poka.spc.ChartPointView;
import io.poka.spc.ChartView;
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
 * indices are meaningful), the control chart of the same readings (the location statistic with its center line and
 * control limits, points where a rule fired marked) and the histogram with the fitted normal curve and the
 * specification limits. Drawn with PDFBox, the PDF library the application already carries for the audit export;
 * standard fonts, so ASCII labels.
 */
public final class CapabilityReportPdf {
    private static final float MARGIN = 50f;
    private static final float LEADING = 14f;
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private CapabilityReportPdf() {
    }

    /** Charts drawn for the report, the location statistic first (the one capability's stability is judged on). */
    private static final List<String> LOCATION_CHARTS = List.of("INDIVIDUALS", "RESIDUALS", "XBAR", "EWMA",
            "EWMA_FORECAST_ERRORS", "CUSUM");
    private static final float CHART_HEIGHT = 170f;

    /**
     * The report as PDF bytes; {@code unit} of the variable, {@code generatedAt} and {@code generatedBy} printed;
     * {@code chart} the control chart over the capability's data range (no chart section while it has no points).
     */
    public static byte[] write(CapabilityHistogram h, ChartView chart, String unit, Instant generatedAt,
            String generatedBy) {
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
                String statistic = locationStatistic(chart);
                if (statistic != null) {
                    y -= 4;
                    y = print(s, BOLD, 10, y, "Control chart: " + statistic + " (" + chart.chartType() + ", limits v"
                            + (chart.limits() == null ? "-" : chart.limits().version()) + "), points where a rule"
                            + " fired in red");
                    drawChart(s, chart.points().get(statistic), MARGIN, y - CHART_HEIGHT - 6, width - 2 * MARGIN - 50,
                            CHART_HEIGHT);
                    y -= CHART_HEIGHT + 36; // below the time labels under the chart
                }
                y = print(s, BOLD, 10, y, HISTOGRAM_HEADING);
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
        return out;
    }

    static final String HISTOGRAM_HEADING =
            "Histogram of the readings, fitted normal curve (mean, overall sigma), specification limits dashed";

    /** The plotted statistic of {@code chart} the report draws, or null when it has no points. */
    static String locationStatistic(ChartView chart) {
        if (chart == null || chart.points() == null || chart.points().isEmpty()) {
            return null;
        }
        return LOCATION_CHARTS.stream().filter(k -> chart.points().containsKey(k)).findFirst()
                .orElse(chart.points().keySet().iterator().next());
    }

    /** The statistic over time: the polyline, center line solid, control limits dashed, fired points in red. */
    private static void drawChart(PDPageContentStream s, List<ChartPointView> points, float x0, float y0, float w,
            float ht) throws IOException {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ChartPointView p : points) {
            for (Double v : new Double[] {p.value(), p.center(), p.lcl(), p.ucl()}) {
                if (v != null && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        double pad = hi > lo ? (hi - lo) * 0.05 : Math.max(1e-9, Math.abs(hi) * 0.05 + 1e-9);
        lo -= pad;
        hi += pad;
        long t0 = points.get(0).time().toEpochMilli();
        long t1 = Math.max(t0 + 1, points.get(points.size() - 1).time().toEpochMilli());
        s.setLineWidth(0.5f);
        s.setStrokingColor(0f, 0f, 0f);
        s.addRect(x0, y0, w, ht);
        s.stroke();
        ChartPointView last = points.get(points.size() - 1);
        limitLine(s, points, ChartPointView::center, lo, hi, x0, y0, w, ht, t0, t1, false);
        limitLine(s, points, ChartPointView::ucl, lo, hi, x0, y0, w, ht, t0, t1, true);
        limitLine(s, points, ChartPointView::lcl, lo, hi, x0, y0, w, ht, t0, t1, true);
        s.setStrokingColor(0f, 0.45f, 0.7f);
        s.setLineWidth(0.8f);
        for (int i = 0; i < points.size(); i++) {
            ChartPointView p = points.get(i);
            float x = tx(p.time().toEpochMilli(), t0, t1, x0, w);
            float y = py(p.value(), lo, hi, y0, ht);
            if (i == 0) {
                s.moveTo(x, y);
            } else {
                s.lineTo(x, y);
            }
        }
        s.stroke();
        s.setNonStrokingColor(0.84f, 0.15f, 0.16f);
        for (ChartPointView p : points) {
            if (p.rules() != null && !p.rules().isEmpty()) {
                s.addRect(tx(p.time().toEpochMilli(), t0, t1, x0, w) - 1.5f, py(p.value(), lo, hi, y0, ht) - 1.5f, 3f,
                        3f);
            }
        }
        s.fill();
        if (last.ucl() != null) {
            label(s, x0 + w + 2, py(last.ucl(), lo, hi, y0, ht) - 3, "UCL " + num(last.ucl()));
        }
        label(s, x0 + w + 2, py(last.center(), lo, hi, y0, ht) - 3, "CL " + num(last.center()));
        if (last.lcl() != null) {
            label(s, x0 + w + 2, py(last.lcl(), lo, hi, y0, ht) - 3, "LCL " + num(last.lcl()));
        }
        label(s, x0, y0 - 10, points.get(0).time().toString());
        label(s, x0 + w - 90, y0 - 10, last.time().toString());
    }

    private static void limitLine(PDPageContentStream s, List<ChartPointView> points,
            java.util.function.Function<ChartPointView, Double> of, double lo, double hi, float x0, float y0, float w,
            float ht, long t0, long t1, boolean dashed) throws IOException {
        s.setStrokingColor(dashed ? 0.84f : 0.3f, dashed ? 0.15f : 0.3f, dashed ? 0.16f : 0.3f);
        s.setLineWidth(0.6f);
        s.setLineDashPattern(dashed ? new float[] {4, 2} : new float[0], 0);
        boolean drawing = false;
        for (ChartPointView p : points) {
            Double v = of.apply(p);
            if (v == null || !Double.isFinite(v)) {
                drawing = false;
                continue;
            }
            float x = tx(p.time().toEpochMilli(), t0, t1, x0, w);
            float y = py(v, lo, hi, y0, ht);
            if (drawing) {
                s.lineTo(x, y);
            } else {
                s.moveTo(x, y);
                drawing = true;
            }
        }
        s.stroke();
        s.setLineDashPattern(new float[0], 0);
    }

    private static float tx(long t, long t0, long t1, float x0, float w) {
        return (float) (x0 + (double) (t - t0) / (t1 - t0) * w);
    }

    private static float py(double v, double lo, double hi, float y0, float ht) {
        return (float) (y0 + (v - lo) / (hi - lo) * ht);
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
