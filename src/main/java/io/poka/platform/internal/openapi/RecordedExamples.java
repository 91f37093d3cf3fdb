package io.poka.platform.internal.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;

/**
 * Gives operations without hand-written examples the real bodies the contract tests exchanged with the server
 * (openapi/recorded-examples.json, written by io.poka.contract.RecordedExamples and validated with the document).
 */
final class RecordedExamples {
    static final String RESOURCE = "openapi/recorded-examples.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordedExamples() {
    }

    static void apply(OpenAPI openApi) {
        JsonNode recorded = load();
        for (Operation operation : SchemaWalk.operations(openApi)) {
            JsonNode entry = recorded.path(String.valueOf(operation.getOperationId()));
            if (entry.isMissingNode()) {
                continue;
            }
            if (operation.getRequestBody() != null && entry.has("request")) {
                addIfNone(operation.getRequestBody().getContent(), entry.get("request"));
            }
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().forEach((status, response) -> {
                    if (entry.path("responses").has(status)) {
                        addIfNone(response.getContent(), entry.path("responses").get(status));
                    }
                });
            }
        }
    }

    private static void addIfNone(Content content, JsonNode value) {
        MediaType json = content == null ? null : content.getMediaType("application/json");
        if (json == null || json.getExample() != null || json.getExamples() != null && !json.getExamples().isEmpty()) {
            return;
        }
        json.addExample("recorded", OASFactory.createExample()
                .summary("A real exchange recorded by the contract tests").value(JSON.convertValue(value, Object.class)));
    }

    private static JsonNode load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            return in == null ? JSON.createObjectNode() : JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
