package io.poka.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The OpenAPI document the server publishes, read as data: its operations, and whether a real HTTP answer is one the
 * document declares (status, media type, body schema, header schemas). JSON Schema 2020-12 (OpenAPI 3.1's dialect) is
 * checked with networknt's validator, with format assertions on.
 */
public final class OpenApiContract {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(VersionFlag.V202012);

    /** One operation of the document. */
    public record Operation(String method, String path, JsonNode node, Pattern pattern, int parameters) {
        public String id() {
            return node.path("operationId").asText(method.toUpperCase() + " " + path);
        }

        public String label() {
            return method.toUpperCase() + " " + path;
        }

        public JsonNode responses() {
            return node.path("responses");
        }

        public boolean hasRequestBody() {
            return node.has("requestBody");
        }

        public List<JsonNode> parameters(String in) {
            List<JsonNode> found = new ArrayList<>();
            node.path("parameters").forEach(p -> {
                if (in.equals(p.path("in").asText())) {
                    found.add(p);
                }
            });
            return found;
        }
    }

    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    public OpenApiContract(JsonNode document) {
        this.document = document;
        document.path("paths").fields().forEachRemaining(path -> METHODS.forEach(method -> {
            JsonNode op = path.getValue().get(method);
            if (op != null) {
                String regex = Pattern.quote(path.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
                int parameters = path.getKey().split("\\{", -1).length - 1;
                operations.add(new Operation(method, path.getKey(), op, Pattern.compile(regex), parameters));
            }
        }));
    }

    public static OpenApiContract parse(String json) {
        try {
            return new OpenApiContract(JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("the OpenAPI document is not JSON", e);
        }
    }

    public JsonNode document() {
        return document;
    }

    public List<Operation> operations() {
        return operations;
    }

    /** The operation a request addresses: the template that matches with the fewest path parameters. */
    public Optional<Operation> match(String method, String path) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return operations.stream().filter(o -> o.method().equalsIgnoreCase(method) && o.pattern().matcher(p).matches())
                .min(Comparator.comparingInt(Operation::parameters));
    }

    /** A schema of the document (inline or a $ref), with its $refs resolved against the document's schemas. */
    public JsonSchema schema(JsonNode schema) {
        return schemas.computeIfAbsent(schema.toString(), key -> {
            // The document's schemas become $defs of a JSON Schema 2020-12 document, refs rewritten to match.
            ObjectNode root = (ObjectNode) asDefs(schema.isObject() ? schema : JSON.createObjectNode());
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.set("$defs", asDefs(document.path("components").path("schemas")));
            return FACTORY.getSchema(SchemaLocation.of("https://poka.invalid/openapi.json"), root, CONFIG);
        });
    }

    private static JsonNode asDefs(JsonNode node) {
        try {
            return JSON.readTree(node.toString().replace("\"#/components/schemas/", "\"#/$defs/"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Messages of a value that does not validate against a schema of the document (empty when it does). */
    public List<String> validate(JsonNode value, JsonNode schema) {
        return schema(schema).validate(value).stream().map(m -> m.getMessage()).toList();
    }

    /**
     * What is wrong with an answer to a request (empty when the document declares it exactly): the operation must
     * exist, the status be declared, the media type be one declared for that status, the body validate against its
     * schema and each declared header present validate against the header's schema.
     */
    public List<String> violations(String method, String path, int status, String contentType,
            Map<String, String> headers, byte[] body) {
        List<String> found = new ArrayList<>();
        Optional<Operation> matched = match(method, path);
        if (matched.isEmpty()) {
            return List.of(method + " " + path + ": no such operation in the document");
        }
        Operation op = matched.get();
        String where = op.id() + " -> " + status + ": ";
        JsonNode response = op.responses().get(String.valueOf(status));
        if (response == null) {
            response = op.responses().get("default");
        }
        if (response == null) {
            return List.of(where + "status not declared (declared: " + fieldNames(op.responses()) + ")");
        }
        JsonNode content = response.path("content");
        boolean emptyBody = body == null || body.length == 0;
        if (!emptyBody || status != 204 && content.size() > 0) {
            String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
            JsonNode media = content.get(mediaType);
            if (media == null) {
                found.add(where + "media type '" + mediaType + "' not declared (declared: " + fieldNames(content) + ")");
            } else if (media.has("schema")) {
                found.addAll(bodyViolations(where, mediaType, media.get("schema"), body));
            }
        }
        response.path("headers").fields().forEachRemaining(h -> {
            String value = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(h.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (value == null) {
                if (h.getValue().path("required").asBoolean(false)) {
                    found.add(where + "required header " + h.getKey() + " missing");
                }
            } else if (h.getValue().has("schema")) {
                validate(JsonNodeFactory.instance.textNode(value), h.getValue().get("schema"))
                        .forEach(m -> found.add(where + "header " + h.getKey() + ": " + m));
            }
        });
        return found;
    }

    private List<String> bodyViolations(String where, String mediaType, JsonNode schema, byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        if ("binary".equals(schema.path("format").asText())) {
            if (mediaType.endsWith("zip") && (bytes.length < 2 || bytes[0] != 'P' || bytes[1] != 'K')) {
                return List.of(where + "declared a ZIP, the body is not one");
            }
            return List.of();
        }
        JsonNode value;
        if (mediaType.endsWith("json")) {
            try {
                value = JSON.readTree(bytes);
            } catch (IOException e) {
                return List.of(where + "body is not JSON: " + e.getMessage());
            }
        } else {
            value = JsonNodeFactory.instance.textNode(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
        return validate(value, schema).stream().map(m -> where + "body: " + m).toList();
    }

    static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }
}
