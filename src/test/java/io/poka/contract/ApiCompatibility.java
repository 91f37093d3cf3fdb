package io.poka.contract;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * The breaking-change rule of docs/api-versioning.md as a check: openapi-diff compares the released /api/v1 document
 * with a newer one and says whether a client built against the released one can break.
 */
final class ApiCompatibility {
    /** The last released /api/v1 document; a release copies the snapshot here (docs/api-versioning.md). */
    static final Path RELEASED = Path.of("docs", "openapi", "released", "poka-api-v1.yaml");

    private final ChangedOpenApi diff;

    private ApiCompatibility(ChangedOpenApi diff) {
        this.diff = diff;
    }

    static ApiCompatibility compare(String released, String candidate) {
        return new ApiCompatibility(OpenApiCompare.fromContents(released, candidate));
    }

    boolean breaking() {
        return diff.isIncompatible();
    }

    /** What changed, as openapi-diff's Markdown report (incompatible changes are marked). */
    String report() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, writer);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
