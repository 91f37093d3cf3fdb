package io.poka.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates requests from the application's own OpenAPI document: for an operation, a plausible request built from
 * the schemas and examples, with one part (a path or query parameter, a body field, the body as a whole, the content
 * type or a size) replaced by a malformed or hostile value. Deterministic for a given seed.
 */
final class HostileRequests {
    /** The kinds of hostility, one per generated request. */
    enum Kind {
        NUL, CONTROL_CHARS, HUGE_NUMBER, LONG_STRING, WRONG_TYPE, UNKNOWN_FIELD, WRONG_ENUM, BAD_DATE, BAD_UUID,
        DEEP_NESTING, MALFORMED_JSON, BAD_CONTENT_TYPE, EMPTY_BODY, BAD_PERCENT_ENCODING, OVERSIZED_BODY,
        OVERSIZED_URI, OVERSIZED_HEADERS, PLAIN
    }

    record Param(String name, String in, JsonNode schema, boolean required) {
    }

    record Operation(String method, String path, List<Param> params, String contentType, JsonNode bodySchema) {
        String label() {
            return method + " " + path;
        }
    }

    /** One request as bytes on the wire. */
    record Request(Operation operation, Kind kind, String target, String contentType, byte[] body, Long declaredLength,
            String extraHeader) {
    }

    private static final String RAW = "\u0001RAW\u0001";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] CONTROL = {"a\u0001\u0002b", "\u001b[31mred", "del\u007f", "\u202eevil", "\ud83d\ude00",
        "line\r\nInjected: header", "tab\tx", "lone\ud800surrogate", "\uffff\ufffe"};
    private static final String[] HUGE = {"1e13", "10000000000000", "1e400", "-1e400", "1e-400",
        "99999999999999999999999999999", "0.0000004", "-1", "2147483648", "9223372036854775808", "-0", "1E+2147483647"};
    private static final String[] DATES = {"2026-13-45T25:61:61Z", "yesterday", "2026-11-28", "1e400",
        "+999999999-12-31T23:59:59Z", "0000-00-00T00:00:00Z", "2026-11-28T06:00:00+99:00", ""};
    private static final String[] UUIDS = {"not-a-uuid", "00000000-0000-0000-0000-00000000000g", "",
        "0d6c1f0e-8a0e-4c43-9d5e-6d1f8b0c2a11-extra", "1-1-1-1-1", "../../etc/passwd"};
    private static final String[] TYPES = {"{}", "[]", "true", "\"text\"", "12", "null", "[1,2,3]", "{\"a\":1}"};
    private static final String[] CONTENT_TYPES = {"text/plain", "application/xml", "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded", "application/json; charset=ebcdic", "image/png", "*/*", "application/json;;"};

    private final ObjectMapper json = new ObjectMapper();
    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();
    private final Random random;
    private final List<String> knownIds;
    private final String password;

    /**
     * @param knownIds ids of existing records, used for UUID path parameters half of the time to get past 404
     * @param password the fuzzing users' password, sent where a body asks for the signer's password
     */
    HostileRequests(JsonNode openApi, long seed, List<String> knownIds, String password) {
        this.document = openApi;
        this.password = password;
        this.knownIds = knownIds;
        this.random = new Random(seed);
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!List.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                    continue;
                }
                List<Param> params = new ArrayList<>();
                for (JsonNode p : concat(path.getValue().path("parameters"), op.getValue().path("parameters"))) {
                    JsonNode param = resolve(p);
                    params.add(new Param(param.path("name").asText(), param.path("in").asText(),
                            resolve(param.path("schema")), param.path("required").asBoolean()));
                }
                String contentType = null;
                JsonNode bodySchema = null;
                JsonNode content = resolve(op.getValue().path("requestBody")).path("content");
                for (Iterator<String> types = content.fieldNames(); types.hasNext(); ) {
                    String type = types.next();
                    if (contentType == null || type.contains("json")) {
                        contentType = type;
                        bodySchema = resolve(content.path(type).path("schema"));
                    }
                }
                operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), params, contentType, bodySchema));
            }
        }
    }

    List<Operation> operations() {
        return operations;
    }

    /** The i-th request: operations in turn, a hostility drawn from the seed. */
    Request next(int i) {
        Operation op = operations.get(i % operations.size());
        Kind[] kinds = Kind.values();
        Kind kind = kinds[random.nextInt(kinds.length)];
        return build(op, kind);
    }

    private Request build(Operation op, Kind kind) {
        List<Param> pathParams = op.params().stream().filter(p -> p.in().equals("path")).toList();
        List<Param> queryParams = op.params().stream().filter(p -> p.in().equals("query")).toList();
        boolean hasBody = op.contentType() != null;
        // Where the hostile value goes: a path parameter, a query parameter or the body.
        int slots = pathParams.size() + queryParams.size() + (hasBody ? 3 : 0);
        int slot = slots == 0 ? -1 : random.nextInt(slots);
        String target = op.path();
        for (int p = 0; p < pathParams.size(); p++) {
            Param param = pathParams.get(p);
            String value = p == slot ? hostileText(kind, param.schema()) : encode(pathValue(param.schema()));
            target = target.replace("{" + param.name() + "}", value);
        }
        StringBuilder query = new StringBuilder();
        for (int q = 0; q < queryParams.size(); q++) {
            Param param = queryParams.get(q);
            boolean hostile = pathParams.size() + q == slot;
            if (!hostile && !param.required() && random.nextBoolean()) {
                continue;
            }
            String value = hostile ? hostileText(kind, param.schema()) : encode(plainText(param.schema(), param.name()));
            query.append(query.isEmpty() ? "?" : "&").append(encode(param.name())).append('=').append(value);
        }
        if (kind == Kind.OVERSIZED_URI) {
            query.append(query.isEmpty() ? "?" : "&").append("pad=").append("u".repeat(9000 + random.nextInt(60_000)));
        }
        target = target + query;
        String extraHeader = kind == Kind.OVERSIZED_HEADERS ? "X-Pad: " + "h".repeat(17_000 + random.nextInt(60_000))
                : null;
        if (!hasBody) {
            return new Request(op, kind, target, null, null, null, extraHeader);
        }
        boolean bodyHostile = slot >= pathParams.size() + queryParams.size();
        String contentType = op.contentType();
        byte[] body = body(op, bodyHostile ? kind : Kind.PLAIN);
        Long declared = null;
        if (kind == Kind.BAD_CONTENT_TYPE) {
            contentType = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
        } else if (kind == Kind.OVERSIZED_BODY) {
            declared = 17L * 1024 * 1024 + random.nextInt(1_000_000);
        } else if (kind == Kind.EMPTY_BODY) {
            body = new byte[0];
        }
        return new Request(op, kind, target, contentType, body, declared, extraHeader);
    }

    private byte[] body(Operation op, Kind kind) {
        if (op.contentType().contains("csv") || op.contentType().startsWith("text/")) {
            return csv(kind).getBytes(StandardCharsets.UTF_8);
        }
        if (kind == Kind.DEEP_NESTING) {
            int depth = 100 + random.nextInt(20_000);
            return (random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                    : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.UTF_8);
        }
        if (kind == Kind.MALFORMED_JSON) {
            return switch (random.nextInt(4)) {
                case 0 -> "{\"a\":".getBytes(StandardCharsets.UTF_8);
                case 1 -> "{} trailing".getBytes(StandardCharsets.UTF_8);
                case 2 -> new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
                default -> "{'single': 'quotes'}".getBytes(StandardCharsets.UTF_8);
            };
        }
        JsonNode plain = plain(op.bodySchema(), 0);
        String raw = null;
        JsonNode root = plain;
        List<Object[]> leaves = new ArrayList<>();
        collect(root, leaves);
        if (kind == Kind.UNKNOWN_FIELD) {
            ObjectNode into = root instanceof ObjectNode o ? o : null;
            for (Object[] leaf : leaves) {
                if (leaf[0] instanceof ObjectNode o && random.nextBoolean()) {
                    into = o;
                }
            }
            if (into != null) {
                into.put("fuzzUnknownField", "x");
            } else {
                root = NODES.objectNode().put("fuzzUnknownField", "x");
            }
        } else if (kind != Kind.PLAIN && kind != Kind.OVERSIZED_BODY && kind != Kind.BAD_CONTENT_TYPE
                && kind != Kind.EMPTY_BODY && kind != Kind.OVERSIZED_URI && kind != Kind.OVERSIZED_HEADERS) {
            JsonNode value = switch (kind) {
                case HUGE_NUMBER, WRONG_TYPE -> NODES.textNode(RAW);
                default -> NODES.textNode(hostileRaw(kind, null));
            };
            raw = kind == Kind.HUGE_NUMBER ? HUGE[random.nextInt(HUGE.length)] : TYPES[random.nextInt(TYPES.length)];
            if (leaves.isEmpty()) {
                root = value;
            } else {
                Object[] leaf = leaves.get(random.nextInt(leaves.size()));
                if (leaf[0] instanceof ObjectNode o) {
                    o.set((String) leaf[1], value);
                } else {
                    ((ArrayNode) leaf[0]).set((Integer) leaf[1], value);
                }
            }
        }
        String text;
        try {
            text = json.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (raw != null) {
            text = text.replace(json.valueToTree(RAW).toString(), raw);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String csv(Kind kind) {
        String value = switch (kind) {
            case PLAIN, BAD_CONTENT_TYPE, OVERSIZED_BODY, OVERSIZED_URI, OVERSIZED_HEADERS -> "1.5";
            case HUGE_NUMBER -> HUGE[random.nextInt(HUGE.length)];
            case EMPTY_BODY -> "";
            default -> hostileRaw(kind, null).replace(",", ";");
        };
        return "timestamp,line,variable,value,x1,x2\n2026-11-28T06:00:00Z,fuzz,v1," + value + ",1,2\n"
                + "2026-11-28T06:00:01Z,fuzz,v1,2.5," + value + ",3\n";
    }

    private static void collect(JsonNode node, List<Object[]> leaves) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> f = o.fields(); f.hasNext(); ) {
                Map.Entry<String, JsonNode> e = f.next();
                leaves.add(new Object[] {o, e.getKey()});
                collect(e.getValue(), leaves);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                leaves.add(new Object[] {a, i});
                collect(a.get(i), leaves);
            }
        }
    }

    /** A hostile value of a parameter, already as it goes into the URI. */
    private String hostileText(Kind kind, JsonNode schema) {
        return switch (kind) {
            case BAD_PERCENT_ENCODING -> new String[] {"%zz", "%", "%c3%28", "a%2", "%ff%fe"}[random.nextInt(5)];
            case HUGE_NUMBER -> encode(HUGE[random.nextInt(HUGE.length)]);
            case WRONG_TYPE -> encode(new String[] {"abc", "true", "{}", "1.5", "[1]", "null"}[random.nextInt(6)]);
            default -> encode(hostileRaw(kind, schema));
        };
    }

    private String hostileRaw(Kind kind, JsonNode schema) {
        return switch (kind) {
            case NUL -> "a\u0000b";
            case CONTROL_CHARS -> CONTROL[random.nextInt(CONTROL.length)];
            case LONG_STRING -> "x".repeat(new int[] {201, 2001, 4001, 7000, 100_000}[random.nextInt(5)]);
            case WRONG_ENUM -> new String[] {"BOGUS", "strict", "approval", "0", ""}[random.nextInt(5)];
            case BAD_DATE -> DATES[random.nextInt(DATES.length)];
            case BAD_UUID -> UUIDS[random.nextInt(UUIDS.length)];
            default -> schema == null ? "fuzz" : plainText(schema, "fuzz");
        };
    }

    private String pathValue(JsonNode schema) {
        boolean uuid = "uuid".equals(resolve(schema).path("format").asText());
        return uuid && !knownIds.isEmpty() && random.nextBoolean() ? knownIds.get(random.nextInt(knownIds.size()))
                : plainText(schema, "id");
    }

    private String plainText(JsonNode schema, String name) {
        JsonNode value = plain(schema, 0);
        return value.isTextual() ? value.asText() : value.toString();
    }

    /** A plausible value of a schema: its example, else the first enum value, else one by type and format. */
    private JsonNode plain(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (schema.has("example")) {
            return schema.get("example").deepCopy();
        }
        if (schema.has("allOf")) {
            return plain(schema.get("allOf").get(0), depth);
        }
        if (schema.has("anyOf") && !schema.get("anyOf").isEmpty()) {
            return plain(schema.get("anyOf").get(0), depth); // [X, {type: null}] for nullable references
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0).deepCopy();
        }
        JsonNode types = schema.path("type");
        // OpenAPI 3.1 nullable: type [X, "null"]; a plausible value is an X.
        String type = types.isArray() && !types.isEmpty() ? types.get(0).asText()
                : types.asText(schema.has("properties") ? "object" : "string");
        String format = schema.path("format").asText("");
        switch (type) {
            case "integer":
                return NODES.numberNode(1 + random.nextInt(100));
            case "number":
                return NODES.numberNode(1.5);
            case "boolean":
                return NODES.booleanNode(true);
            case "array":
                ArrayNode array = NODES.arrayNode();
                if (depth < 4) {
                    array.add(plain(schema.path("items"), depth + 1));
                }
                return array;
            case "object":
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    for (Iterator<Map.Entry<String, JsonNode>> p = schema.path("properties").fields(); p.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = p.next();
                        if (e.getKey().equals("password") || e.getKey().equals("currentPassword")) {
                            object.put(e.getKey(), password); // the signer's own: signatures get past 403
                        } else if (!e.getValue().path("readOnly").asBoolean()) {
                            object.set(e.getKey(), plain(e.getValue(), depth + 1));
                        }
                    }
                }
                return object;
            default:
                return switch (format) {
                    case "uuid" -> NODES.textNode(UUID.nameUUIDFromBytes(new byte[] {(byte) random.nextInt(4)}).toString());
                    case "date-time" -> NODES.textNode("2026-11-28T06:00:00Z");
                    case "date" -> NODES.textNode("2026-11-28");
                    default -> NODES.textNode("fuzz-" + random.nextInt(1000));
                };
        }
    }

    private JsonNode resolve(JsonNode node) {
        for (int hops = 0; node != null && node.has("$ref") && hops < 10; hops++) {
            String ref = node.get("$ref").asText();
            node = document.at(ref.substring(1));
        }
        return node == null ? NODES.objectNode() : node;
    }

    private static List<JsonNode> concat(JsonNode a, JsonNode b) {
        List<JsonNode> all = new ArrayList<>();
        a.forEach(all::add);
        b.forEach(all::add);
        return all;
    }

    /** Percent-encodes every byte outside the unreserved set (RFC 3986), NUL included. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
