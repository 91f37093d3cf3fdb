package io.poka.platform.internal.openapi;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The schemas every module's operations refer to: the RFC 9457 problem document as Poka sends it
 * (io.poka.platform.internal.errors.ProblemBody and RequestGate) and a named "any JSON value" for free-form data.
 */
final class SharedComponents {
    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "ProblemFieldError";
    static final String ANY_JSON = "AnyJsonValue";

    private SharedComponents() {
    }

    static String ref(String name) {
        return "#/components/schemas/" + name;
    }

    static void add(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(OASFactory.createComponents());
        }
        Components components = openApi.getComponents();
        components.addSchema(FIELD_ERROR, OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("One rejected field of the request and why")
                .addProperty("field", string("Path of the field in the body (a.b[2].c), a parameter name, or 'body'"))
                .addProperty("message", string("What the value must be"))
                .required(List.of("field", "message")));
        components.addSchema(PROBLEM, problem());
        components.addSchema(ANY_JSON, OASFactory.createSchema()
                .description("Any JSON value (object, array, string, number, boolean or null), as stored"));
    }

    private static Schema problem() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("RFC 9457 problem details. 'type' is stable (urn:poka:problem:<slug>) and is what a client"
                        + " branches on; other members are extensions named in the operation's description or example.")
                .addProperty("type", string("Stable problem type, e.g. urn:poka:problem:validation").format("uri"))
                .addProperty("title", string("Short summary of the problem type"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32").minimum(
                        java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599))
                        .description("The HTTP status code"))
                .addProperty("detail", string("What went wrong with this request"))
                .addProperty("instance", string("The request path"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref(ref(FIELD_ERROR)))
                        .description("Validation problems: one entry per rejected field"))
                .addProperty("differingFields", strings("Lots: the fields whose content differs from the existing lot"))
                .addProperty("existingLotId", string("Lots: the lot that already exists").format("uuid"))
                .addProperty("from", string("Illegal transition: the current status"))
                .addProperty("to", string("Illegal transition: the requested status"))
                .addProperty("allowed", strings("Illegal transition: the statuses allowed from the current one"))
                .addProperty("currentVersion", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int64")
                        .description("Stale version: the record's current version (its ETag)"))
                .addProperty("entity", string("Not found: the kind of record"))
                .addProperty("id", string("Not found: the identifier asked for"))
                .addProperty("reason", string("Why the request was refused, as a stable code or text"))
                .addProperty("sqlState", string("A value the database refused: its SQLSTATE"))
                .required(List.of("type", "title", "status"))
                .additionalPropertiesBoolean(Boolean.TRUE);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }

    private static Schema strings(String description) {
        return OASFactory.createSchema().addType(SchemaType.ARRAY)
                .items(OASFactory.createSchema().addType(SchemaType.STRING)).description(description);
    }
}
