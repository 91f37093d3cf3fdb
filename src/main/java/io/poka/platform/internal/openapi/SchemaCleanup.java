package io.poka.platform.internal.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Removes what would break or mislead a generated client: schemas named after Java classes (JsonNode, UUID, Instant),
 * whose generated classes clash with the JDK's or Jackson's, and properties that the server sends as null but that
 * were declared non-nullable (Jackson writes nulls; OpenAPI 3.1 says so with type [X, "null"]).
 */
final class SchemaCleanup {
    /** Schemas that describe Jackson's tree model instead of the data: the data there is any JSON value. */
    private static final Set<String> JACKSON_TREE = Set.of("JsonNode", "ObjectNode", "ArrayNode", "JsonNodeType");
    private static final Set<SchemaType> SCALARS = Set.of(SchemaType.STRING, SchemaType.INTEGER, SchemaType.NUMBER,
            SchemaType.BOOLEAN);

    private SchemaCleanup() {
    }

    static void apply(OpenAPI openApi) {
        var components = openApi.getComponents();
        Map<String, Schema> inlined = new HashMap<>();
        for (var entry : new ArrayList<>(components.getSchemas().entrySet())) {
            Schema s = entry.getValue();
            if (JACKSON_TREE.contains(entry.getKey())) {
                components.removeSchema(entry.getKey());
            } else if (isScalarAlias(s)) {
                // UUID, Instant, OffsetDateTime, LocalDate...: a named alias of a string format.
                inlined.put(SharedComponents.ref(entry.getKey()), s);
                components.removeSchema(entry.getKey());
            }
        }
        SchemaWalk.all(openApi, s -> replaceRefs(s, inlined));
        SchemaWalk.all(openApi, SchemaCleanup::nullableWhenOptional);
    }

    private static boolean isScalarAlias(Schema s) {
        return s.getRef() == null && s.getType() != null && s.getType().size() == 1
                && SCALARS.contains(s.getType().get(0)) && s.getEnumeration() == null && s.getProperties() == null;
    }

    private static void replaceRefs(Schema schema, Map<String, Schema> inlined) {
        String ref = schema.getRef();
        if (ref == null) {
            return;
        }
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        if (JACKSON_TREE.contains(name)) {
            schema.setRef(SharedComponents.ref(SharedComponents.ANY_JSON));
        } else if (inlined.containsKey(ref)) {
            Schema alias = inlined.get(ref);
            schema.setRef(null);
            schema.setType(new ArrayList<>(alias.getType()));
            if (schema.getFormat() == null) {
                schema.setFormat(alias.getFormat());
            }
            if (schema.getPattern() == null) {
                schema.setPattern(alias.getPattern());
            }
        }
    }

    /** Every property not listed as required may be null in what the server sends and accepts. */
    private static void nullableWhenOptional(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
        for (var entry : properties.entrySet()) {
            if (required.contains(entry.getKey())) {
                continue;
            }
            Schema p = entry.getValue();
            if (p.getRef() != null) {
                if (!p.getRef().endsWith("/" + SharedComponents.ANY_JSON)) {
                    Schema ref = OASFactory.createSchema().ref(p.getRef());
                    p.setRef(null);
                    p.setType(null);
                    p.setAnyOf(List.of(ref, OASFactory.createSchema().addType(SchemaType.NULL)));
                }
            } else if (p.getType() != null && !p.getType().isEmpty() && !p.getType().contains(SchemaType.NULL)) {
                p.addType(SchemaType.NULL);
                if (p.getEnumeration() != null && !p.getEnumeration().contains(null)) {
                    List<Object> values = new ArrayList<>(p.getEnumeration());
                    values.add(null);
                    p.setEnumeration(values);
                }
            }
        }
    }
}
