package io.poka.platform.internal.openapi;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Declares on everything a client can send (request bodies, $refs followed, and parameters) the limits the server
 * enforces for every request (docs/api-limits.md), where the resource did not declare a tighter one itself (@Size,
 * maxItems, maximum): a client then knows what is refused before it sends it.
 */
final class RequestLimits {
    /** Any JSON string of a request body: longer ones are refused with 400 (RequestJson, docs/api-limits.md). */
    static final int MAX_BODY_STRING = io.poka.platform.internal.errors.RequestJson.MAX_STRING_LENGTH;
    /** The request target (path and query) is refused beyond 8,192 characters (poka.platform.requests.max-uri-length). */
    static final int MAX_PARAMETER_STRING = 8_192;
    /** The body is refused beyond 16 MB (quarkus.http.limits.max-body-size=16M, 16 MiB), so is any text body. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    /**
     * The body is refused beyond 16 MB (quarkus.http.limits.max-body-size=16M): an array element takes at least one
     * character and a comma, so no accepted array has more than 16 MiB / 2 elements.
     */
    static final int MAX_ITEMS_IN_BODY = MAX_BODY_BYTES / 2;
    private static final BigDecimal INT32_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal INT64_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private RequestLimits() {
    }

    static void apply(OpenAPI openApi) {
        Map<Schema, Boolean> seen = new IdentityHashMap<>();
        Map<String, Schema> components = openApi.getComponents() == null || openApi.getComponents().getSchemas() == null
                ? Map.of() : openApi.getComponents().getSchemas();
        for (Operation operation : SchemaWalk.operations(openApi)) {
            if (operation.getRequestBody() != null) {
                Content content = operation.getRequestBody().getContent();
                if (content != null && content.getMediaTypes() != null) {
                    // A JSON body's strings are each bounded; a text body (CSV) is one string bounded by the body size.
                    content.getMediaTypes().forEach((type, m) -> limit(m.getSchema(),
                            type.contains("json") ? MAX_BODY_STRING : MAX_BODY_BYTES, components, seen));
                }
            }
            if (operation.getParameters() != null) {
                for (Parameter parameter : operation.getParameters()) {
                    // Header sizes are bounded as a whole (431), not per value; the lint checks path and query only.
                    if (parameter.getIn() != Parameter.In.HEADER) {
                        limit(parameter.getSchema(), MAX_PARAMETER_STRING, components, seen);
                    }
                }
            }
        }
    }

    private static void limit(Schema schema, int maxString, Map<String, Schema> components, Map<Schema, Boolean> seen) {
        if (schema == null || seen.put(schema, Boolean.TRUE) != null) {
            return;
        }
        if (schema.getRef() != null) {
            limit(components.get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1)), maxString, components,
                    seen);
        }
        List<SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        boolean closed = schema.getEnumeration() != null || schema.getConstValue() != null;
        if (types.contains(SchemaType.STRING) && !closed && schema.getFormat() == null && schema.getMaxLength() == null) {
            schema.setMaxLength(maxString);
        }
        if (types.contains(SchemaType.ARRAY) && schema.getMaxItems() == null) {
            schema.setMaxItems(MAX_ITEMS_IN_BODY);
        }
        if (types.contains(SchemaType.INTEGER) && !closed && schema.getMaximum() == null
                && schema.getExclusiveMaximum() == null) {
            schema.setMaximum("int32".equals(schema.getFormat()) ? INT32_MAX : INT64_MAX);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(s -> limit(s, maxString, components, seen));
        }
        limit(schema.getItems(), maxString, components, seen);
        limit(schema.getAdditionalPropertiesSchema(), maxString, components, seen);
        for (Schema s : Arrays.asList(schema.getNot(), schema.getIfSchema(), schema.getThenSchema(),
                schema.getElseSchema())) {
            limit(s, maxString, components, seen);
        }
        for (List<Schema> list : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf(),
                schema.getPrefixItems())) {
            if (list != null) {
                list.forEach(s -> limit(s, maxString, components, seen));
            }
        }
    }
}
