package io.poka.admin.internal;

import io.poka.capa.CapaStatus;
import io.quarkus.qute.TemplateExtension;
import java.util.Locale;

/** How the CAPA pages print a status ({@code {capafmt:badge(s)}}, {@code {capafmt:label(s)}}): a word and a symbol-carrying badge. */
@TemplateExtension(namespace = "capafmt")
public final class CapaFormat {
    private CapaFormat() {
    }

    static String badge(CapaStatus status) {
        if (status == null) {
            return "info";
        }
        return switch (status) {
            case CLOSED -> "good";
            case REOPENED -> "bad";
            case EFFECTIVENESS_PENDING -> "warn";
            default -> "info";
        };
    }

    static String label(CapaStatus status) {
        if (status == null) {
            return "—";
        }
        String words = status.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** PASSED, FAILED, NOT_YET as badge classes. */
    static String resultBadge(String result) {
        return switch (result == null ? "" : result) {
            case "PASSED" -> "good";
            case "FAILED" -> "bad";
            default -> "warn";
        };
    }
}
