package io.poka.baselines.internal.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the shipped data files under /datasets on the classpath: as lines, or as whitespace-separated numbers. */
final class ResourceText {
    private ResourceText() {
    }

    static List<String> lines(String resource) {
        try (InputStream in = ResourceText.class.getResourceAsStream("/datasets/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource datasets/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The non-blank lines as rows of numbers (any run of whitespace separates). */
    static double[][] numbers(String resource) {
        return lines(resource).stream().filter(l -> !l.isBlank())
                .map(l -> java.util.Arrays.stream(l.strip().split("\\s+")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
    }
}
