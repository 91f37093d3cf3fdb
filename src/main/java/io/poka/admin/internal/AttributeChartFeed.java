package io.poka.admin.internal;

import io.poka.platform.ProblemException;
import io.poka.spc.AttributeChartView;
import io.poka.spc.AttributePointView;
import io.poka.spc.AttributeSamplesRecorded;
import io.poka.spc.RuleViolated;
import io.poka.spc.SpcApi;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.util.List;

/**
 * Live updates for open attribute chart pages. A committed {@link AttributeSamplesRecorded} (observed after success,
 * so the samples and their violations are stored) wakes the viewers of that chart; each viewer then asks
 * {@link SpcApi#attributeChart} with the parameters its page was rendered with (its limits version, or its phase I
 * preview baseline) for the points after its last one, so the page gets what the chart query would show.
 */
@ApplicationScoped
public class AttributeChartFeed {

    /** What a page appends: new points, and stored violations with a point among them. */
    public record AttributeChartUpdate(List<AttributePointView> points, List<RuleViolated> violations) {
        boolean isEmpty() {
            return points.isEmpty() && violations.isEmpty();
        }
    }

    /**
     * The query a page was rendered with: its start, and either its frozen limits version or (while the chart had
     * none) its preview baseline range.
     */
    public record PageQuery(String name, Instant from, Integer limitsVersion, Instant baselineFrom,
            Instant baselineTo) {
        boolean preview() {
            return limitsVersion == null;
        }
    }

    private final LiveViewers viewers = new LiveViewers();
    private final SpcApi spc;

    AttributeChartFeed(SpcApi spc) {
        this.spc = spc;
    }

    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) AttributeSamplesRecorded event) {
        viewers.wake(List.of(event.chart()));
    }

    /** Updates for one viewer whose page shows points up to {@code after}; only non-empty updates are sent. */
    public Multi<AttributeChartUpdate> updates(PageQuery page, Instant after) {
        Instant[] last = {after};
        return viewers.updates(page.name(), () -> next(page, last), AttributeChartUpdate::isEmpty);
    }

    /**
     * The points and violations after {@code last[0]}; moves {@code last[0]} to the newest point sent. Against frozen
     * limits the query starts just after the last point (it resumes the run rules from the samples before it); a
     * preview evaluates from the page's start with no history, so it is queried from there again and cut.
     */
    private AttributeChartUpdate next(PageQuery page, Instant[] last) {
        Instant after = last[0];
        AttributeChartView view;
        try {
            view = spc.attributeChart(page.name(), page.preview() ? page.from() : after.plusMillis(1),
                    Instant.now().plus(ChartFeed.AHEAD), page.limitsVersion(), page.baselineFrom(), page.baselineTo());
        } catch (ProblemException e) {
            // e.g. the preview's baseline has no samples: nothing to add, and the page keeps what it shows
            return new AttributeChartUpdate(List.of(), List.of());
        }
        List<AttributePointView> points = view.points().stream().filter(p -> p.time().isAfter(after)).toList();
        points.forEach(p -> last[0] = p.time().isAfter(last[0]) ? p.time() : last[0]);
        List<RuleViolated> violations = view.violations().stream()
                .filter(v -> v.pointTimes().stream().anyMatch(t -> t.isAfter(after))).toList();
        return new AttributeChartUpdate(points, violations);
    }

    /** Open live attribute chart pages on this instance (a page that closes its stream is no longer counted). */
    public int viewers() {
        return viewers.count();
    }
}
