package io.poka.spc.internal.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.spc.CapabilityHistogram;
import io.poka.spc.CapabilityView;
import io.poka.spc.ChartPointView;
import io.poka.spc.ChartView;
import io.poka.spc.ControlLimitsView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The printable capability report read back with PDFBox: its text, and the control chart drawn on the page. */
class CapabilityReportPdfTest {

    private static CapabilityView view(boolean meaningful) {
        return new CapabilityView("L1", "pressure", Instant.parse("2026-12-01T08:00:00Z"),
                Instant.parse("2026-12-01T09:00:00Z"), 100, 10.02, 0.21, "MRBAR_OVER_D2", 0.25, 9.0, 11.0, 10.0,
                1.587, 1.619, 1.556, 1.556, 1.333, 1.36, 1.307, 1.307, 1.31, new double[] {1.367, 1.806},
                new double[] {1.326, 1.786}, 0.95, 0.412, 0.338, false,
                "within: MR-bar/d2 (average moving range)", "overall: sample standard deviation of the readings",
                Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2026-12-01T08:01:39Z"), 2, meaningful ? 0 : 3,
                meaningful, meaningful ? null : "the chart shows the process out of control: 3 rule violations");
    }

    private static String text(byte[] pdf, int[] pages) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            pages[0] = doc.getNumberOfPages();
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void theReportPrintsTheIndicesWithTheirIntervalsSigmaLabelsDataRangeAndNormality() throws Exception {
        double[] data = new double[100];
        for (int i = 0; i < data.length; i++) {
            data[i] = 10 + 0.3 * Math.sin(i);
        }
        Histogram.Bins b = Histogram.of(data, 10.02, 0.25, 9.0, 11.0);
        CapabilityHistogram h = new CapabilityHistogram(view(true), b.edges(), b.counts(), b.curveX(), b.curveY());
        int[] pages = new int[1];
        String text = text(CapabilityReportPdf.write(h, null, "bar", Instant.parse("2026-12-05T05:00:00Z"), "qa1"), pages);
        assertEquals(1, pages[0]);
        assertTrue(text.contains("L1 / pressure (bar)"), text);
        assertTrue(text.contains("Cpk 1.556   interval [1.326, 1.786]"), text);
        assertTrue(text.contains("Cp  1.587   interval [1.367, 1.806]"), text);
        assertTrue(text.contains("95 % confidence intervals"), text);
        assertTrue(text.contains("sigma within: MR-bar/d2 (average moving range)"), text);
        assertTrue(text.contains("sigma overall: sample standard deviation of the readings"), text);
        assertTrue(text.contains("newest 100 readings, 2026-12-01T08:00:00Z to 2026-12-01T08:01:39Z"), text);
        assertTrue(text.contains("A*2 = 0.412, p = 0.338: no evidence against normality"), text);
        assertTrue(text.contains("Meaningful: yes"), text);
        assertTrue(text.contains("LSL 9.000") && text.contains("USL 11.000"), "spec limits labelled on the histogram");
        assertTrue(text.contains("Generated 2026-12-05T05:00:00Z by qa1"), text);
    }

    /** An individuals chart of 60 points under limits 10 +- 0.75 (v2) whose last point fired WE1. */
    private static ChartView chart() {
        List<ChartPointView> points = new ArrayList<>();
        Instant t0 = Instant.parse("2026-12-01T08:00:00Z");
        for (int i = 0; i < 60; i++) {
            boolean fired = i == 59;
            points.add(new ChartPointView(t0.plusSeconds(i), fired ? 11.2 : 10 + 0.2 * Math.sin(i), 10.0, 9.25, 10.75,
                    null, null, fired ? List.of("WE1") : List.of()));
        }
        ControlLimitsView limits = new ControlLimitsView("L1", "pressure", 2, "IMR", "ENTERED_FROM_STUDY", 10.0, 0.25,
                1, 3.0, null, null, null, List.of(), "study-1", t0, "qa1", null, null);
        return new ChartView("L1", "pressure", "IMR", limits, Map.of("INDIVIDUALS", points, "MOVING_RANGE",
                points.subList(1, 60)), List.of());
    }

    /** How many straight-line path segments (operator "l") the report's page draws. */
    private static long lineSegments(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFStreamParser parser = new PDFStreamParser(doc.getPage(0));
            return parser.parse().stream().filter(t -> t instanceof Operator o && o.getName().equals("l")).count();
        }
    }

    @Test
    void theReportDrawsTheControlChartOfItsReadingsWithLimitsAndTheFiredPoint() throws Exception {
        Histogram.Bins b = Histogram.of(new double[] {9.8, 10, 10.1, 10.2, 11.2}, 10, 0.25, 9.0, 11.0);
        CapabilityHistogram h = new CapabilityHistogram(view(false), b.edges(), b.counts(), b.curveX(), b.curveY());
        byte[] with = CapabilityReportPdf.write(h, chart(), "bar", Instant.EPOCH, "qa1");
        byte[] without = CapabilityReportPdf.write(h, null, "bar", Instant.EPOCH, "qa1");

        String text = text(with, new int[1]);
        assertTrue(text.contains("Control chart: INDIVIDUALS (IMR, limits v2)"), text);
        assertTrue(text.contains("UCL 10.750") && text.contains("CL 10.000") && text.contains("LCL 9.250"), text);
        assertTrue(text.contains("2026-12-01T08:00:00Z") && text.contains("2026-12-01T08:00:59Z"), "time axis: " + text);
        assertTrue(text.indexOf("Control chart") < text.indexOf("Histogram of the readings"), "chart above histogram");
        // the statistic's polyline (59 segments) and the center and limit lines (59 each) are drawn
        assertTrue(lineSegments(with) - lineSegments(without) >= 4 * 59,
                lineSegments(with) + " segments with the chart, " + lineSegments(without) + " without");
        assertFalse(text(without, new int[1]).contains("Control chart"));
    }

    @Test
    void aReportOfAnOutOfControlProcessSaysTheIndicesAreNotMeaningful() throws Exception {
        Histogram.Bins b = Histogram.of(new double[] {9.5, 10, 10.5}, 10, 0.5, 9.0, 11.0);
        CapabilityHistogram h = new CapabilityHistogram(view(false), b.edges(), b.counts(), b.curveX(), b.curveY());
        String text = text(CapabilityReportPdf.write(h, null, "", Instant.EPOCH, "qa1"), new int[1]);
        assertTrue(text.contains("NOT MEANINGFUL: the chart shows the process out of control: 3 rule violations"), text);
    }
}
