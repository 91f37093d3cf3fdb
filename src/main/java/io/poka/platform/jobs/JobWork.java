package io.poka.platform.jobs;

import java.util.UUID;

/** The module's part of a job: does the work on a runner thread and answers the stored model's id. */
@FunctionalInterface
public interface JobWork<R extends JobRecord> {
    UUID run(JobContext<R> context) throws Exception;
}
