package io.poka.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A module's jsonb columns as text, written and read with the application's ObjectMapper; an unreadable stored value
 * is a defect, not bad input, so it fails with IllegalStateException.
 */
public class JsonColumns {
    private final ObjectMapper json;

    public JsonColumns(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serialisable as JSON: " + e.getMessage(), e);
        }
    }

    /** The value, or null for null text. */
    public <T> T read(String text, Class<T> type) {
        try {
            return text == null ? null : json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON unreadable as " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** The value, or null for null text. */
    public <T> T read(String text, TypeReference<T> type) {
        try {
            return text == null ? null : json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON unreadable: " + e.getMessage(), e);
        }
    }
}
