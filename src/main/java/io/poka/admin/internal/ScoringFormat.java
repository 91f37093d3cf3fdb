package io.poka.admin.internal;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Number, hash and time formatting for the models and anomaly pages ({@code {sc:num(x, 3)}}), in its own namespace so
 * it cannot clash with other pages' template extensions. Times are UTC and say so.
 */
@TemplateExtension(namespace = "sc")
public final class ScoringFormat {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ScoringFormat() {
    }

    /** A number with {@code digits} decimals, or an en dash when there is none. */
    static String num(Object value, int digits) {
        if (!(value instanceof Number n) || Double.isNaN(n.doubleValue())) {
            return value == null ? "–" : String.valueOf(value);
        }
        if (value instanceof Integer || value instanceof Long) {
            return String.valueOf(value);
        }
        return String.format(Locale.ROOT, "%." + digits + "f", n.doubleValue());
    }

    /** A share as a percentage with one decimal. */
    static String pct(Object value) {
        return value instanceof Number n ? String.format(Locale.ROOT, "%.1f %%", 100 * n.doubleValue()) : "–";
    }

    /** The first 12 characters of a hash (the full one goes in a title attribute). */
    static String shortHash(String hash) {
        return hash == null ? "–" : hash.substring(0, Math.min(12, hash.length()));
    }

    static String time(Instant at) {
        return at == null ? "–" : UTC.format(at);
    }

    /** The value for an HTML datetime-local input, in UTC, to the minute. */
    static String inputTime(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC).format(at);
    }
}
