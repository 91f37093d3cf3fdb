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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The TEP table of docs/baselines.md, produced through the REST API exactly as a user would: d00 rows 1-400 uploaded
 * as the fitted data set (the VAE-GAN's default split trains on rows 1-320 and calibrates on 321-400), d00 rows
 * 401-500 as a separate normal test data set no monitor ever sees while fitting or calibrating, the 21 fault runs,
 * a VAE-GAN trained there with the default hyperparameters, then one anomaly comparison per alarm rule (none, and
 * 2 of 3) with faults 3, 9 and 15 left out of the means. Runs only with -Dpoka.bench=true (bench/baselines.sh);
 * writes bench/results/tep-comparison.md.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@EnabledIfSystemProperty(named = "poka.bench", matches = "true")
class TepComparisonBenchmark {
    /** The faults the literature calls undetectable on TEP (Chiang, Russell and Braatz 2001). */
    static final List<Integer> UNDETECTABLE = List.of(3, 9, 15);
    static final String PASSWORD = "tep-benchmark-pw-1";

    @Test
    void tepComparisonTable() throws IOException {
        String user = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(Map.of("username", user, "displayName", user, "password", PASSWORD, "roles",
                List.of("qa-manager")));
        // a fresh request specification per call: rest-assured specifications keep the content type set on them
        Supplier<RequestSpecification> qa = () -> Api.as(user, PASSWORD);
        String line = "tep-bench-" + user;
        double[][] d00 = TepRuns.normal();
        String fitted = upload(qa, "TEP d00 rows 1-400", Arrays.copyOfRange(d00, 0, 400));
        String normalTest = upload(qa, "TEP d00 rows 401-500", Arrays.copyOfRange(d00, 400, 500));
        List<Map<String, Object>> faults = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (int f = 1; f <= 21; f++) {
            String id = upload(qa, String.format("TEP d%02d", f), TepRuns.fault(f));
            faults.add(Map.of("datasetId", id, "onsetRow", 0));
            if (UNDETECTABLE.contains(f)) {
                excluded.add(id);
            }
        }
        Long seed = Long.getLong("poka.bench.seed", 42);
        String job = qa.get().body(Map.of("datasetId", fitted, "line", line, "hyperparameters", Map.of("seed", seed)))
                .post("/api/v1/scoring/training-jobs").then().statusCode(202).extract().path("id");
        JsonPath[] end = new JsonPath[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            end[0] = qa.get().get("/api/v1/scoring/training-jobs/" + job).then().statusCode(200).extract().jsonPath();
            return Set.of("SUCCEEDED", "FAILED", "CANCELLED").contains(end[0].getString("status"));
        });
        assertEquals("SUCCEEDED", end[0].getString("status"), end[0].prettify());
        double equalRate = Double.parseDouble(System.getProperty("poka.bench.equalRate", "0.01"));
        StringBuilder md = new StringBuilder("# TEP: every anomaly monitor side by side (POST /api/v1/baselines/anomaly-comparisons)\n\n");
        for (Map<String, Object> rule : List.of(Map.<String, Object>of("kind", "NONE"),
                Map.<String, Object>of("kind", "K_OF_N", "k", 2, "n", 3))) {
            Map<String, Object> request = new HashMap<>(Map.of("datasetId", fitted, "faultDatasets", faults,
                    "normalTestDatasets", List.of(normalTest), "excludeFromMean", excluded, "alarmRule", rule,
                    "equalFalseAlarmRate", equalRate));
            long t0 = System.nanoTime();
            JsonPath c = qa.get().body(request).post("/api/v1/baselines/anomaly-comparisons").then().statusCode(201)
                    .extract().jsonPath();
            table(md, c, (System.nanoTime() - t0) / 1e9, seed);
        }
        Path out = Path.of("bench/results/tep-comparison.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        System.out.println(md);
    }

    private static void table(StringBuilder md, JsonPath c, double requestSeconds, long seed) {
        md.append(String.format(Locale.ROOT, "## Alarm rule %s%n%nVAE-GAN trained through /api/v1/scoring/training-jobs "
                + "with the default hyperparameters (seed %d) on the data set d00 rows 1-400: rows 1-%d train every "
                + "monitor, the next %d calibrate each monitor's own limit (target %.3f, conformal quantile; the VAE-GAN "
                + "keeps its stored threshold when the rule does not change the score). Separate normal test data: d00 "
                + "rows 401-500, evaluated from row %d (the dynamic PCA's %d lags of history) for every monitor. Fault "
                + "runs d01-d21, 480 rows each, fault active from row 0; means over %s (%d runs). Equal-rate limits: "
                + "each monitor's own scores on the normal test rows, brought to %.3f. Request: %.1f s.%n%n",
                ruleText(c.getMap("alarmRule")), seed, c.getInt("trainingRows"), c.getInt("calibrationRows"), c.getDouble("falseAlarmRate"),
                c.getInt("firstEvaluatedRow") + 1, c.getInt("dynamicPcaLags"), c.getList("meanOver"),
                c.getList("meanOver").size(), c.getDouble("equalFalseAlarmRate"), requestSeconds));
        md.append("| monitor | mean detection (own limit) | false alarms, normal test (own limit) | false alarms, "
                + "calibration rows 2-fold cross-calibrated | mean detection at equal false alarms | false alarms, "
                + "normal test (equal limit) | median / mean delay, rows (own) | median delay (equal) | never detected "
                + "(own) | ROC AUC (pooled) | training ms | scoring rows/s |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        List<String> names = c.getList("models.model");
        for (int m = 0; m < names.size(); m++) {
            String p = "models[" + m + "].";
            // sanity only: every monitor must detect far above its false-alarm rate, or the table compares broken monitors
            assertTrue(c.getDouble(p + "meanDetectionRate") > 0.3, names.get(m));
            md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %s / %s | %s | %d | %.3f | %d | %.0f |%n",
                    names.get(m), c.getDouble(p + "meanDetectionRate"), c.getDouble(p + "normalTestFalseAlarmRate"),
                    c.getDouble(p + "crossCalibratedFalseAlarmRate"), c.getDouble(p + "atEqualFalseAlarm.meanDetectionRate"),
                    c.getDouble(p + "atEqualFalseAlarm.normalTestFalseAlarmRate"),
                    number(c.get(p + "medianDetectionDelayRows")), number(c.get(p + "meanDetectionDelayRows")),
                    number(c.get(p + "atEqualFalseAlarm.medianDetectionDelayRows")), c.getInt(p + "runsNeverDetected"),
                    c.getDouble(p + "rocAuc"), c.getLong(p + "trainingMs"), c.getDouble(p + "rowsPerSecond")));
        }
        md.append("\nDetection rate at the own limit / at the equal limit (delay in rows at the own limit) per fault run:\n\n| fault | ")
                .append(String.join(" | ", names)).append(" |\n|").append(" --- |".repeat(names.size() + 1)).append("\n");
        for (int f = 1; f <= 21; f++) {
            md.append(String.format(Locale.ROOT, "| %02d%s |", f, UNDETECTABLE.contains(f) ? " (not in mean)" : ""));
            for (int m = 0; m < names.size(); m++) {
                String p = "models[" + m + "].runs[" + (f - 1) + "].";
                md.append(String.format(Locale.ROOT, " %.3f / %.3f (%s) |", c.getDouble(p + "detectionRate"),
                        c.getDouble(p + "detectionRateAtEqualFalseAlarm"), number(c.get(p + "detectionDelayRows"))));
            }
            md.append("\n");
        }
        md.append("\nStored as GET /api/v1/baselines/anomaly-comparisons/").append(c.getString("id")).append(".\n\n");
        for (int m = 0; m < names.size(); m++) {
            md.append("- ").append(names.get(m)).append(": ").append(c.getString("models[" + m + "].provenance"))
                    .append("\n");
        }
        md.append("\n");
    }

    private static String ruleText(Map<String, Object> rule) {
        return switch (String.valueOf(rule.get("kind"))) {
            case "K_OF_N" -> rule.get("k") + " of " + rule.get("n");
            case "EWMA" -> "EWMA lambda " + rule.get("lambda");
            default -> "none";
        };
    }

    private static String number(Object value) {
        return value == null ? "-" : value instanceof Integer i ? i.toString()
                : String.format(Locale.ROOT, "%.1f", ((Number) value).doubleValue());
    }

    private static String upload(Supplier<RequestSpecification> qa, String name, double[][] rows) {
        StringBuilder csv = new StringBuilder(io.poka.scoring.TepData.VARIABLES.stream().collect(Collectors.joining(",")))
                .append('\n');
        for (double[] r : rows) {
            csv.append(Arrays.stream(r).mapToObj(Double::toString).collect(Collectors.joining(","))).append('\n');
        }
        return qa.get().contentType("text/csv").queryParam("name", name).body(csv.toString()).post("/api/v1/scoring/datasets")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract().path("id");
    }
}
