package io.poka.platform.internal.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** Visits every schema of the document (components, bodies, parameters, headers), nested ones included. */
final class SchemaWalk {
    private SchemaWalk() {
    }

    static List<Operation> operations(OpenAPI openApi) {
        List<Operation> operations = new ArrayList<>();
        if (openApi.getPaths() != null && openApi.getPaths().getPathItems() != null) {
            openApi.getPaths().getPathItems().values()
                    .forEach(item -> item.getOperations().values().forEach(operations::add));
        }
        return operations;
    }

    static void all(OpenAPI openApi, Consumer<Schema> visitor) {
        if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
            openApi.getComponents().getSchemas().values().forEach(s -> nested(s, visitor));
        }
        for (Operation operation : operations(openApi)) {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(p -> nested(p.getSchema(), visitor));
            }
            if (operation.getRequestBody() != null) {
                content(operation.getRequestBody().getContent(), visitor);
            }
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values().forEach(r -> {
                    content(r.getContent(), visitor);
                    if (r.getHeaders() != null) {
                        r.getHeaders().values().forEach(h -> nested(h.getSchema(), visitor));
                    }
                });
            }
        }
    }

    private static void content(Content content, Consumer<Schema> visitor) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> nested(m.getSchema(), visitor));
        }
    }

    static void nested(Schema schema, Consumer<Schema> visitor) {
        if (schema == null) {
            return;
        }
        visitor.accept(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(s -> nested(s, visitor));
        }
        nested(schema.getItems(), visitor);
        nested(schema.getAdditionalPropertiesSchema(), visitor);
        for (List<Schema> list : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (list != null) {
                list.forEach(s -> nested(s, visitor));
            }
        }
    }
}
