package io.poka.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The committed docs/openapi/poka-api-v1.yaml is the document the server serves at /q/openapi, so the lint, the
 * generated client and the breaking-change check all judge what integrators really get. Run with
 * {@code -Dpoka.openapi.refresh=true} (tools/api-lint/refresh-openapi.sh) to rewrite the file from the server.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class OpenApiSnapshotTest {
    static final Path SNAPSHOT = Path.of("docs", "openapi", "poka-api-v1.yaml");
    static final String REFRESH = "./tools/api-lint/refresh-openapi.sh (or ./mvnw test -Dtest=OpenApiSnapshotTest "
            + "-Dpoka.openapi.refresh=true), then review and commit " + SNAPSHOT;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theCommittedDocumentIsTheOneTheServerServes() throws Exception {
        String served = Api.asAdmin().accept("application/yaml").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("poka.openapi.refresh")) {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.writeString(SNAPSHOT, served.endsWith("\n") ? served : served + "\n", StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(SNAPSHOT), SNAPSHOT + " is missing; create it with " + REFRESH);
        List<String> differences = new ArrayList<>();
        differ("", YAML.readTree(SNAPSHOT.toFile()), YAML.readTree(served), differences);
        assertTrue(differences.isEmpty(), "The server's OpenAPI document differs from " + SNAPSHOT + " at "
                + differences.size() + " places, first: " + differences.subList(0, Math.min(20, differences.size()))
                + ". If the change is meant, refresh the snapshot: " + REFRESH);
    }

    /** JSON pointers where the committed and the served document differ (key order does not matter). */
    static void differ(String at, JsonNode committed, JsonNode served, List<String> out) {
        if (committed.isObject() && served.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            committed.fieldNames().forEachRemaining(names::add);
            served.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!committed.has(name)) {
                    out.add(child + " (only served)");
                } else if (!served.has(name)) {
                    out.add(child + " (only committed)");
                } else {
                    differ(child, committed.get(name), served.get(name), out);
                }
            }
        } else if (committed.isArray() && served.isArray() && committed.size() == served.size()) {
            Iterator<JsonNode> c = committed.elements();
            Iterator<JsonNode> s = served.elements();
            for (int i = 0; c.hasNext(); i++) {
                differ(at + "/" + i, c.next(), s.next(), out);
            }
        } else if (!committed.equals(served)) {
            out.add(at + " (committed " + abbreviate(committed) + ", served " + abbreviate(served) + ")");
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
