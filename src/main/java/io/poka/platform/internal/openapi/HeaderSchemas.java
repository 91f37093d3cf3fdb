package io.poka.platform.internal.openapi;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/** Gives the HTTP headers Poka reads and writes (If-Match, Idempotency-Key, ETag, Location) a schema and a meaning. */
final class HeaderSchemas {
    private static final Map<String, String> MEANINGS = Map.of(
            "if-match", "The ETag of the version read (e.g. \"3\"); the change applies only to that version",
            "idempotency-key", "Client-chosen key that makes retries safe: the first answer is replayed for the same body",
            "etag", "The record's version; send it back in If-Match to change the record",
            "location", "The address of the created resource",
            "idempotent-replayed", "true when the answer is the replay of an earlier request with the same Idempotency-Key");

    private HeaderSchemas() {
    }

    static void apply(OpenAPI openApi) {
        for (Operation operation : SchemaWalk.operations(openApi)) {
            if (operation.getParameters() != null) {
                operation.getParameters().stream().filter(p -> p.getIn() == Parameter.In.HEADER).forEach(p -> {
                    if (p.getSchema() == null) {
                        p.setSchema(schemaOf(p.getName()));
                    }
                    if (p.getDescription() == null) {
                        p.setDescription(MEANINGS.get(p.getName().toLowerCase()));
                    }
                });
            }
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values().stream().filter(r -> r.getHeaders() != null)
                        .forEach(r -> r.getHeaders().forEach(HeaderSchemas::describe));
            }
        }
    }

    private static void describe(String name, Header header) {
        if (header.getSchema() == null) {
            header.setSchema(schemaOf(name));
        }
        if (header.getDescription() == null) {
            header.setDescription(MEANINGS.get(name.toLowerCase()));
        }
    }

    private static Schema schemaOf(String name) {
        Schema schema = OASFactory.createSchema().addType(SchemaType.STRING);
        return switch (name.toLowerCase()) {
            case "location" -> schema.format("uri-reference");
            case "etag" -> schema.examples(java.util.List.of("\"3\""));
            case "idempotency-key" -> schema.minLength(1).maxLength(200);
            default -> schema;
        };
    }
}
