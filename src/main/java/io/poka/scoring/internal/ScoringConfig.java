package io.poka.scoring.internal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the scoring module (prefix {@code poka.scoring}). */
@ConfigMapping(prefix = "poka.scoring")
public interface ScoringConfig {

    /** Intra-op threads of PyTorch (system property ai.djl.pytorch.num_threads); all cores is 10-60x slower on a busy host. */
    @WithDefault("1")
    int numThreads();

    /** Inter-op threads of PyTorch (ai.djl.pytorch.num_interop_threads). */
    @WithDefault("1")
    int numInteropThreads();

    /** Training jobs that may run at the same time; further jobs wait in the queue. */
    @WithDefault("1")
    int concurrentTrainingJobs();

    /**
     * A QUEUED or RUNNING training job whose replica has not renewed its heartbeat for this long is marked failed
     * (its replica died); several times poka.platform.lease.heartbeat.
     */
    @WithDefault("PT30S")
    java.time.Duration jobHeartbeatTimeout();

    /** Fewest training rows (after the calibration hold-out and lags) a training job accepts. */
    @WithDefault("50")
    int minTrainingRows();

    /** Largest upload accepted, in rows. */
    @WithDefault("1000000")
    int maxDatasetRows();

    /** Top contributing variables reported per scored row. */
    @WithDefault("3")
    int topContributors();

    /** Most time steps one anomaly timeline scores (readings per variable read from telemetry for it). */
    @WithDefault("5000")
    int timelineMaxPoints();

    /**
     * Most stored time steps (readings per variable) a replica scores when it resumes a line's streamed scoring after
     * its saved position (partition moved, restart, failed window); older unscored steps beyond it are skipped (logged).
     */
    @WithDefault("10000")
    int streamResumeMaxSteps();
}
