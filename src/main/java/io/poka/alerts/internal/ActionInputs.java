package io.poka.alerts.internal;

import io.poka.platform.ValidationProblem;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Checks of what people send with an action on alerts or incidents, before anything is changed (400 otherwise). */
final class ActionInputs {
    /** Most ids one bulk action takes. */
    static final int MAX_IDS = 500;
    /** Longest cause, note or assignee accepted. */
    static final int MAX_TEXT = 4000;

    private ActionInputs() {
    }

    /** The ids of a bulk action: 1 to {@link #MAX_IDS}, none null. */
    static void ids(List<UUID> ids) {
        if (ids == null || ids.isEmpty() || ids.size() > MAX_IDS || ids.stream().anyMatch(Objects::isNull)) {
            throw new ValidationProblem("ids", "must list 1 to " + MAX_IDS + " ids");
        }
    }

    /** A required text: not blank, at most {@code max} characters. */
    static String text(String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new ValidationProblem(field, "is required (at most " + max + " characters)");
        }
        return value;
    }

    /** A required text of at most {@link #MAX_TEXT} characters. */
    static String text(String field, String value) {
        return text(field, value, MAX_TEXT);
    }
}
