package io.poka.audit.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.poka.audit.AuditEntry;
import io.poka.audit.internal.export.PdfExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The audit export benchmark (bench/audit-export.sh), not a test: it runs only with -Dpoka.bench=true. Renders one
 * entry whose changed field is one line of 80k, 160k and 1M characters (words of 1 to 12 letters) into the PDF, the
 * format that was quadratic, and reports time per MB and the ratio of each time to the 80k time of the same run:
 * linear means about 2 and 12.5. Writes bench/results/audit-export.md.
 */
@EnabledIfSystemProperty(named = "poka.bench", matches = "true")
class ExportBenchmark {
    private static final int[] LENGTHS = { 80_000, 160_000, 1_000_000 };

    @Test
    void pdfTimeGrowsLinearlyWithLineLength() throws IOException {
        PdfExport.write(List.of("warm-up"), List.of(entry(line(20_000, 1))));
        List<String> rows = new ArrayList<>();
        double base = 0;
        double last = 0;
        for (int length : LENGTHS) {
            AuditEntry e = entry(line(length, length));
            long best = Long.MAX_VALUE;
            int bytes = 0;
            for (int run = 0; run < 3; run++) {
                long t0 = System.nanoTime();
                bytes = PdfExport.write(List.of("bench"), List.of(e)).length;
                best = Math.min(best, System.nanoTime() - t0);
            }
            double seconds = best / 1e9;
            if (base == 0) {
                base = seconds;
            }
            last = seconds / base;
            rows.add(String.format(Locale.ROOT, "| %,d | %.3f | %.2f | %.2f | %,d |", length, seconds,
                    seconds / (length / 1e6), seconds / base, bytes));
        }
        String report = "# Audit export benchmark: PDF time against line length\n\n"
                + "`bench/audit-export.sh` (" + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, best of 3). One audit entry whose changed field is one line of N characters; ratio = time / time"
                + " for 80,000 characters in the same run (linear: 2 and 12.5; quadratic: 4 and 156).\n\n"
                + "| characters | seconds | seconds per million characters | ratio to 80k | PDF bytes |\n"
                + "| ---: | ---: | ---: | ---: | ---: |\n" + String.join("\n", rows) + "\n";
        Path out = Path.of("bench/results/audit-export.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        assertTrue(last > 0);
    }

    private static AuditEntry entry(String comment) {
        TextNode after = JsonNodeFactory.instance.textNode(comment);
        var afterState = new ObjectMapper().createObjectNode().set("comment", after);
        return new AuditEntry(1, Instant.parse("2026-12-05T00:00:00Z"), "bench", "Bench", "Probe", "P-1",
                "COMMENTED", null, afterState, List.of(new AuditEntry.FieldChange("comment", null, after)), null,
                null, "0".repeat(64), "f".repeat(64));
    }

    private static String line(int length, long seed) {
        Random random = new Random(seed);
        StringBuilder b = new StringBuilder(length);
        while (b.length() < length) {
            int word = 1 + random.nextInt(12);
            for (int i = 0; i < word && b.length() < length; i++) {
                b.append((char) ('a' + random.nextInt(26)));
            }
            if (b.length() < length) {
                b.append(' ');
            }
        }
        return b.toString();
    }
}
