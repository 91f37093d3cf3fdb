package io.poka.admin.internal;

import io.poka.platform.ProblemException;
import io.poka.spc.ChartPointView;
import io.poka.spc.ChartView;
import io.poka.spc.RuleViolated;
import io.poka.spc.SpcApi;
import io.poka.telemetry.ReadingsStored;
import io.poka.telemetry.StoredReading;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Live chart updates for open chart pages. A committed {@link ReadingsStored} batch (observed after success, so
 * its points and violations are stored) wakes the viewers of the variables it touched; each viewer then asks
 * {@link SpcApi#chart} for the range after its last point, so the page gets exactly what the chart query would
 * show. Wake-ups that arrive while a query runs are folded into one; a slow fallback tick covers readings stored
 * by another instance of the application (each instance only sees its own ingestion events): {@link LiveViewers}.
 */
@ApplicationScoped
public class ChartFeed {
    /** How far past "now" a live query reaches: readings may be stamped a little ahead of the server clock. */
    static final Duration AHEAD = Duration.ofMinutes(10);

    /** What a page appends: new points per plotted statistic, new stored violations, the limits version used. */
    public record ChartUpdate(Map<String, List<ChartPointView>> points, List<RuleViolated> violations,
            Integer limitsVersion) {
        boolean isEmpty() {
            return points.values().stream().allMatch(List::isEmpty) && violations.isEmpty();
        }
    }

    private final LiveViewers viewers = new LiveViewers();
    private final SpcApi spc;

    ChartFeed(SpcApi spc) {
        this.spc = spc;
    }

    /** A chart a batch touched; a record over the readings' texts, so no key text is built per reading. */
    private record Chart(String line, String variable) {
    }

    void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReadingsStored event) {
        Set<Chart> charts = new HashSet<>();
        for (StoredReading r : event.readings()) {
            charts.add(new Chart(r.line(), r.variable()));
        }
        Set<String> touched = new HashSet<>();
        charts.forEach(c -> touched.add(key(c.line(), c.variable())));
        viewers.wake(touched);
    }

    /** Updates for one viewer whose page shows points up to {@code after}; only non-empty updates are sent. */
    public Multi<ChartUpdate> updates(String line, String variable, Instant after) {
        Instant[] last = {after};
        return viewers.updates(key(line, variable), () -> next(line, variable, last), ChartUpdate::isEmpty);
    }

    /** The points and violations after {@code last[0]}; moves {@code last[0]} to the newest point sent. */
    private ChartUpdate next(String line, String variable, Instant[] last) {
        ChartView view;
        try {
            view = spc.chart(line, variable, last[0].plusMillis(1), Instant.now().plus(AHEAD));
        } catch (ProblemException e) {
            // e.g. the catalogue entry was deleted: nothing to add, and the page keeps what it shows
            return new ChartUpdate(Map.of(), List.of(), null);
        }
        Map<String, List<ChartPointView>> points = new LinkedHashMap<>(view.points());
        for (List<ChartPointView> list : points.values()) {
            for (ChartPointView p : list) {
                if (p.time().isAfter(last[0])) {
                    last[0] = p.time();
                }
            }
        }
        return new ChartUpdate(points, view.violations(), view.limits() == null ? null : view.limits().version());
    }

    /** Open live chart pages on this instance (a page that closes its stream is no longer counted). */
    public int viewers() {
        return viewers.count();
    }

    private static String key(String line, String variable) {
        return line + '\u0000' + variable;
    }
}
