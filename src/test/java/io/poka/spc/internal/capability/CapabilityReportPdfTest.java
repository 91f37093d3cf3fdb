package io.poka.spc.internal.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.spc.CapabilityHistogram;
import io.poka.spc.CapabilityView;
import java.time.Instant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

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
        String text = text(CapabilityReportPdf.write(h, "bar", Instant.parse("2026-12-05T05:00:00Z"), "qa1"), pages);
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

    @Test
    void aReportOfAnOutOfControlProcessSaysTheIndicesAreNotMeaningful() throws Exception {
        Histogram.Bins b = Histogram.of(new double[] {9.5, 10, 10.5}, 10, 0.5, 9.0, 11.0);
        CapabilityHistogram h = new CapabilityHistogram(view(false), b.edges(), b.counts(), b.curveX(), b.curveY());
        String text = text(CapabilityReportPdf.write(h, "", Instant.EPOCH, "qa1"), new int[1]);
        assertTrue(text.contains("NOT MEANINGFUL: the chart shows the process out of control: 3 rule violations"), text);
    }
}
