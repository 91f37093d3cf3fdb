package io.poka.baselines.internal;

import io.poka.platform.ProblemException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Bounds the synchronous trainings running at once: a forest on C-MAPSS takes a core for tens of seconds, so a request
 * beyond the limit is refused at once (429) instead of queueing behind the others. One instance for the module:
 * trainings, training jobs and anomaly comparisons share poka.baselines.concurrent-trainings.
 */
@Singleton
public class TrainingSlots {
    /** All training slots are taken. */
    static final class BusyProblem extends ProblemException {
        BusyProblem(int slots) {
            super(429, "baselines/training-busy", "Training capacity in use",
                    slots + " training(s) already running; try again when one has finished");
            with("slots", slots);
        }
    }

    private final int slots;
    private final Semaphore free;

    @Inject
    TrainingSlots(BaselinesConfig config) {
        this(config.concurrentTrainings());
    }

    TrainingSlots(int slots) {
        this.slots = slots;
        this.free = new Semaphore(slots);
    }

    /** Waits for a free slot (a queued job's worker), then runs the training. */
    public <T> T runWhenFree(Supplier<T> training) throws InterruptedException {
        free.acquire();
        try {
            return training.get();
        } finally {
            free.release();
        }
    }

    /** Runs the training in a free slot; 429 ({@link BusyProblem}) at once when every slot is taken. */
    public <T> T run(Supplier<T> training) {
        if (!free.tryAcquire()) {
            throw new BusyProblem(slots);
        }
        try {
            return training.get();
        } finally {
            free.release();
        }
    }
}
