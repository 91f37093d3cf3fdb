package io.poka.alerts;

import java.util.List;

/** One page of alerts; {@code page} counts from 0, {@code total} is the number matching the whole query. */
public record AlertPage(List<AlertView> items, int page, int size, long total) {
}
