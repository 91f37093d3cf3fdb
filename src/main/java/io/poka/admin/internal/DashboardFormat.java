package io.poka.admin.internal;

import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formatting for the dashboard's tiles: two-decimal indices, percentages, UTC times, and the badge of each state. */
@TemplateExtension(namespace = "dash")
final class DashboardFormat {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private DashboardFormat() {
    }

    static String num(Double value) {
        return value == null || value.isNaN() ? "—" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String percent(Double value) {
        return value == null || value.isNaN() ? "—" : String.format(Locale.ROOT, "%.1f %%", 100 * value);
    }

    static String utc(Instant time) {
        return time == null ? "—" : UTC.format(time);
    }

    /** CSS badge class of a Cpk band (the badge adds a symbol; the word is printed too). */
    static String band(String band) {
        return switch (band) {
            case "GOOD" -> "good";
            case "WARN" -> "warn";
            case "BAD" -> "bad";
            default -> "info";
        };
    }

    static String bandWords(String band) {
        return switch (band) {
            case "GOOD" -> "Capable (Cpk ≥ 1.33)";
            case "WARN" -> "Marginal (1.00 ≤ Cpk < 1.33)";
            case "BAD" -> "Not capable (Cpk < 1.00)";
            default -> "Not enough data";
        };
    }

    static String health(String status) {
        return switch (status) {
            case "WITHIN_TARGET" -> "good";
            case "ABOVE_TARGET" -> "bad";
            default -> "info";
        };
    }

    static String healthWords(String status) {
        return switch (status) {
            case "WITHIN_TARGET" -> "Anomaly rate within target";
            case "ABOVE_TARGET" -> "Anomaly rate above target";
            default -> "No recent scores";
        };
    }

    static String severity(String severity) {
        return severity == null ? "low" : severity.toLowerCase(Locale.ROOT);
    }
}
