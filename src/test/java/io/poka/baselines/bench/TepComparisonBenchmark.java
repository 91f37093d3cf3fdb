package io.poka.baselines.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.baselines.internal.data.TepRuns;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The TEP table of docs/baselines.md, produced through the REST API exactly as a user would: d00 and the 21 fault runs
 * uploaded to the scoring registry, a VAE-GAN trained there with the default hyperparameters, then one anomaly
 * comparison (VAE-GAN, PCA T², PCA SPE, one-class SVM, isolation forest). Runs only with -Dpoka.bench=true
 * (bench/baselines.sh); writes bench/results/tep-comparison.md.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@EnabledIfSystemProperty(named = "poka.bench", matches = "true")
class TepComparisonBenchmark {
    static final List<Integer> UNDETECTABLE = List.of(3, 9, 15);
    static final String PASSWORD = "tep-benchmark-pw-1";

    @Test
    void tepComparisonTable() throws IOException {
        String user = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(Map.of("username", user, "displayName", user, "password", PASSWORD, "roles",
                List.of("qa-manager")));
        // a fresh request specification per call: rest-assured specifications keep the content type set on them
        java.util.function.Supplier<RequestSpecification> qa = () -> Api.as(user, PASSWORD);
        String line = "tep-bench-" + user;
        String normal = upload(qa, "TEP d00", TepRuns.normal());
        List<Map<String, Object>> faults = new ArrayList<>();
        for (int f = 1; f <= 21; f++) {
            faults.add(Map.of("datasetId", upload(qa, String.format("TEP d%02d", f), TepRuns.fault(f)), "onsetRow", 0));
        }
        Long seed = Long.getLong("poka.bench.seed", 42);
        String job = qa.get().body(Map.of("datasetId", normal, "line", line, "hyperparameters", Map.of("seed", seed)))
                .post("/api/v1/scoring/training-jobs").then().statusCode(202).extract().path("id");
        JsonPath[] end = new JsonPath[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            end[0] = qa.get().get("/api/v1/scoring/training-jobs/" + job).then().statusCode(200).extract().jsonPath();
            return Set.of("SUCCEEDED", "FAILED", "CANCELLED").contains(end[0].getString("status"));
        });
        assertEquals("SUCCEEDED", end[0].getString("status"), end[0].prettify());
        long t0 = System.nanoTime();
        JsonPath c = qa.get().body(Map.of("datasetId", normal, "faultDatasets", faults))
                .post("/api/v1/baselines/anomaly-comparisons").then().statusCode(201).extract().jsonPath();
        double requestSeconds = (System.nanoTime() - t0) / 1e9;

        StringBuilder md = new StringBuilder("# TEP: every anomaly monitor side by side (POST /api/v1/baselines/anomaly-comparisons)\n\n");
        md.append(String.format(Locale.ROOT, "VAE-GAN trained through /api/v1/scoring/training-jobs with the default "
                + "hyperparameters (seed %d); split d00 rows 1-%d train, %d held out for calibration; target false-alarm "
                + "rate %.3f; every monitor's limit = the conformal quantile of its held-out scores (the VAE-GAN keeps its "
                + "stored threshold, computed by the same rule). Fault runs d01-d21, 480 rows each, fault active from row 0. "
                + "Comparison request (fit 4 baselines, score 22 data sets x 5 monitors, store): %.1f s.%n%n", seed,
                c.getInt("trainingRows"), c.getInt("calibrationRows"), c.getDouble("falseAlarmRate"), requestSeconds));
        md.append("| monitor | mean detection, 18 detectable | mean detection, all 21 | false alarms held-out (in-sample) "
                + "| false alarms 2-fold cross-calibrated | mean delay (rows) | runs never detected | ROC AUC (pooled) "
                + "| training ms | scoring rows/s |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        List<String> names = c.getList("models.model");
        for (int m = 0; m < names.size(); m++) {
            String p = "models[" + m + "].";
            List<Float> rates = c.getList(p + "runs.detectionRate", Float.class);
            double detectable = 0;
            for (int f = 1; f <= 21; f++) {
                if (!UNDETECTABLE.contains(f)) {
                    detectable += rates.get(f - 1) / 18.0;
                }
            }
            // sanity only: every monitor must detect far above its 1 % false-alarm rate, or the table compares broken monitors
            assertTrue(detectable > 0.3, names.get(m) + " detects almost nothing: " + detectable);
            md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.1f | %d | %.3f | %d | %.0f |%n",
                    names.get(m), detectable, c.getDouble(p + "meanDetectionRate"), c.getDouble(p + "falseAlarmRate"),
                    c.getDouble(p + "crossCalibratedFalseAlarmRate"), c.getDouble(p + "meanDetectionDelayRows"),
                    c.getInt(p + "runsNeverDetected"), c.getDouble(p + "rocAuc"), c.getLong(p + "trainingMs"),
                    c.getDouble(p + "rowsPerSecond")));
        }
        md.append("\nDetection rate (delay in rows, ROC AUC) per fault run:\n\n| fault | ")
                .append(String.join(" | ", names)).append(" |\n|").append(" --- |".repeat(names.size() + 1)).append("\n");
        for (int f = 1; f <= 21; f++) {
            md.append(String.format(Locale.ROOT, "| %02d%s |", f, UNDETECTABLE.contains(f) ? " (undetectable)" : ""));
            for (int m = 0; m < names.size(); m++) {
                String p = "models[" + m + "].runs[" + (f - 1) + "].";
                Integer delay = c.get(p + "detectionDelayRows");
                md.append(String.format(Locale.ROOT, " %.3f (%s, %.3f) |", c.getDouble(p + "detectionRate"),
                        delay == null ? "-" : delay.toString(), c.getDouble(p + "rocAuc")));
            }
            md.append("\n");
        }
        md.append("\nProvenance and hyperparameters of each monitor: GET /api/v1/baselines/anomaly-comparisons/")
                .append(c.getString("id")).append(" (stored in baselines.anomaly_comparison).\n\n");
        for (int m = 0; m < names.size(); m++) {
            md.append("- ").append(names.get(m)).append(": ").append(c.getString("models[" + m + "].provenance"))
                    .append("\n");
        }
        Path out = Path.of("bench/results/tep-comparison.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        System.out.println(md);
    }

    private static String upload(java.util.function.Supplier<RequestSpecification> qa, String name, double[][] rows) {
        StringBuilder csv = new StringBuilder(io.poka.scoring.TepData.VARIABLES.stream().collect(Collectors.joining(",")))
                .append('\n');
        for (double[] r : rows) {
            csv.append(Arrays.stream(r).mapToObj(Double::toString).collect(Collectors.joining(","))).append('\n');
        }
        return qa.get().contentType("text/csv").queryParam("name", name).body(csv.toString()).post("/api/v1/scoring/datasets")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract().path("id");
    }
}
