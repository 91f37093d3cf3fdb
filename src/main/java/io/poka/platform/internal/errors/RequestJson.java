package io.poka.platform.internal.errors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;

/**
 * The strict JSON reading of request bodies: unknown fields, enum ordinals, fractions for integers, NUL characters
 * and over-long strings are refused with a problem naming the field, instead of being ignored, truncated or passed
 * on to PostgreSQL (which refuses NUL in text). Only the REST layer uses it; stored JSON is read leniently.
 */
@Provider
public class RequestJson implements ContextResolver<ObjectMapper> {
    /** Longest JSON string of any request field (free text such as reasons and comments); see docs/api-limits.md. */
    public static final int MAX_STRING_LENGTH = 4000;
    /** Deepest nesting of objects and arrays in a request body. */
    public static final int MAX_NESTING_DEPTH = 64;

    private final ObjectMapper strict;

    @Inject
    public RequestJson(ObjectMapper shared) {
        strict = shared.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .registerModule(new SimpleModule("poka-request-strings").addDeserializer(String.class, new CheckedString()));
        strict.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH).maxNumberLength(100).build());
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }

    /** Reads a JSON string as usual, then refuses NUL characters and strings over {@link #MAX_STRING_LENGTH}. */
    static final class CheckedString extends StdScalarDeserializer<String> {
        CheckedString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (value == null) {
                return null;
            }
            if (value.indexOf('\0') >= 0) {
                throw InvalidFormatException.from(p, "must not contain the NUL character (U+0000)", "", String.class);
            }
            if (value.length() > MAX_STRING_LENGTH) {
                throw InvalidFormatException.from(p, "is longer than " + MAX_STRING_LENGTH + " characters", "",
                        String.class);
            }
            return value;
        }
    }
}
