package io.poka.testing;

import java.io.IOException;
import java.nio.file.Path;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * An optional CPU profile of one benchmark phase: with {@code -Dpoka.bench.jfr=<file>} (BENCH_JFR in bench/*.sh) a
 * JFR recording with the "profile" settings runs from {@link #start()} to {@link #close()} and is written to that
 * file, for bench/jfr-hot.py to sum; without it, nothing is recorded. Profiling only the measured phase keeps start-up
 * and warm-up out of the figures.
 */
public final class BenchProfile implements AutoCloseable {
    private final Recording recording;
    private final Path file;

    private BenchProfile(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    /** Starts recording when {@code poka.bench.jfr} names a file. */
    public static BenchProfile start() throws IOException, java.text.ParseException {
        return start("poka.bench.jfr");
    }

    /** Starts recording when the system property {@code fileProperty} names a file. */
    public static BenchProfile start(String fileProperty) throws IOException, java.text.ParseException {
        String file = System.getProperty(fileProperty, "");
        if (file.isBlank()) {
            return new BenchProfile(null, null);
        }
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.start();
        return new BenchProfile(recording, Path.of(file));
    }

    /** Stops the recording and writes it out (nothing when not recording). */
    @Override
    public void close() throws IOException {
        if (recording != null) {
            recording.stop();
            recording.dump(file);
            recording.close();
        }
    }
}
