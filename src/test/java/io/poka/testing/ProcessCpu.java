package io.poka.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time used by this JVM and by the test PostgreSQL server (postmaster and its backends, read from /proc), and the
 * JVM's resident memory, for benchmarks that report CPU per operation. Linux only; /proc ticks are 1/100 s.
 */
public final class ProcessCpu {
    private static final double TICK_SECONDS = 0.01;

    /** Cumulative CPU seconds at one moment. */
    public record Sample(double jvmSeconds, double postgresSeconds, long wallNanos) {
        public Sample minus(Sample earlier) {
            return new Sample(jvmSeconds - earlier.jvmSeconds, postgresSeconds - earlier.postgresSeconds,
                    wallNanos - earlier.wallNanos);
        }
    }

    private ProcessCpu() {
    }

    public static Sample sample() {
        return new Sample(jvmSeconds(), postgresSeconds(), System.nanoTime());
    }

    /** Resident set size of this JVM in MB (VmRSS). */
    public static double jvmRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** Heap in use in MB after a GC. */
    public static double heapUsedMb() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) / 1048576.0;
    }

    private static double jvmSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return -1;
    }

    private static double postgresSeconds() {
        try {
            long postmaster = postmasterPid();
            long ticks = 0;
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    List<String> f = stat(p);
                    if (f == null) {
                        continue;
                    }
                    long pid = Long.parseLong(p.getFileName().toString());
                    if (pid == postmaster) {
                        // own time plus that of backends it has reaped
                        ticks += Long.parseLong(f.get(11)) + Long.parseLong(f.get(12)) + Long.parseLong(f.get(13))
                                + Long.parseLong(f.get(14));
                    } else if (Long.parseLong(f.get(1)) == postmaster) {
                        ticks += Long.parseLong(f.get(11)) + Long.parseLong(f.get(12));
                    }
                }
            }
            return ticks * TICK_SECONDS;
        } catch (IOException | SQLException e) {
            return -1;
        }
    }

    /** Fields of /proc/pid/stat after the command name: index 0 = state, 1 = ppid, 11 = utime, 12 = stime, ... */
    private static List<String> stat(Path proc) {
        try {
            String s = Files.readString(proc.resolve("stat"));
            return List.of(s.substring(s.lastIndexOf(')') + 2).split(" "));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long postmasterPid() throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection(RealInfrastructure.jdbcUrl(), "postgres", "postgres");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show data_directory")) {
            rs.next();
            return Long.parseLong(Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid")).get(0).trim());
        }
    }
}
