package io.poka.alerts;

import java.util.List;

/** One page of incidents; {@code page} counts from 0, {@code total} is the number matching the whole query. */
public record IncidentPage(List<IncidentView> items, int page, int size, long total) {
}
