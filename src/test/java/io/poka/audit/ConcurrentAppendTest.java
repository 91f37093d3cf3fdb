package io.poka.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.platform.RecordChanged;
import io.poka.testing.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/** Eight writers appending at the same time produce one gapless, valid chain. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ConcurrentAppendTest {
    private static final Logger LOG = Logger.getLogger(ConcurrentAppendTest.class);
    private static final int WRITERS = 8;
    private static final int APPENDS_PER_WRITER = 50;

    @Inject
    Event<RecordChanged> changes;

    @Inject
    AuditApi audit;

    @Test
    void eightConcurrentWritersYieldAValidGaplessChain() throws Exception {
        String run = "Concurrent-" + UUID.randomUUID();
        long headBefore = audit.head().sequence();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String writer = "w" + w;
            writers.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < APPENDS_PER_WRITER; i++) {
                    int n = i;
                    QuarkusTransaction.requiringNew().run(() -> changes.fire(new RecordChanged(run, writer, "UPDATED",
                            Map.of("n", n - 1), Map.of("n", n), null)));
                }
                return null;
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Future<?> f : writers) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        int total = WRITERS * APPENDS_PER_WRITER;
        LOG.infof("%d appends by %d concurrent writers in %.2f s (%.0f appends/s)", total, WRITERS, seconds,
                total / seconds);

        List<AuditEntry> ours = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            List<AuditEntry> history = audit.history(run, "w" + w);
            assertEquals(APPENDS_PER_WRITER, history.size());
            for (int i = 0; i < history.size(); i++) {
                assertEquals(i, history.get(i).after().get("n").asInt(), "a writer's entries keep its order");
            }
            ours.addAll(history);
        }
        long headAfter = audit.head().sequence();
        assertTrue(headAfter - headBefore >= total);
        ChainVerification verification = audit.verify(headBefore + 1, headAfter);
        assertNull(verification.firstBroken());
        assertTrue(verification.valid());
        assertEquals(headAfter - headBefore, verification.entriesChecked());
        List<Long> sequences = ours.stream().map(AuditEntry::sequence).sorted().toList();
        assertEquals(total, LongStream.range(0, sequences.size()).filter(i -> i == 0
                || sequences.get((int) i) > sequences.get((int) i - 1)).count(), "sequence numbers are unique");
        assertTrue(audit.verify(null, null).valid(), "the whole chain verifies");
    }

    @Test
    void theWholeChainVerifiesAfterThousandsOfAppends() {
        String run = "Bulk-" + UUID.randomUUID();
        long a0 = System.nanoTime();
        for (int t = 0; t < 10; t++) {
            int batch = t;
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < 500; i++) {
                    changes.fire(new RecordChanged(run, batch + "-" + i, "CREATED", null,
                            Map.of("batch", batch, "i", i, "value", i * 0.125, "label", "reading " + i), null));
                }
            });
        }
        LOG.infof("5000 appends in 10 transactions of 500 in %.2f s", (System.nanoTime() - a0) / 1e9);
        long t0 = System.nanoTime();
        ChainVerification whole = audit.verify(null, null);
        double seconds = (System.nanoTime() - t0) / 1e9;
        LOG.infof("Verified the whole chain of %d entries in %.2f s (%.0f entries/s)", whole.entriesChecked(),
                seconds, whole.entriesChecked() / seconds);
        assertTrue(whole.valid());
        assertTrue(whole.entriesChecked() >= 5000);
    }
}
