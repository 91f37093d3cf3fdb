package io.poka.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * /api/v1 never breaks: the committed document (the server's, see OpenApiSnapshotTest) is compatible with the last
 * released one, and the check really catches a removed operation or a newly required request field.
 */
class ApiCompatibilityTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String LOTS = "/api/v1/lots";

    @Test
    void theCurrentDocumentBreaksNoClientOfTheReleasedV1() throws Exception {
        ApiCompatibility check = ApiCompatibility.compare(Files.readString(ApiCompatibility.RELEASED),
                Files.readString(OpenApiSnapshotTest.SNAPSHOT));
        assertFalse(check.breaking(), () -> OpenApiSnapshotTest.SNAPSHOT + " breaks clients of "
                + ApiCompatibility.RELEASED + " (docs/api-versioning.md says what to do instead):\n" + check.report());
    }

    @Test
    void removingAnOperationIsABreakingChange() throws Exception {
        ObjectNode candidate = released();
        ((ObjectNode) candidate.path("paths").path(LOTS)).remove("post");
        assertBreaking(candidate, "`POST` " + LOTS);
    }

    @Test
    void aNewlyRequiredRequestFieldIsABreakingChange() throws Exception {
        ObjectNode candidate = released();
        ObjectNode body = requestSchema(candidate, LOTS, "post");
        ((ObjectNode) body.withObject("properties")).putObject("plant").put("type", "string");
        ArrayNode required = body.has("required") ? (ArrayNode) body.get("required") : body.putArray("required");
        required.add("plant");
        assertBreaking(candidate, "plant");
    }

    @Test
    void aNewOptionalRequestFieldAndANewOperationAreNotBreaking() throws Exception {
        ObjectNode candidate = released();
        requestSchema(candidate, LOTS, "post").withObject("properties").putObject("plantNote").put("type", "string");
        ((ObjectNode) candidate.get("paths")).set("/api/v1/lots-new-for-test", candidate.path("paths").path(LOTS).deepCopy());
        ApiCompatibility check = ApiCompatibility.compare(YAML.writeValueAsString(released()),
                YAML.writeValueAsString(candidate));
        assertFalse(check.breaking(), check::report);
    }

    private static void assertBreaking(JsonNode candidate, String mentioned) throws Exception {
        ApiCompatibility check = ApiCompatibility.compare(YAML.writeValueAsString(released()),
                YAML.writeValueAsString(candidate));
        assertTrue(check.breaking(), "expected a breaking change:\n" + check.report());
        assertTrue(check.report().contains(mentioned), check::report);
    }

    private static ObjectNode released() throws Exception {
        return (ObjectNode) YAML.readTree(ApiCompatibility.RELEASED.toFile());
    }

    /** The JSON request body schema of an operation, followed through a $ref to components. */
    private static ObjectNode requestSchema(JsonNode document, String path, String method) {
        JsonNode schema = document.path("paths").path(path).path(method).path("requestBody").path("content")
                .path("application/json").path("schema");
        if (schema.has("$ref")) {
            schema = document.at(schema.get("$ref").asText().substring(1));
        }
        if (!schema.isObject()) {
            throw new AssertionError("no JSON request schema for " + method + " " + path);
        }
        return (ObjectNode) schema;
    }
}
