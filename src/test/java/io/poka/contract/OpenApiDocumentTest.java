package io.poka.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules a client generator needs from the published OpenAPI document (issue 19), checked over every operation the
 * document lists, so operations added later are held to them too.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class OpenApiDocumentTest {
    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-zA-Z0-9]*");
    /** Names whose generated classes clash with the JDK's or Jackson's. */
    private static final Set<String> JAVA_NAMES = Set.of("JsonNode", "ObjectNode", "ArrayNode", "JsonNodeType", "UUID",
            "Instant", "OffsetDateTime", "LocalDate", "LocalDateTime", "Duration", "Object", "String", "Map", "List",
            "BigDecimal", "URI");
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    private OpenApiContract contract;

    /**
     * Reads the served document and keeps a copy in target/openapi.json (for bench/contract/openapi_counts.py). With
     * -Dpoka.openapi.document=FILE the rules are checked on a saved document instead (e.g. an older one).
     */
    @BeforeEach
    void readDocument() throws java.io.IOException {
        String saved = System.getProperty("poka.openapi.document");
        String json = saved != null ? java.nio.file.Files.readString(java.nio.file.Path.of(saved))
                : Api.asAdmin().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        if (saved == null) {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), json);
        }
        contract = OpenApiContract.parse(json);
    }

    @Test
    void everyOperationHasAUniqueCamelCaseOperationId() {
        Map<String, String> seen = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        for (OpenApiContract.Operation op : contract.operations()) {
            String id = op.node().path("operationId").asText("");
            if (!CAMEL_CASE.matcher(id).matches()) {
                wrong.add(op.label() + ": operationId '" + id + "'");
            }
            String before = seen.put(id, op.label());
            if (before != null) {
                wrong.add(op.label() + ": operationId '" + id + "' also on " + before);
            }
        }
        assertTrue(contract.operations().size() > 50, "the document lists the API's operations");
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyOperationDeclaresASuccessResponseWithATypedBody() {
        List<String> wrong = new ArrayList<>();
        for (OpenApiContract.Operation op : contract.operations()) {
            boolean success = false;
            for (var it = op.responses().fields(); it.hasNext();) {
                var response = it.next();
                if (!response.getKey().startsWith("2")) {
                    continue;
                }
                success = true;
                JsonNode content = response.getValue().path("content");
                if (response.getKey().equals("204")) {
                    if (content.size() > 0) {
                        wrong.add(op.label() + " 204 declares a body");
                    }
                    continue;
                }
                if (content.size() == 0) {
                    wrong.add(op.label() + " " + response.getKey() + " declares no body");
                }
                content.fields().forEachRemaining(media -> {
                    JsonNode schema = media.getValue().path("schema");
                    if (schema.isMissingNode() || schema.isEmpty()) {
                        wrong.add(op.label() + " " + response.getKey() + " " + media.getKey() + " has no schema");
                    } else if (!media.getKey().contains("json") && !media.getKey().startsWith("text/")
                            && !"binary".equals(schema.path("format").asText())
                            && !media.getKey().equals("application/x-pem-file")) {
                        wrong.add(op.label() + " " + media.getKey() + " is not declared as binary");
                    }
                });
            }
            if (!success) {
                wrong.add(op.label() + " declares no success response");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyErrorResponseIsAProblemDocument() {
        List<String> wrong = new ArrayList<>();
        for (OpenApiContract.Operation op : contract.operations()) {
            op.responses().fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    JsonNode content = response.getValue().path("content");
                    if (content.size() != 1 || !PROBLEM_REF.equals(
                            content.path("application/problem+json").path("schema").path("$ref").asText())) {
                        wrong.add(op.label() + " " + response.getKey() + ": " + content);
                    }
                }
            });
            for (String status : List.of("401", "403", "500")) {
                if (!op.responses().has(status)) {
                    wrong.add(op.label() + " does not declare " + status);
                }
            }
            if (op.hasRequestBody() && !op.responses().has("415")) {
                wrong.add(op.label() + " reads a body but does not declare 415");
            }
        }
        JsonNode problem = contract.document().path("components").path("schemas").path("Problem");
        assertEquals(List.of("type", "title", "status"), List.of(problem.path("required").get(0).asText(),
                problem.path("required").get(1).asText(), problem.path("required").get(2).asText()));
        assertEquals(List.of(), wrong);
    }

    @Test
    void headersThatTheServerEnforcesAreDeclaredWithSchemas() {
        List<String> wrong = new ArrayList<>();
        for (OpenApiContract.Operation op : contract.operations()) {
            op.parameters("header").forEach(p -> {
                if (!p.has("schema")) {
                    wrong.add(op.label() + " header " + p.path("name").asText() + " has no schema");
                }
                // The server answers 428 without If-Match exactly where the document says it is required.
                if ("If-Match".equals(p.path("name").asText())
                        && p.path("required").asBoolean(false) != op.responses().has("428")) {
                    wrong.add(op.label() + " If-Match required=" + p.path("required") + " but 428 declared="
                            + op.responses().has("428"));
                }
            });
            op.responses().fields().forEachRemaining(r -> r.getValue().path("headers").fields().forEachRemaining(h -> {
                if (!h.getValue().has("schema")) {
                    wrong.add(op.label() + " " + r.getKey() + " header " + h.getKey() + " has no schema");
                }
            }));
        }
        assertEquals(List.of(), wrong);
        JsonNode replace = contract.match("PUT", "/api/v1/lots/x").orElseThrow().node();
        assertTrue(replace.path("parameters").findValues("name").stream().anyMatch(n -> n.asText().equals("If-Match")));
        JsonNode move = contract.match("POST", "/api/v1/lots/x/moves").orElseThrow().responses().path("200");
        assertTrue(move.path("headers").has("ETag"), "a move answers the lot with its ETag");
    }

    @Test
    void noSchemaIsNamedLikeAJavaOrJacksonClass() {
        List<String> names = new ArrayList<>();
        contract.document().path("components").path("schemas").fieldNames().forEachRemaining(names::add);
        assertFalse(names.isEmpty());
        assertEquals(List.of(), names.stream().filter(JAVA_NAMES::contains).toList());
    }

    @Test
    void basicAuthenticationHasNoScopesAndEveryOperationNamesItsRoles() {
        JsonNode schemes = contract.document().path("components").path("securitySchemes");
        assertEquals("basic", schemes.path("basicAuth").path("scheme").asText());
        List<String> wrong = new ArrayList<>();
        for (OpenApiContract.Operation op : contract.operations()) {
            op.node().path("security").forEach(requirement -> requirement.fields().forEachRemaining(s -> {
                if (s.getValue().size() > 0) {
                    wrong.add(op.label() + " lists scopes " + s.getValue());
                }
            }));
            if (!op.node().path("x-poka-roles").isArray() || op.node().path("x-poka-roles").isEmpty()) {
                wrong.add(op.label() + " has no x-poka-roles");
            }
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * An integrator reads the example before the schema: every operation that takes a body or answers one has at least
     * one (hand-written, or a real exchange recorded by the contract tests). Only operations that exchange no body but a
     * binary download (a ZIP) or nothing at all (a 204 DELETE) have nothing to show.
     */
    @Test
    void everyOperationThatExchangesABodyHasAnExample() {
        List<String> without = new ArrayList<>();
        for (OpenApiContract.Operation op : contract.operations()) {
            List<JsonNode> media = new ArrayList<>();
            op.node().path("requestBody").path("content").forEach(media::add);
            op.responses().fields().forEachRemaining(r -> {
                if (r.getKey().startsWith("2")) {
                    r.getValue().path("content").forEach(media::add);
                }
            });
            boolean showable = media.stream().anyMatch(m -> !"binary".equals(m.path("schema").path("format").asText()));
            boolean example = media.stream().anyMatch(m -> m.has("example") || m.path("examples").size() > 0);
            if (showable && !example) {
                without.add(op.label());
            }
        }
        assertEquals(List.of(), without);
    }

    @Test
    void everyExampleValidatesAgainstItsSchema() {
        List<String> wrong = new ArrayList<>();
        int examples = 0;
        for (OpenApiContract.Operation op : contract.operations()) {
            List<Map.Entry<String, JsonNode>> media = new ArrayList<>();
            op.node().path("requestBody").path("content").fields().forEachRemaining(m -> media.add(Map.entry("request "
                    + m.getKey(), m.getValue())));
            op.responses().fields().forEachRemaining(r -> r.getValue().path("content").fields().forEachRemaining(
                    m -> media.add(Map.entry(r.getKey() + " " + m.getKey(), m.getValue()))));
            for (var m : media) {
                JsonNode schema = m.getValue().get("schema");
                List<JsonNode> values = new ArrayList<>();
                if (m.getValue().has("example")) {
                    values.add(m.getValue().get("example"));
                }
                m.getValue().path("examples").forEach(e -> values.add(e.path("value")));
                for (JsonNode value : values) {
                    examples++;
                    if (schema != null && m.getKey().contains("json")) {
                        contract.validate(value, schema).forEach(msg -> wrong.add(op.label() + " " + m.getKey() + ": "
                                + msg));
                    }
                }
            }
        }
        assertTrue(examples > 20, "the document has examples (" + examples + ")");
        assertEquals(List.of(), wrong);
    }
}
