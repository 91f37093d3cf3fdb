package io.poka.spc;

import java.time.Instant;
import java.util.List;

/**
 * Samples were stored on an attribute (p, np, c, u) chart. Fired synchronously in the posting transaction, once per
 * request (a single sample or a whole array), after the samples and any violations they caused are stored; a
 * rejected request fires nothing. Observe it {@code AFTER_SUCCESS} to act only on committed samples (the web UI wakes
 * the chart's open pages with it). {@code sampledAt} are the samples' times in the order posted.
 */
public record AttributeSamplesRecorded(String chart, List<Instant> sampledAt) {
}
