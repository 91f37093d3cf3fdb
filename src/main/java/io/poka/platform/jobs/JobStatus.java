package io.poka.platform.jobs;

/** Life cycle of a job: QUEUED -> RUNNING -> SUCCEEDED | FAILED | CANCELLED; QUEUED may also end at once. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    /** Whether the job has not ended yet. */
    public boolean open() {
        return this == QUEUED || this == RUNNING;
    }
}
