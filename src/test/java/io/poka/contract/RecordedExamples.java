package io.poka.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Real request and response bodies seen by the contract tests, kept as the document's examples of operations that
 * have none written by hand (io.poka.platform.internal.openapi.RecordedExamples reads them). Recorded only when asked:
 * {@code -Dpoka.openapi.record-examples=true}; every example is then validated by OpenApiDocumentTest like the others.
 */
final class RecordedExamples {
    static final Path FILE = Path.of("src/main/resources/openapi/recorded-examples.json");
    private static final boolean RECORDING = Boolean.getBoolean("poka.openapi.record-examples");
    private static final int MAX_CHARS = 8000;
    private static final String PASSWORD = "your-own-password";
    private static final java.util.Set<String> SECRETS = java.util.Set.of("password", "currentPassword", "newPassword", "secret");
    private static final Map<String, ObjectNode> SEEN = new TreeMap<>();

    private RecordedExamples() {
    }

    static synchronized void offer(String operationId, int status, String contentType, Object requestBody,
            byte[] responseBody) {
        if (!RECORDING) {
            return;
        }
        ObjectNode entry = SEEN.computeIfAbsent(operationId, k -> OpenApiContract.JSON.createObjectNode());
        JsonNode request = json(requestBody == null ? null : requestBody.toString().getBytes());
        if (request != null && !entry.has("request")) {
            entry.set("request", request);
        }
        JsonNode response = contentType != null && contentType.contains("json") ? json(responseBody) : null;
        if (response != null && !entry.path("responses").has(String.valueOf(status))) {
            entry.withObject("/responses").set(String.valueOf(status), response);
        }
        write();
    }

    private static JsonNode json(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = shorten(OpenApiContract.JSON.readTree(body));
            return node.toString().length() > MAX_CHARS ? null : node;
        } catch (IOException e) {
            return null;
        }
    }

    /** Arrays keep their first two elements, so that list answers stay readable examples; passwords are masked. */
    private static JsonNode shorten(JsonNode node) {
        if (node instanceof ArrayNode array) {
            ArrayNode shorter = OpenApiContract.JSON.createArrayNode();
            for (int i = 0; i < Math.min(2, array.size()); i++) {
                shorter.add(shorten(array.get(i)));
            }
            return shorter;
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = OpenApiContract.JSON.createObjectNode();
            // Passwords of the test users and webhook secrets are not published as examples.
            object.fields().forEachRemaining(f -> copy.set(f.getKey(), SECRETS.contains(f.getKey())
                    && f.getValue().isTextual() ? OpenApiContract.JSON.getNodeFactory().textNode(PASSWORD)
                    : shorten(f.getValue())));
            return copy;
        }
        return node;
    }

    private static void write() {
        try {
            ObjectNode all = Files.exists(FILE) ? (ObjectNode) OpenApiContract.JSON.readTree(FILE.toFile())
                    : OpenApiContract.JSON.createObjectNode();
            SEEN.forEach((id, entry) -> {
                if (entry.isEmpty()) {
                    return;
                }
                ObjectNode merged = all.has(id) ? (ObjectNode) all.get(id) : all.putObject(id);
                if (!merged.has("request") && entry.has("request")) {
                    merged.set("request", entry.get("request"));
                }
                entry.path("responses").fields().forEachRemaining(r -> {
                    if (!merged.path("responses").has(r.getKey())) {
                        merged.withObject("/responses").set(r.getKey(), r.getValue());
                    }
                });
            });
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, OpenApiContract.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
