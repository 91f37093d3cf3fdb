package io.poka.admin.internal;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The open live pages of one kind of chart, by chart key, and the loop each page's stream runs: a wake-up (a local
 * event for its chart) or a slow fallback tick (for data stored by another instance) runs the page's query on a
 * worker thread; wake-ups that arrive while a query runs are folded into one, and only non-empty updates are sent.
 * Shared by {@link ChartFeed} (variables charts) and {@link AttributeChartFeed}.
 */
final class LiveViewers {
    /** Fallback query interval when no local event arrives (data stored by another pod). */
    static final Duration FALLBACK = Duration.ofSeconds(5);

    private final Map<String, Set<MultiEmitter<? super Instant>>> viewers = new ConcurrentHashMap<>();

    /** Wakes the open pages of the given charts. */
    void wake(Collection<String> keys) {
        if (viewers.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        for (String k : keys) {
            Set<MultiEmitter<? super Instant>> set = viewers.get(k);
            if (set != null) {
                set.forEach(e -> e.emit(now));
            }
        }
    }

    /** One page's updates: {@code next} is its query (run after each wake-up), {@code empty} what is not sent. */
    <U> Multi<U> updates(String key, Supplier<U> next, Predicate<U> empty) {
        Multi<Instant> wakeUps = Multi.createBy().merging().streams(woken(key),
                Multi.createFrom().ticks().every(FALLBACK).map(t -> Instant.now()));
        return wakeUps.onOverflow().dropPreviousItems()
                .onItem().transformToUniAndConcatenate(t -> Uni.createFrom().item(next)
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .filter(empty.negate());
    }

    /** Open live pages (a page that closes its stream is no longer counted). */
    int count() {
        return viewers.values().stream().mapToInt(Set::size).sum();
    }

    private Multi<Instant> woken(String key) {
        return Multi.createFrom().emitter(emitter -> {
            viewers.computeIfAbsent(key, x -> new CopyOnWriteArraySet<>()).add(emitter);
            emitter.onTermination(() -> viewers.computeIfPresent(key, (x, set) -> {
                set.remove(emitter);
                return set.isEmpty() ? null : set;
            }));
        });
    }
}
