package io.poka.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion.VersionFlag;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * docs/asyncapi.yaml is a valid AsyncAPI 3.0.0 document (official JSON Schema from @asyncapi/specs 6.11.1, in
 * src/test/resources/asyncapi, no network), every $ref in it and in docs/schemas resolves, and its quality-events
 * channel has exactly one message per event type the code can publish.
 */
class AsyncApiDocumentTest {
    private static final String QUALITY_EVENTS = "poka.quality.events.v1";

    @Test
    void theDocumentValidatesAgainstTheOfficialAsyncApi300Schema() throws Exception {
        JsonSchema asyncapi;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            asyncapi = JsonSchemaFactory.getInstance(VersionFlag.V7).getSchema(in);
        }
        JsonNode document = AsyncApiContract.load().document();
        assertEquals("3.0.0", document.path("asyncapi").asText());
        Set<String> errors = AsyncApiContract.text(asyncapi.validate(document));
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void everyReferenceResolvesInTheDocumentAndInTheSchemaFiles() throws Exception {
        AsyncApiContract contract = AsyncApiContract.load();
        List<String> unresolved = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        collectRefs(contract.document(), refs);
        for (String ref : refs) {
            if (ref.startsWith("#/")) {
                if (contract.document().at(ref.substring(1)).isMissingNode()) {
                    unresolved.add("asyncapi.yaml: " + ref);
                }
                continue;
            }
            java.net.URI uri = contract.file(ref);
            Path file = Path.of(new java.net.URI(uri.getScheme(), uri.getSchemeSpecificPart(), null));
            if (!Files.exists(file)) {
                unresolved.add("asyncapi.yaml: " + ref + " (no such file)");
                continue;
            }
            JsonNode schema = AsyncApiContract.JSON.readTree(file.toFile());
            if (uri.getFragment() != null && schema.at(uri.getFragment()).isMissingNode()) {
                unresolved.add("asyncapi.yaml: " + ref);
            }
            List<String> inner = new ArrayList<>();
            collectRefs(schema, inner);
            inner.stream().filter(r -> !r.startsWith("#") || schema.at(r.substring(1)).isMissingNode())
                    .forEach(r -> unresolved.add(file.getFileName() + ": " + r));
        }
        assertTrue(refs.size() > 30, "the document references its schemas: " + refs.size());
        assertTrue(unresolved.isEmpty(), unresolved.toString());
    }

    @Test
    void theSchemaFilesAreValidJsonSchema202012() throws Exception {
        JsonSchema meta = JsonSchemaFactory.getInstance(VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        try (var files = Files.list(Path.of("docs", "schemas"))) {
            for (Path file : files.toList()) {
                Set<String> errors = AsyncApiContract.text(meta.validate(AsyncApiContract.JSON.readTree(file.toFile())));
                assertTrue(errors.isEmpty(), file + ": " + errors);
            }
        }
    }

    @Test
    void everyQualityEventTypeTheCodePublishesHasExactlyOneMessageAndNoMessageIsStale() {
        Set<String> published = PublishedEventTypes.find();
        assertTrue(published.containsAll(Set.of("LotHeld", "InspectionFailed", "AlertRaised", "AuditCheckpointPublished")),
                "the bytecode scan finds the known publishers' types: " + published);
        assertEquals(published, AsyncApiContract.load().messageNames(QUALITY_EVENTS),
                "quality event types published by the code vs messages of the quality-events channel in docs/asyncapi.yaml");
    }

    @Test
    void eachQualityEventMessageFixesItsTypeAndHasAKeySchema() {
        AsyncApiContract.load().channel(QUALITY_EVENTS).forEach((name, message) -> {
            String other = name.equals("LotHeld") ? "LotReleased" : "LotHeld";
            String wrongType = """
                    {"schema":"poka.quality-event/v1","eventId":"6f1c3a52-0d7e-4c1a-9a43-1d1b0e9f2c11","type":"%s",\
                    "key":"k","occurredAt":"2026-12-05T01:00:00Z","data":{}}""".formatted(other);
            assertTrue(message.payload().validate(AsyncApiContract.JSON.valueToTree(parse(wrongType))).size() > 0,
                    name + " rejects an envelope of another type");
            assertTrue(message.key() != null && message.headers() != null, name);
        });
    }

    @Test
    void aWrongKeyOrAMissingDeadLetterHeaderIsAViolation() {
        AsyncApiContract contract = AsyncApiContract.load();
        String lotHeld = """
                {"schema":"poka.quality-event/v1","eventId":"6f1c3a52-0d7e-4c1a-9a43-1d1b0e9f2c11","type":"LotHeld",\
                "key":"LOT-1","occurredAt":"2026-12-05T01:00:00Z","data":{"lotId":"6f1c3a52-0d7e-4c1a-9a43-1d1b0e9f2c11",\
                "externalId":"E1","product":"P","status":"ON_HOLD","statusBeforeHold":"CREATED","reason":"burr",\
                "heldBy":"qa","at":"2026-12-05T01:00:00Z"}}""";
        Map<String, String> headers = Map.of("poka-event-type", "LotHeld", "poka-event-id", "6f1c3a52-0d7e-4c1a-9a43-1d1b0e9f2c11");
        AsyncApiContract.MessageContract held = contract.channel(QUALITY_EVENTS).get("LotHeld");
        Set<String> wrongKey = held.violations("LOT-1", lotHeld, headers);
        assertTrue(wrongKey.stream().anyMatch(v -> v.startsWith("key:") && v.contains("uuid")), wrongKey.toString());
        String lotId = "6f1c3a52-0d7e-4c1a-9a43-1d1b0e9f2c11";
        Set<String> rightKey = held.violations(lotId, lotHeld.replace("\"LOT-1\"", "\"" + lotId + "\""), headers);
        assertTrue(rightKey.isEmpty(), rightKey.toString());

        AsyncApiContract.MessageContract dead = contract.channel("poka.telemetry.readings.dlq.v1").get("RejectedReading");
        Map<String, String> dlqHeaders = new java.util.HashMap<>(Map.of("poka-dlq-reason-code", "unparseable",
                "poka-dlq-reason", "not JSON", "poka-dlq-source", "poka.telemetry.readings.v1-0@17"));
        assertTrue(dead.violations(null, "{broken", dlqHeaders).isEmpty());
        dlqHeaders.remove("poka-dlq-source");
        assertEquals(1, dead.violations(null, "{broken", dlqHeaders).size());
    }

    private static JsonNode parse(String json) {
        try {
            return AsyncApiContract.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref") && e.getValue().isTextual()) {
                    refs.add(e.getValue().asText());
                } else if (!e.getKey().equals("examples")) {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }
}
