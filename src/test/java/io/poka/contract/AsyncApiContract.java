package io.poka.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * docs/asyncapi.yaml read as the tests need it: per channel, each message's payload, Kafka key and header schemas,
 * resolved ($ref into the document or into docs/schemas) and compiled with format assertions on, so a test can say
 * "this record is what the contract promises" without a second, hand-kept copy of the schemas.
 */
public final class AsyncApiContract {
    public static final Path DOCUMENT = Path.of("docs", "asyncapi.yaml");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    /** One message of a channel: what its value, key and headers must satisfy. */
    public record MessageContract(String name, JsonSchema payload, JsonSchema key, JsonSchema headers, boolean jsonValue) {
        /** Violations of the record (empty when it conforms); headers are given as name to UTF-8 text. */
        public Set<String> violations(String key, String value, Map<String, String> headers) {
            Set<String> found = new TreeSet<>();
            try {
                JsonNode v = jsonValue ? JSON.readTree(value) : JsonNodeFactory.instance.textNode(value);
                payload.validate(v).forEach(m -> found.add("value: " + m.getMessage()));
            } catch (IOException e) {
                found.add("value: not JSON: " + e.getMessage());
            }
            this.key.validate(key == null ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.textNode(key))
                    .forEach(m -> found.add("key: " + m.getMessage()));
            if (this.headers != null) {
                ObjectNode h = JSON.createObjectNode();
                headers.forEach(h::put);
                this.headers.validate(h).forEach(m -> found.add("headers: " + m.getMessage()));
            }
            return found;
        }
    }

    private final JsonNode document;
    private final Path base;
    private final JsonSchemaFactory draft7 = JsonSchemaFactory.getInstance(VersionFlag.V7);
    private final JsonSchemaFactory draft2020 = JsonSchemaFactory.getInstance(VersionFlag.V202012);

    private AsyncApiContract(Path file) {
        try {
            this.document = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.base = file.toAbsolutePath().getParent();
    }

    public static AsyncApiContract load() {
        return new AsyncApiContract(DOCUMENT);
    }

    public JsonNode document() {
        return document;
    }

    /** The messages of the channel whose address is {@code topic}, by message name. */
    public Map<String, MessageContract> channel(String topic) {
        Iterator<Map.Entry<String, JsonNode>> channels = document.path("channels").fields();
        while (channels.hasNext()) {
            JsonNode channel = channels.next().getValue();
            if (topic.equals(channel.path("address").asText())) {
                Map<String, MessageContract> messages = new LinkedHashMap<>();
                channel.path("messages").fields().forEachRemaining(e -> messages.put(e.getKey(), message(e.getKey(), local(e.getValue()))));
                return messages;
            }
        }
        throw new AssertionError("No channel with address " + topic + " in " + DOCUMENT);
    }

    /** The names of the messages of a channel. */
    public Set<String> messageNames(String topic) {
        return channel(topic).keySet().stream().collect(Collectors.toCollection(TreeSet::new));
    }

    private MessageContract message(String name, JsonNode message) {
        JsonNode headers = message.get("headers");
        for (JsonNode trait : message.path("traits")) {
            if (headers == null) {
                headers = local(trait).get("headers");
            }
        }
        return new MessageContract(name, schema(message.path("payload")),
                schema(message.path("bindings").path("kafka").path("key")),
                headers == null ? null : schema(headers),
                message.path("contentType").asText("application/json").equals("application/json"));
    }

    /** Follows a reference inside the document ({@code #/...}); any other node is returned as it is. */
    JsonNode local(JsonNode node) {
        while (node.has("$ref") && node.get("$ref").asText().startsWith("#/")) {
            JsonNode target = document.at(node.get("$ref").asText().substring(1));
            if (target.isMissingNode()) {
                throw new AssertionError("Unresolvable $ref " + node.get("$ref").asText());
            }
            node = target;
        }
        return node;
    }

    /** Compiles a schema or multi-format schema object; a $ref to a file is loaded from docs/ (JSON Schema 2020-12). */
    JsonSchema schema(JsonNode node) {
        node = local(node);
        if (node.isMissingNode()) {
            throw new AssertionError("A message lacks a schema");
        }
        if (node.has("schemaFormat")) {
            return schema(node.get("schema"));
        }
        if (node.has("$ref")) {
            return draft2020.getSchema(SchemaLocation.of(file(node.get("$ref").asText()).toString()), CONFIG);
        }
        return draft7.getSchema(SchemaLocation.of(base.resolve(DOCUMENT.getFileName()).toUri().toString()), node, CONFIG);
    }

    /** The absolute URI of a reference to a file relative to the document, fragment kept. */
    URI file(String ref) {
        int hash = ref.indexOf('#');
        String path = hash < 0 ? ref : ref.substring(0, hash);
        URI uri = base.resolve(path).normalize().toUri();
        return hash < 0 ? uri : URI.create(uri + ref.substring(hash));
    }

    /** Messages of a validation as text, for assertion output. */
    static Set<String> text(Set<ValidationMessage> messages) {
        return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toCollection(TreeSet::new));
    }
}
