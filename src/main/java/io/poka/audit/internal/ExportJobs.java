package io.poka.audit.internal;

import io.poka.platform.NotFoundProblem;
import io.poka.platform.ProblemException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Long audit exports run as jobs, one at a time on a single worker so they cannot starve the request threads: the
 * request answers 202 with the job's address, the job reports entries written out of the selection, and the ZIP is
 * served once done. Jobs live in memory (a restart forgets them; the trail keeps AuditExport REQUESTED/EXPORTED);
 * only the newest {@code poka.audit.export-jobs-kept} finished ZIPs are kept on disk.
 */
@ApplicationScoped
class ExportJobs {
    private static final Logger LOG = Logger.getLogger(ExportJobs.class);

    /** A job's state as the status endpoint shows it. */
    record Status(String id, String state, long entriesTotal, long entriesWritten, double progress,
            String requestedBy, Instant createdAt, Instant finishedAt, String manifestSha256, String download,
            String error) {
    }

    private static final class Job {
        final AuditExports.Plan plan;
        volatile String state = "QUEUED";
        volatile long written;
        volatile Instant finishedAt;
        volatile AuditExports.Bundle bundle;
        volatile String error;

        Job(AuditExports.Plan plan) {
            this.plan = plan;
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "poka-audit-export");
        t.setDaemon(true);
        return t;
    });
    private final AuditExports exports;
    private final AuditConfig config;
    private final Clock clock;

    ExportJobs(AuditExports exports, AuditConfig config, Clock clock) {
        this.exports = exports;
        this.config = config;
        this.clock = clock;
    }

    /** Records the request (by the requesting user) and queues the export; returns its status. */
    Status submit(AuditExports.Plan plan) {
        exports.record(plan, "REQUESTED", null);
        Job job = new Job(plan);
        jobs.put(plan.exportId(), job);
        worker.execute(() -> run(job));
        return status(job);
    }

    Status status(String id, String user, boolean admin) {
        return status(visible(id, user, admin));
    }

    /** The finished ZIP; 409 while the job runs or when it failed. */
    AuditExports.Bundle result(String id, String user, boolean admin) {
        Job job = visible(id, user, admin);
        if (job.bundle == null) {
            throw new NotReady(id, job.state);
        }
        return job.bundle;
    }

    private Job visible(String id, String user, boolean admin) {
        Job job = jobs.get(id);
        if (job == null || !admin && !job.plan.actor().userId().equals(user)) {
            throw new NotFoundProblem("AuditExportJob", id);
        }
        return job;
    }

    private void run(Job job) {
        job.state = "RUNNING";
        try {
            AuditExports.Bundle bundle = exports.write(job.plan, directory(), n -> job.written = n);
            exports.record(job.plan, "EXPORTED", bundle);
            job.bundle = bundle;
            job.state = "SUCCEEDED";
        } catch (RuntimeException e) {
            LOG.errorf(e, "Audit export %s failed", job.plan.exportId());
            job.error = e.getMessage();
            job.state = "FAILED";
        } finally {
            job.finishedAt = clock.instant();
            prune();
        }
    }

    Path directory() {
        Path dir = Path.of(config.exportDirectory().orElse(System.getProperty("java.io.tmpdir")))
                .resolve("poka-audit-exports");
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("poka.audit.export-directory cannot be created", e);
        }
    }

    /** Forgets the oldest finished jobs beyond the configured number, deleting their ZIPs. */
    private void prune() {
        List<Job> finished = new ArrayList<>(jobs.values().stream().filter(j -> j.finishedAt != null).toList());
        finished.sort(Comparator.comparing((Job j) -> j.finishedAt).reversed());
        for (Job old : finished.subList(Math.min(finished.size(), config.exportJobsKept()), finished.size())) {
            jobs.remove(old.plan.exportId());
            if (old.bundle != null) {
                old.bundle.zip().toFile().delete();
            }
        }
    }

    private static Status status(Job job) {
        long total = job.plan.rows();
        double progress = "SUCCEEDED".equals(job.state) ? 1.0 : total == 0 ? 0.0 : (double) job.written / total;
        String id = job.plan.exportId();
        return new Status(id, job.state, total, job.written, progress, job.plan.actor().userId(),
                job.plan.createdAt(), job.finishedAt, job.bundle == null ? null : job.bundle.manifestSha256(),
                job.bundle == null ? null : "/api/v1/audit/export-jobs/" + id + "/zip", job.error);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** The ZIP of a job that has not (or not successfully) finished was asked for. */
    static final class NotReady extends ProblemException {
        NotReady(String id, String state) {
            super(409, "audit/export-not-ready", "Export not ready",
                    "Export job " + id + " is " + state + "; poll its status until it is SUCCEEDED");
            with("state", state);
        }
    }
}
