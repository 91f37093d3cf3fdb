package io.poka.baselines.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Training beyond the configured slots is refused at once, and a slot frees when its training ends (even by failure). */
class TrainingSlotsTest {

    @Test
    void aSecondTrainingWhileTheOnlySlotIsTakenIsRefusedWith429() throws Exception {
        TrainingSlots slots = new TrainingSlots(1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = pool.submit(() -> slots.run(() -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "first";
            }));
            started.await();
            TrainingSlots.BusyProblem busy = assertThrows(TrainingSlots.BusyProblem.class, () -> slots.run(() -> "second"));
            assertEquals(429, busy.status());
            release.countDown();
            assertEquals("first", first.get());
            assertThrows(IllegalStateException.class, () -> slots.run(() -> {
                throw new IllegalStateException("fit failed");
            }));
            assertEquals("third", slots.run(() -> "third"));
        } finally {
            pool.shutdownNow();
        }
    }
}
