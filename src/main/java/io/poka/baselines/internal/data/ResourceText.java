package io.poka.baselines.internal.data;

import io.poka.platform.CsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the shipped data files under /datasets on the classpath: as lines, or through the shared CSV reader as rows of
 * cells or of whitespace-separated numbers.
 */
final class ResourceText {
    private ResourceText() {
    }

    static List<String> lines(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The non-blank lines as rows of numbers (any run of whitespace separates). */
    static double[][] numbers(String resource) {
        return rows(resource, CsvReader.Delimiter.WHITESPACE).stream()
                .map(cells -> cells.stream().mapToDouble(Double::parseDouble).toArray()).toArray(double[][]::new);
    }

    /** The non-blank lines as rows of cells, read by the shared CSV reader. */
    static List<List<String>> rows(String resource, CsvReader.Delimiter delimiter) {
        try (InputStream in = open(resource); CsvReader reader = CsvReader.open(new InputStreamReader(in,
                StandardCharsets.UTF_8), delimiter)) {
            return reader.readAll().stream().map(CsvReader.Row::cells).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = ResourceText.class.getResourceAsStream("/datasets/" + resource);
        if (in == null) {
            throw new IllegalStateException("missing resource datasets/" + resource);
        }
        return in;
    }
}
