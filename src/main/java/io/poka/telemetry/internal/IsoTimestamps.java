package io.poka.telemetry.internal;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 timestamps with an offset, as {@link OffsetDateTime#parse} reads them, with a direct route for the form
 * senders actually use ({@code 2026-11-29T08:00:00.123Z}, {@code ...+01:00}): digits read in place instead of the
 * general formatter's field maps. Any other text goes to {@link OffsetDateTime#parse}, which decides.
 */
final class IsoTimestamps {
    private IsoTimestamps() {
    }

    static OffsetDateTime parse(String s) {
        OffsetDateTime fast = common(s);
        return fast != null ? fast : OffsetDateTime.parse(s);
    }

    /** yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|+HH:MM|-HH:MM), or null for anything else (including invalid dates). */
    private static OffsetDateTime common(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nano = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && Character.isDigit(s.charAt(i))) {
                i++;
            }
            int count = i - start;
            if (count == 0 || (i < n && Character.isDigit(s.charAt(i)))) {
                return null;
            }
            nano = digits(s, start, count);
            for (int k = count; k < 9; k++) {
                nano *= 10;
            }
        }
        ZoneOffset offset;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int h = digits(s, i + 1, 2);
            int m = digits(s, i + 4, 2);
            if ((h | m) < 0) {
                return null;
            }
            int sign = s.charAt(i) == '-' ? -1 : 1;
            try {
                offset = ZoneOffset.ofHoursMinutes(sign * h, sign * m);
            } catch (DateTimeException e) {
                return null;
            }
        } else {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
        } catch (DateTimeException e) {
            return null; // e.g. 2026-02-30: the general parser words the rejection
        }
    }

    /** The non-negative number of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
