package io.poka.platform.internal.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * After a hard kill of the JVM the PostgreSQL child process can outlive it and keep the data directory locked;
 * this stops such a leftover server (fast shutdown, no data lost) so the next start succeeds.
 */
final class StalePostmaster {
    private static final Logger LOG = Logger.getLogger(StalePostmaster.class);

    private StalePostmaster() {
    }

    static void stopIfRunning(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).trim());
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().info().command().orElse("").contains("postgres")) {
            return;
        }
        LOG.warnf("A PostgreSQL server from an earlier run (pid %d) still holds %s: stopping it", pid, dataDir);
        // SIGINT = PostgreSQL's fast shutdown: it rolls back open transactions and checkpoints.
        new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
        process.get().onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
    }
}
