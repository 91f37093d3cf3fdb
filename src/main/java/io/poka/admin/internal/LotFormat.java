package io.poka.admin.internal;

import io.poka.lots.LotStatus;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the lot pages print statuses and times ({@code {lotfmt:badge(s)}}, {@code {lotfmt:label(s)}},
 * {@code {lotfmt:utc(t)}}): a status always as a word with a symbol-carrying badge class, never colour alone, and
 * times in UTC with the zone named.
 */
@TemplateExtension(namespace = "lotfmt")
public final class LotFormat {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private LotFormat() {
    }

    /** The badge classes of poka.css (and lots.css for holds) that give a status its symbol. */
    static String badge(LotStatus status) {
        if (status == null) {
            return "info";
        }
        return switch (status) {
            case RELEASED -> "good";
            case ON_HOLD -> "bad held";
            case QUARANTINED -> "bad quarantined";
            case REJECTED, SCRAPPED -> "bad";
            case AWAITING_INSPECTION -> "warn";
            default -> "info";
        };
    }

    /** ON_HOLD as "On hold", READY_FOR_RELEASE as "Ready for release". */
    static String label(LotStatus status) {
        if (status == null) {
            return "—";
        }
        String words = status.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** An upper-case code as lower-case words: CONSUMED_INTO as "consumed into". */
    static String words(String code) {
        return code == null ? "" : code.replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    /** An inspection plan kind as QA names it. */
    static String planKind(String kind) {
        return switch (kind == null ? "" : kind) {
            case "ISO_2859_1" -> "ISO 2859-1 single sampling";
            case "FIXED" -> "fixed sample size";
            case "FULL" -> "100 % inspection";
            default -> words(kind);
        };
    }

    static String utc(Instant time) {
        return time == null ? "—" : UTC.format(time);
    }
}
