package io.poka.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.poka.platform.ValidationProblem.FieldError;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Says what is wrong with a request body in the client's terms (field path, expected type, allowed values): Jackson's
 * own messages name Java classes, which mean nothing to a client and leak the implementation. Every module that
 * reads JSON itself (a JsonNode body) describes its errors with it.
 */
public final class JsonProblems {
    private static final Pattern CLASS_NAME = Pattern.compile("`?\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][\\w$]*`?");
    private static final Pattern LOCATION = Pattern.compile("\\s*(?:at \\[Source.*|\\(through reference chain.*)$",
            Pattern.DOTALL);

    private JsonProblems() {
    }

    /** The offending field ("body" when the body as a whole is wrong) and what it must be. */
    public static FieldError describe(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? path(m) : "body";
        if (e instanceof UnrecognizedPropertyException u) {
            Collection<Object> known = u.getKnownPropertyIds() == null ? java.util.List.of() : u.getKnownPropertyIds();
            return new FieldError(field, "unknown field; allowed fields: "
                    + new TreeSet<>(known.stream().map(String::valueOf).toList()));
        }
        if (e instanceof PropertyBindingException) {
            return new FieldError(field, "is not accepted here");
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() == String.class) {
            return new FieldError(field, f.getOriginalMessage());
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return new FieldError(field, sanitize(v.getCause().getMessage()));
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return new FieldError(field, "must be " + expected(m.getTargetType()));
        }
        return new FieldError(field, sanitize(e.getOriginalMessage()));
    }

    public static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** A client's description of the values a Java type accepts. */
    public static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class
                || type == BigDecimal.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == UUID.class) {
            return "a UUID such as 0d6c1f0e-8a0e-4c43-9d5e-6d1f8b0c2a11";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "an ISO-8601 instant such as 2026-11-28T06:00:00Z";
        }
        if (type == LocalDate.class) {
            return "a date such as 2026-11-28";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "a JSON object" : "a value of another type";
    }

    /** A message without Java class names or parser locations. */
    public static String sanitize(String message) {
        if (message == null || message.isBlank()) {
            return "is not valid";
        }
        String text = LOCATION.matcher(message).replaceAll("");
        text = CLASS_NAME.matcher(text).replaceAll("value");
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
