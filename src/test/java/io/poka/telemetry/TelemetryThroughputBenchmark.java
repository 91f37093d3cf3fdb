package io.poka.telemetry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.telemetry.internal.CatalogueService;
import io.poka.telemetry.internal.IngestService;
import io.poka.telemetry.internal.ReadingParser;
import io.poka.telemetry.internal.TepReplay;
import io.poka.telemetry.internal.TepRun;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The telemetry benchmark (bench/run-telemetry.sh), not a test: it runs only with -Dpoka.bench=true and asserts
 * no timing. Through the real broker, the shared validation, SPC with run rules and alerts, and PostgreSQL, it
 * measures the batched path (the application's own consumer) and a naive path (same components, one reading per
 * transaction) in the same run, and the latency from reading timestamp to stored violation.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@EnabledIfSystemProperty(named = "poka.bench", matches = "true")
class TelemetryThroughputBenchmark {
    private static final String NAIVE_TOPIC = "poka.bench.naive.readings";

    @Inject
    IngestService ingest;
    @Inject
    CatalogueService catalogue;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    @Test
    void measure() throws Exception {
        long batchedReadings = Long.getLong("poka.bench.readings", 2_000_000);
        long naiveReadings = Long.getLong("poka.bench.naive-readings", 5_000);
        String run = System.getProperty("poka.bench.run", "d01");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String batchedLine = "bench-batched-" + tag;
        String naiveLine = "bench-naive-" + tag;
        TepRun baseline = TepRun.load("d00");
        TepRun load = TepRun.load(run);
        Charts charts = Charts.valueOf(System.getProperty("poka.bench.charts", "plant").toUpperCase(java.util.Locale.ROOT));
        prepare(batchedLine, baseline, charts);
        prepare(naiveLine, baseline, charts);
        int scoringEpochs = Integer.getInteger("poka.bench.scoring-epochs", 0);
        String scoredLine = scoringEpochs > 0 ? "bench-scored-" + tag : null;
        String scoringModel = null;
        double trainingSeconds = 0;
        if (scoredLine != null) {
            prepare(scoredLine, baseline, charts);
            long tt0 = System.nanoTime();
            scoringModel = BenchScoring.trainAndPromote(scoredLine, baseline, scoringEpochs);
            trainingSeconds = (System.nanoTime() - tt0) / 1e9;
        }

        // batched path: the application's Kafka consumer
        // warm-up on the same line (same path, other reading ids), so the burst measures the sustained rate of a
        // compiled application rather than the JIT compiling it; the warm-up is not counted
        int warmupSteps = (int) Math.ceil(Long.getLong("poka.bench.warmup-readings", 300_000) / (double) TepRun.VARIABLES);
        double warm0 = storedCounter();
        try (KafkaProducer<String, String> producer = TepReplay.producer(RealInfrastructure.bootstrapServers())) {
            new TepReplay(producer, "poka.telemetry.readings.v1").replay(load, batchedLine, batchedLine + "-warmup",
                    warmupSteps, 0, () -> false);
        }
        while (storedCounter() - warm0 < (long) warmupSteps * TepRun.VARIABLES) {
            Thread.sleep(20);
        }
        if (scoredLine != null) { // the scoring path compiled too, so its burst is not the JIT's
            // as many steps as the plain warm-up: with a third of them, C2 was still compiling the scoring path during
            // the scored burst (JFR: the compiler threads were its largest CPU user, scoring's own Java code ~4 %)
            sendAndWait(load, scoredLine, scoredLine + "-warmup", Math.max(1, warmupSteps));
        }
        Instant burstStart = Instant.now();
        long gc0 = gcMillis();
        long jit0 = java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();

        int steps = (int) Math.ceil(batchedReadings / (double) TepRun.VARIABLES);
        long expected = (long) steps * TepRun.VARIABLES;
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double loadBefore = os.getSystemLoadAverage();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = os.getProcessCpuTime();
        Map<Long, Long> threadCpu0 = threadCpu(threads);
        Map<String, Double> vmCpu0 = VmThreadCpu.byName();
        double pg0 = PostgresCpu.seconds();
        double stored0 = storedCounter();
        // optional CPU profile of the burst only: JFR's method sampling (settings "profile"), bench/jfr-hot.py sums it
        io.poka.testing.BenchProfile profile = io.poka.testing.BenchProfile.start();
        long t0 = System.nanoTime();
        long producerCpu = threads.getCurrentThreadCpuTime();
        try (KafkaProducer<String, String> producer = TepReplay.producer(RealInfrastructure.bootstrapServers())) {
            long io0 = producerIoCpu(threads);
            new TepReplay(producer, "poka.telemetry.readings.v1").replay(load, batchedLine, batchedLine, steps, 0, () -> false);
            producerCpu += producerIoCpu(threads) - io0;
        }
        producerCpu = threads.getCurrentThreadCpuTime() - producerCpu;
        double produceSeconds = (System.nanoTime() - t0) / 1e9;
        // watch the consumer's own counter, so the measurement puts no load on the database
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (storedCounter() - stored0 < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double batchedSeconds = (System.nanoTime() - t0) / 1e9;
        profile.close();
        double batchedCpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        double batchedPgCpu = PostgresCpu.seconds() - pg0;
        String cpuByThread = cpuByThreadGroup(threads, threadCpu0);
        String vmCpu = VmThreadCpu.since(vmCpu0);
        long gcMillis = gcMillis() - gc0;
        long jitMillis = java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit0;
        waitForRows(batchedLine, expected + (long) warmupSteps * TepRun.VARIABLES, Duration.ofMinutes(1));
        String memory = memoryAfterBurst();
        Instant burstEnd = Instant.now();

        // latency below saturation: the same path paced at a fixed rate
        double pacedStepsPerSecond = Double.parseDouble(System.getProperty("poka.bench.paced-steps-per-second", "100"));
        int pacedSteps = (int) (pacedStepsPerSecond * Integer.getInteger("poka.bench.paced-seconds", 20));
        double paced0 = storedCounter();
        Instant pacedStart = Instant.now();
        try (KafkaProducer<String, String> producer = TepReplay.producer(RealInfrastructure.bootstrapServers())) {
            new TepReplay(producer, "poka.telemetry.readings.v1").replay(load, batchedLine, batchedLine + "-paced",
                    pacedSteps, pacedStepsPerSecond, () -> false);
        }
        while (storedCounter() - paced0 < (long) pacedSteps * TepRun.VARIABLES) {
            Thread.sleep(20);
        }
        double loadAfter = os.getSystemLoadAverage();
        // the same burst again on a line whose promoted model scores every complete time step (issue 14's share)
        String scoringRow = "";
        if (scoredLine != null) {
            double scored0 = metrics.counter("poka.scoring.streaming.rows").count();
            double scoringCpu0 = metrics.counter("poka.scoring.streaming.cpu.seconds").count();
            // both measured here, one after the other, so JIT state and machine load are alike
            Map<String, Double> plainThreads0 = VmThreadCpu.byName();
            double[] plain = cpuOfBurst(load, batchedLine, batchedLine + "-plain", steps);
            String plainThreads = VmThreadCpu.since(plainThreads0);
            Map<String, Double> scoredThreads0 = VmThreadCpu.byName();
            double[] scored;
            // optional CPU profile of the scored burst alone (BENCH_JFR_SCORED)
            try (io.poka.testing.BenchProfile scoredProfile = io.poka.testing.BenchProfile.start("poka.bench.jfr-scored")) {
                scored = cpuOfBurst(load, scoredLine, scoredLine, steps);
            }
            double scoredRows = metrics.counter("poka.scoring.streaming.rows").count() - scored0;
            double scoringCpu = metrics.counter("poka.scoring.streaming.cpu.seconds").count() - scoringCpu0;
            double plainUs = plain[1] / expected * 1e6;
            double scoredUs = scored[1] / expected * 1e6;
            scoringRow = String.format("%nstreaming scoring (VAE-GAN model %s trained on d00 for %d epochs in %.0f s, "
                    + "promoted on %s): the same %d-reading burst without and with it, JVM CPU per reading without the "
                    + "load generator %.2f -> %.2f us (+%.1f %%), PostgreSQL %.2f -> %.2f us, JVM + PostgreSQL %+.1f %%; "
                    + "%.0f -> %.0f readings/s; %.0f rows scored (time steps of %d readings)",
                    scoringModel, scoringEpochs, trainingSeconds, scoredLine, expected, plainUs, scoredUs,
                    100 * (scoredUs / plainUs - 1), plain[2] / expected * 1e6, scored[2] / expected * 1e6,
                    100 * ((scored[1] + scored[2]) / (plain[1] + plain[2]) - 1), expected / plain[0],
                    expected / scored[0], scoredRows, TepRun.VARIABLES)
                    // the scorer's own thread CPU: not blurred by the JIT compiling, or the load of other processes
                    + String.format("%nstreaming scorer's own thread CPU (poka.scoring.streaming.cpu.seconds, forward "
                            + "pass included): %.3f s = %.2f us per reading = %.1f %% of the burst's JVM CPU per reading "
                            + "without the model", scoringCpu, scoringCpu / expected * 1e6,
                            100 * scoringCpu / expected * 1e6 / plainUs)
                    // native threads too: the engine's own (PyTorch, OpenMP) threads are invisible to JFR
                    + String.format("%nJVM CPU s by native thread, burst without the model: %s%nwith it: %s", plainThreads,
                            VmThreadCpu.since(scoredThreads0));
        }

        // naive path: same broker, validation, SPC and database, one transaction per reading
        int naiveSteps = (int) Math.ceil(naiveReadings / (double) TepRun.VARIABLES);
        long naiveExpected = (long) naiveSteps * TepRun.VARIABLES;
        try (KafkaProducer<String, String> producer = TepReplay.producer(RealInfrastructure.bootstrapServers())) {
            new TepReplay(producer, NAIVE_TOPIC).replay(load, naiveLine, naiveLine, naiveSteps, 0, () -> false);
        }
        ReadingParser parser = new ReadingParser(json, clock, Duration.ofMinutes(5), catalogue::lookup);
        long ncpu0 = os.getProcessCpuTime();
        double npg0 = PostgresCpu.seconds();
        long n0 = System.nanoTime();
        long consumed = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
            consumer.subscribe(List.of(NAIVE_TOPIC));
            while (consumed < naiveExpected) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    ingest.ingestOne(parser.parse(r.value()));
                    consumed++;
                }
                consumer.commitSync();
            }
        }
        double naiveSeconds = (System.nanoTime() - n0) / 1e9;
        double naiveCpu = (os.getProcessCpuTime() - ncpu0) / 1e9;
        double naivePgCpu = PostgresCpu.seconds() - npg0;

        double batchedRate = expected / batchedSeconds;
        double naiveRate = naiveExpected / naiveSeconds;
        double[] latency = latencyMillis(batchedLine, burstStart, burstEnd);
        double[] pacedLatency = latencyMillis(batchedLine, pacedStart, Instant.now().plusSeconds(60));
        double[] pacedIncident = incidentLatencyMillis(batchedLine, pacedStart, Instant.now().plusSeconds(60));
        long violations = count("select count(*) from spc.violation where line = ? and newest_point_at >= '"
                + burstStart + "'", batchedLine);
        long firings = count("select coalesce(sum(fired_points), 0) from spc.violation where line = ? and newest_point_at >= '"
                + burstStart + "'", batchedLine);
        long alerts = count("select count(*) from alerts.alert where line = ?", batchedLine);
        String table = String.join("\n",
                "| path | readings | seconds | readings/s | JVM CPU s | readings per JVM CPU s | PostgreSQL CPU s |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
                String.format("| batched (Kafka batch -> COPY, SPC, alerts; 1 tx per poll) | %d | %.2f | %.0f | %.1f | %.0f | %.1f |",
                        expected, batchedSeconds, batchedRate, batchedCpu, expected / batchedCpu, batchedPgCpu),
                String.format("| naive (same components, 1 tx per reading) | %d | %.2f | %.0f | %.1f | %.0f | %.1f |",
                        naiveExpected, naiveSeconds, naiveRate, naiveCpu, naiveExpected / naiveCpu, naivePgCpu),
                "",
                String.format("ratio batched/naive: %.1fx; producer finished after %.2f s", batchedRate / naiveRate, produceSeconds),
                String.format("of the batched JVM CPU, the load generator (replay thread + producer I/O threads, same JVM) used %.1f s;"
                        + " without it: %.0f readings per JVM CPU s", producerCpu / 1e9, expected / (batchedCpu - producerCpu / 1e9)),
                "JVM CPU s of the burst by Java thread group: " + cpuByThread + String.format("; garbage collection %.1f s"
                        + " (collector time), JIT compilation %.1f s (compiler threads' elapsed time)", gcMillis / 1e3, jitMillis / 1e3),
                "JVM CPU s of the burst by native thread (from /proc, JVM-internal threads included): " + vmCpu,
                memory,
                String.format("warm-up before the burst (same path, not counted): %d readings", (long) warmupSteps * TepRun.VARIABLES),
                String.format("violations stored (burst and paced): %d rows for %d firings (a rule firing on consecutive points of a batch is one row), alerts: %d",
                        violations, firings, alerts),
                String.format("latency reading timestamp -> stored violation, burst above (everything produced at once, so it is queueing): p50 %.0f ms, p99 %.0f ms (n = %d)",
                        latency[0], latency[1], (long) latency[2]),
                String.format("latency reading timestamp -> stored violation, paced at %.0f readings/s for %d readings: p50 %.0f ms, p99 %.0f ms (n = %d)",
                        pacedStepsPerSecond * TepRun.VARIABLES, (long) pacedSteps * TepRun.VARIABLES, pacedLatency[0],
                        pacedLatency[1], (long) pacedLatency[2]),
                String.format("latency newest reading of a signal -> recorded in its incident (alerts.incident_signal "
                        + "recorded_at - signal_to), paced: p50 %.0f ms, p99 %.0f ms (n = %d)", pacedIncident[0],
                        pacedIncident[1], (long) pacedIncident[2]),
                String.format("charts: %s%s%s", charts.description, chartTypeOverride().map(t -> ", chart type "
                        + t + " on every variable").orElse(""), scoringRow),
                String.format("TEP run %s replayed as load after phase I limits from d00; %d cores, load average %.1f before, %.1f after; %s",
                        run, Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter,
                        Instant.now().truncatedTo(ChronoUnit.SECONDS)),
                "PostgreSQL settings: " + serverSettings("synchronous_commit", "fsync", "shared_buffers", "max_wal_size",
                        "checkpoint_timeout") + " (both paths commit durably: one WAL flush per transaction)",
                "JVM CPU = this JVM (application, in-process broker, producer); PostgreSQL CPU = the test server's processes"
                        + " (postmaster and its children, from /proc; 0 where /proc is not readable). Batched CPU covers the burst only.");
        System.out.println("\n==== Telemetry benchmark ====\n" + table + "\n");
        Path dir = Path.of(System.getProperty("poka.bench.results", "bench/results"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("telemetry-" + Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()
                .replace(':', '-') + ".md"), table + "\n");
    }

    /** Produces {@code steps} time steps of the line as fast as possible and waits until the consumer stored them. */
    private void sendAndWait(TepRun load, String line, String idPrefix, int steps) throws Exception {
        double before = storedCounter();
        try (KafkaProducer<String, String> producer = TepReplay.producer(RealInfrastructure.bootstrapServers())) {
            new TepReplay(producer, "poka.telemetry.readings.v1").replay(load, line, idPrefix, steps, 0, () -> false);
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (storedCounter() - before < (long) steps * TepRun.VARIABLES && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /**
     * A burst like the main one on another line: {seconds, JVM CPU s without the load generator (the replay thread
     * and the producer's I/O threads), PostgreSQL CPU s}.
     */
    private double[] cpuOfBurst(TepRun load, String line, String idPrefix, int steps) throws Exception {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = os.getProcessCpuTime();
        double pg0 = PostgresCpu.seconds();
        long io0 = producerIoCpu(threads);
        long own0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        sendAndWait(load, line, idPrefix, steps);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long generator = threads.getCurrentThreadCpuTime() - own0 + producerIoCpu(threads) - io0;
        return new double[] {seconds, (os.getProcessCpuTime() - cpu0 - generator) / 1e9, PostgresCpu.seconds() - pg0};
    }

    /**
     * The chart set-up of the bench's lines. PLANT is what the product sets up for Tennessee Eastman data (the demo
     * plant: {@link io.poka.telemetry.internal.DemoPlant#CHART} with rule 1 only, limits at L = 4 as
     * {@code %prod.poka.spc.auto-baseline-sigma-multiplier}), so normal running is quiet; STRESS is the catalogue's
     * bare defaults on raw readings (individuals chart, every Western Electric rule, L = 3), which on autocorrelated
     * TEP data fires about once per reading: the heavy-firing case for the violation, alert and incident paths.
     */
    enum Charts {
        PLANT("plant (AR1_RESIDUALS, BEYOND_LIMITS, phase I limits from d00 at L = 4: what the demo plant sets up)",
                io.poka.telemetry.internal.DemoPlant.CHART.name(), io.poka.telemetry.internal.DemoPlant.RULES.name(), 4.0),
        STRESS("stress (the catalogue defaults IMR and WESTERN_ELECTRIC on raw readings, phase I limits from d00 at L = 3)",
                null, null, 3.0);

        final String description;
        final String chartType;
        final String ruleSet;
        final double sigmaMultiplier;

        Charts(String description, String chartType, String ruleSet, double sigmaMultiplier) {
            this.description = description;
            this.chartType = chartType;
            this.ruleSet = ruleSet;
            this.sigmaMultiplier = sigmaMultiplier;
        }
    }

    private static java.util.Optional<String> chartTypeOverride() {
        return java.util.Optional.ofNullable(System.getProperty("poka.bench.chart-type")).filter(t -> !t.isBlank());
    }

    /** Catalogue entries for the 52 TEP variables and phase I limits frozen from the d00 normal run. */
    private void prepare(String line, TepRun baseline, Charts charts) {
        Instant start = Instant.now().minus(2, ChronoUnit.DAYS);
        for (TepRun.TepVariable v : TepRun.CATALOGUE) {
            Map<String, Object> entry = new java.util.HashMap<>(Map.of("line", line, "variable", v.id(), "unit", v.unit()));
            if (charts.chartType != null) {
                entry.put("chartType", charts.chartType);
                entry.put("ruleSet", charts.ruleSet);
            }
            // -Dpoka.bench.chart-type (BENCH_CHART_TYPE): e.g. EWMA or CUSUM, the charts whose state is saved with
            // every batch (spc.chart_state)
            chartTypeOverride().ifPresent(t -> entry.put("chartType", t));
            Api.asAdmin().body(entry).post("/api/v1/telemetry/variables").then().statusCode(201);
        }
        StringBuilder body = new StringBuilder("[");
        for (int step = 0; step < baseline.steps(); step++) {
            for (int v = 0; v < TepRun.VARIABLES; v++) {
                TepRun.TepVariable variable = TepRun.CATALOGUE.get(v);
                body.append(body.length() > 1 ? "," : "").append("{\"readingId\":\"").append(line).append("-base-")
                        .append(step).append('-').append(v).append("\",\"line\":\"").append(line)
                        .append("\",\"station\":\"TEP\",\"variable\":\"").append(variable.id()).append("\",\"value\":")
                        .append(baseline.value(step, v)).append(",\"unit\":\"").append(variable.unit())
                        .append("\",\"timestamp\":\"").append(start.plusSeconds(180L * step)).append("\"}");
            }
        }
        Api.asAdmin().body(body.append(']').toString()).post("/api/v1/telemetry/readings").then().statusCode(200);
        for (TepRun.TepVariable v : TepRun.CATALOGUE) {
            Api.asAdmin().body(Map.of("from", start.toString(), "to", start.plus(1, ChronoUnit.DAYS).toString(),
                    "sigmaMultiplier", charts.sigmaMultiplier))
                    .post("/api/v1/spc/charts/" + line + "/" + v.id() + "/limits/phase-one").then().statusCode(201);
        }
    }

    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }

    private static Map<Long, Long> threadCpu(java.lang.management.ThreadMXBean threads) {
        Map<Long, Long> out = new java.util.HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            out.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
        return out;
    }

    /** CPU seconds since {@code before} per thread name with its numbers dropped, largest first. */
    private static String cpuByThreadGroup(java.lang.management.ThreadMXBean threads, Map<Long, Long> before) {
        Map<String, Double> groups = new java.util.HashMap<>();
        for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t == null) {
                continue;
            }
            long used = Math.max(0, threads.getThreadCpuTime(t.getThreadId())) - before.getOrDefault(t.getThreadId(), 0L);
            groups.merge(t.getThreadName().replaceAll("[0-9]+", "#"), used / 1e9, Double::sum);
        }
        return groups.entrySet().stream().filter(e -> e.getValue() >= 0.1)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format("%s %.1f", e.getKey(), e.getValue()))
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** CPU time of the producer I/O threads (the replay's producer; the application's producers idle meanwhile). */
    private static long producerIoCpu(java.lang.management.ThreadMXBean threads) {
        long sum = 0;
        for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("kafka-producer-network-thread")) {
                sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }

    /** CPU seconds of this JVM's native threads by name (digits dropped), from /proc/self/task; empty without /proc. */
    private static final class VmThreadCpu {
        static Map<String, Double> byName() {
            Map<String, Double> out = new java.util.HashMap<>();
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path t : (Iterable<Path>) tasks::iterator) {
                    try {
                        String stat = Files.readString(t.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        out.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0, Double::sum);
                    } catch (java.io.IOException | RuntimeException gone) {
                        // the thread ended while we looked
                    }
                }
            } catch (java.io.IOException | RuntimeException noProc) {
                return Map.of();
            }
            return out;
        }

        /** Largest consumers since {@code before}, as "name seconds; ...". */
        static String since(Map<String, Double> before) {
            return byName().entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
                    .filter(e -> e.getValue() >= 0.1)
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .map(e -> String.format("%s %.1f", e.getKey(), e.getValue()))
                    .collect(java.util.stream.Collectors.joining("; "));
        }
    }

    /** CPU seconds used so far by the test PostgreSQL (the postmaster serving our port and its children). */
    private static final class PostgresCpu {
        static double seconds() {
            try {
                String port = RealInfrastructure.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1");
                Map<Long, long[]> stats = new java.util.HashMap<>(); // pid -> {ppid, ticks}
                long postmaster = -1;
                try (var dirs = Files.list(Path.of("/proc"))) {
                    for (Path d : (Iterable<Path>) dirs::iterator) {
                        String name = d.getFileName().toString();
                        if (!name.chars().allMatch(Character::isDigit)) {
                            continue;
                        }
                        try {
                            String stat = Files.readString(d.resolve("stat"));
                            if (!stat.contains("(postgres)")) {
                                continue;
                            }
                            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            long pid = Long.parseLong(name);
                            stats.put(pid, new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12])});
                            String cmd = Files.readString(d.resolve("cmdline")).replace('\0', ' ');
                            if (cmd.matches(".*-p " + port + "( .*|$)")) {
                                postmaster = pid;
                            }
                        } catch (java.io.IOException | RuntimeException gone) {
                            // the process ended while we looked
                        }
                    }
                }
                long ticks = 0;
                for (Map.Entry<Long, long[]> e : stats.entrySet()) {
                    if (e.getKey() == postmaster || e.getValue()[0] == postmaster) {
                        ticks += e.getValue()[1];
                    }
                }
                return postmaster < 0 ? 0 : ticks / 100.0; // USER_HZ is 100 on Linux
            } catch (Exception e) {
                return 0;
            }
        }
    }

    private double storedCounter() {
        return metrics.counter("poka.telemetry.readings.stored").count();
    }

    private static Properties consumerProperties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-naive-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return p;
    }

    private static void waitForRows(String line, long expected, Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        while (count("select count(*) from telemetry.reading where line = ?", line) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not all readings were stored within " + max);
            }
            Thread.sleep(100);
        }
    }

    private static double[] latencyMillis(String line, Instant from, Instant to) throws Exception {
        try (Connection c = DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres");
                // one sample per (distinct) point time at which a rule fired: a stored violation's points from first_fired_at on
                PreparedStatement ps = c.prepareStatement("select percentile_cont(0.5) within group (order by ms), "
                        + "percentile_cont(0.99) within group (order by ms), count(*) from (select extract(epoch from "
                        + "stored_at - t) * 1000 as ms from spc.violation, unnest(point_times) t where line = ? "
                        + "and t >= first_fired_at and t >= ? and t < ?) v")) {
            ps.setString(1, line);
            ps.setTimestamp(2, java.sql.Timestamp.from(from));
            ps.setTimestamp(3, java.sql.Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)};
            }
        }
    }

    /** p50, p99 and count of (recorded_at - signal_to) over the rule signals of the line's incidents in a range. */
    private static double[] incidentLatencyMillis(String line, Instant from, Instant to) throws Exception {
        try (Connection c = DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres");
                PreparedStatement ps = c.prepareStatement("select coalesce(percentile_cont(0.5) within group (order by "
                        + "ms), 0), coalesce(percentile_cont(0.99) within group (order by ms), 0), count(*) from ("
                        + "select extract(epoch from s.recorded_at - s.signal_to) * 1000 as ms from alerts.incident_signal s "
                        + "join alerts.incident i on i.id = s.incident_id where i.line = ? and s.kind = 'RULE' "
                        + "and s.signal_to >= ? and s.signal_to < ?) v")) {
            ps.setString(1, line);
            ps.setTimestamp(2, java.sql.Timestamp.from(from));
            ps.setTimestamp(3, java.sql.Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)};
            }
        }
    }

    /**
     * Memory after the burst: the live heap after a full collection, the JVM's peak resident set (VmHWM, whole test
     * JVM: application, broker, producer), and the on-disk size of the readings and violations tables with their
     * indexes, per stored reading.
     */
    private static String memoryAfterBurst() throws Exception {
        System.gc();
        long liveHeap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        String peakRss = "n/a";
        try {
            peakRss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> l.replaceAll("\\D+", "")).map(kb -> Long.parseLong(kb) / 1024 + " MB").findFirst().orElse("n/a");
        } catch (java.io.IOException noProc) {
            // not Linux
        }
        long readingBytes;
        long violationBytes;
        long readingsStored;
        try (Connection c = DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres");
                Statement s = c.createStatement();
                // the readings' partitions (a partitioned table has no storage of its own) and their dictionaries
                ResultSet rs = s.executeQuery("select (select sum(pg_total_relation_size(inhrelid)) from pg_inherits "
                        + "where inhparent = 'telemetry.reading_row'::regclass) + pg_total_relation_size("
                        + "'telemetry.reading_source') + pg_total_relation_size('telemetry.reading_lot'), "
                        + "pg_total_relation_size('spc.violation'), (select count(*) from telemetry.reading_row)")) {
            rs.next();
            readingBytes = rs.getLong(1);
            violationBytes = rs.getLong(2);
            readingsStored = rs.getLong(3);
        }
        return String.format("memory: live heap after the burst %d MB (after a full GC), JVM peak resident set %s; "
                + "on disk: telemetry.reading_row partitions and dictionaries with indexes %d MB (%.0f bytes per reading over its %d rows: baselines, "
                + "warm-up, burst), spc.violation with indexes %d MB", liveHeap >> 20, peakRss,
                readingBytes >> 20, readingBytes / (double) readingsStored, readingsStored, violationBytes >> 20);
    }

    /** "name=value, ..." as the test server reports them. */
    private static String serverSettings(String... names) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres");
                Statement s = c.createStatement()) {
            for (String name : names) {
                try (ResultSet rs = s.executeQuery("show " + name)) {
                    rs.next();
                    out.add(name + "=" + rs.getString(1));
                }
            }
        }
        return String.join(", ", out);
    }

    private static long count(String sql, String parameter) throws Exception {
        return io.poka.testing.TelemetryFixtures.count(sql, parameter);
    }
}
