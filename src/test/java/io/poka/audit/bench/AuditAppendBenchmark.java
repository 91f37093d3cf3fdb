package io.poka.audit.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.audit.AuditApi;
import io.poka.platform.RecordChanged;
import io.poka.testing.ProcessCpu;
import io.poka.testing.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The audit append benchmark (bench/audit-appends.sh), not a test: it runs only with -Dpoka.bench=true. Each writer
 * commits one audited change per transaction (a lot-sized before/after state) as fast as it can, with 1 and 8
 * writers, twice: through the journal (today's path) and with the old serialisation re-created in the same run (the
 * writer locks audit.chain_head in its transaction, as every append did before the journal, until its commit). Durable
 * commits (the test PostgreSQL keeps fsync on). Reports appends committed per second, the time until the sequencer had
 * chained all of them, and JVM and PostgreSQL CPU per append. Writes bench/results/audit-appends.md.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@EnabledIfSystemProperty(named = "poka.bench", matches = "true")
class AuditAppendBenchmark {
    private static final int PER_RUN = Integer.getInteger("poka.bench.appends", 4000);

    @Inject
    Event<RecordChanged> changes;

    @Inject
    AuditApi audit;

    @Inject
    EntityManager em;

    @Test
    void appendsPerSecondWithOneAndEightWriters() throws Exception {
        run("warm-up", 8, false, 1000);
        List<String> rows = new ArrayList<>();
        double journal8 = 0;
        double locked8 = 0;
        for (int writers : new int[] { 1, 8 }) {
            for (boolean locked : new boolean[] { true, false }) {
                Result r;
                // optional CPU profile of the 8-writer journal run only
                try (var profile = writers == 8 && !locked ? io.poka.testing.BenchProfile.start() : null) {
                    r = run(locked ? "old: chain head locked to commit" : "journal + sequencer", writers, locked,
                            PER_RUN);
                }
                rows.add(r.row());
                if (writers == 8) {
                    if (locked) {
                        locked8 = r.appendsPerSecond();
                    } else {
                        journal8 = r.appendsPerSecond();
                    }
                }
            }
        }
        String report = "# Audit appends: journal + sequencer against the old chain-head lock\n\n"
                + "`bench/audit-appends.sh` (" + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, PostgreSQL and Kafka on the same machine, fsync on). " + PER_RUN + " appends per run, one"
                + " audited change per transaction. *committed/s*: appends whose transaction committed, per second;"
                + " *chained/s*: the same appends divided by the time until the sequencer had chained the last of them;"
                + " CPU per append in ms (JVM includes the writers themselves).\n\n"
                + "| path | writers | committed/s | chained/s | ratio to old path, same writers | JVM CPU ms/append |"
                + " PostgreSQL CPU ms/append |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n"
                + String.join("\n", ratios(rows)) + "\n\n"
                + String.format(Locale.ROOT, "8 writers: %.0f appends/s through the journal, %.1fx the old path (%.0f/s)"
                        + " in the same run. JVM resident memory after the runs: %.0f MB, heap in use after GC: %.0f MB."
                        + "\n", journal8, journal8 / locked8, locked8, ProcessCpu.jvmRssMb(), ProcessCpu.heapUsedMb());
        Path out = Path.of("bench/results/audit-appends.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        assertTrue(audit.verify(null, null).valid(), "the chain verifies after the benchmark");
    }

    /** Adds the ratio column: each journal row against the old-path row with the same number of writers before it. */
    private static List<String> ratios(List<String> rows) {
        List<String> out = new ArrayList<>();
        double old = 0;
        for (String row : rows) {
            String[] cells = row.split("\\|");
            double committed = Double.parseDouble(cells[3].trim().replace(",", ""));
            boolean isOld = cells[1].contains("old");
            if (isOld) {
                old = committed;
            }
            out.add(row.replace("@RATIO@", isOld ? "1.0" : String.format(Locale.ROOT, "%.1f", committed / old)));
        }
        return out;
    }

    private record Result(String path, int writers, int appends, double seconds, double chainedSeconds,
            ProcessCpu.Sample cpu) {
        double appendsPerSecond() {
            return appends / seconds;
        }

        String row() {
            return String.format(Locale.ROOT, "| %s | %d | %,.0f | %,.0f | @RATIO@ | %.3f | %.3f |", path, writers,
                    appendsPerSecond(), appends / chainedSeconds, cpu.jvmSeconds() * 1000 / appends,
                    cpu.postgresSeconds() * 1000 / appends);
        }
    }

    private Result run(String path, int writers, boolean lockHead, int appends) throws Exception {
        String run = "Bench-" + UUID.randomUUID();
        int perWriter = appends / writers;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String writer = "w" + w;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perWriter; i++) {
                    int n = i;
                    QuarkusTransaction.requiringNew().run(() -> {
                        if (lockHead) {
                            em.createNativeQuery("select last_sequence from audit.chain_head where id = 1 for update")
                                    .getSingleResult();
                        }
                        changes.fire(new RecordChanged(run, writer + "-" + n, "HELD",
                                Map.of("status", "RELEASED", "quantity", 500, "line", "L1", "version", n),
                                Map.of("status", "HELD", "quantity", 500, "line", "L1", "version", n + 1),
                                "benchmark hold " + n));
                    });
                }
                return null;
            }));
        }
        ProcessCpu.Sample before = ProcessCpu.sample();
        long t0 = System.nanoTime();
        start.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        long committed = System.nanoTime();
        audit.head(); // returns once every committed append is chained
        long chained = System.nanoTime();
        ProcessCpu.Sample cpu = ProcessCpu.sample().minus(before);
        pool.shutdown();
        int total = perWriter * writers;
        return new Result(path, writers, total, (committed - t0) / 1e9, (chained - t0) / 1e9, cpu);
    }
}
