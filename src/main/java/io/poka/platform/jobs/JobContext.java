package io.poka.platform.jobs;

import java.util.UUID;
import java.util.function.Consumer;

/** What a running job's work sees of the runner: its id, whether to stop, and where to report progress. */
public interface JobContext<R extends JobRecord> {

    UUID id();

    /** True once a user (on any replica) or the application's shutdown asked the job to stop. */
    boolean cancelled();

    /**
     * Reports units done; {@code details} sets the module's own progress columns (e.g. the last loss) on the stored
     * record. Stored at most once per {@link JobKind#progressEvery()}; the last report is always stored at the end.
     */
    void progress(int done, Consumer<R> details);

    default void progress(int done) {
        progress(done, r -> { });
    }
}
