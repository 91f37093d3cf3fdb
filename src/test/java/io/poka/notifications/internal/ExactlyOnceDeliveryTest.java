package io.poka.notifications.internal;

import static io.poka.notifications.NotificationFixtures.fire;
import static io.poka.notifications.NotificationFixtures.line;
import static io.poka.notifications.NotificationFixtures.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.alerts.AlertsApi;
import io.poka.alerts.IncidentChanged;
import io.poka.notifications.NotificationFixtures;
import io.poka.notifications.NotificationsIntegrationTest;
import io.poka.notifications.NotificationsProfile;
import io.poka.notifications.TestSmtpServer;
import io.poka.notifications.WebhookReceiver;
import io.poka.platform.RecordChanged;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No second message for an incident already notified: three workers (the application's and two more instances, as
 * other replicas would run) drain the same table at once, then a fresh worker instance (as after a restart) and a
 * replay of every incident change find nothing more to send.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@TestProfile(NotificationsProfile.class)
class ExactlyOnceDeliveryTest extends NotificationsIntegrationTest {
    private static final int INCIDENTS = 25;

    @Inject
    DeliveryStore store;
    @Inject
    WebhookChannel webhooks;
    @Inject
    EmailChannel email;
    @Inject
    AlertsApi alerts;
    @Inject
    Event<RecordChanged> changes;
    @Inject
    NotificationsConfig config;


    private DeliveryWorker anotherWorker() {
        return new DeliveryWorker(store, webhooks, email, alerts, changes, json, clock, config);
    }

    private static int drainConcurrently(List<DeliveryWorker> workers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers.size());
        try {
            List<Callable<Integer>> drains = workers.stream().<Callable<Integer>>map(w -> () -> {
                int sent = 0;
                for (int n; (n = w.deliverDue()) > 0;) {
                    sent += n;
                }
                return sent;
            }).toList();
            int handled = 0;
            for (Future<Integer> f : pool.invokeAll(drains, 2, TimeUnit.MINUTES)) {
                handled += f.get();
            }
            return handled;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<DeliveryView> pending(Set<String> recipients) {
        return store.list(new DeliveryStore.Filter("PENDING", null, null, null), 0, 1000).stream()
                .filter(d -> recipients.contains(d.recipient())).toList();
    }

    @Test
    void concurrentWorkersAndARestartSendEachNoticeExactlyOnce() throws Exception {
        String line = line();
        String mailbox = "exactly-once-" + UUID.randomUUID() + "@plant.example";
        try (WebhookReceiver hook = new WebhookReceiver(NotificationFixtures.SECRET)) {
            subscribe(line, "LOW", "WEBHOOK", hook.url(), Map.of("changes", List.of("OPENED", "RESOLVED")));
            subscribe(line, "LOW", "EMAIL", mailbox, Map.of());
            List<IncidentChanged> fired = new ArrayList<>();
            for (int i = 0; i < INCIDENTS; i++) {
                UUID incident = UUID.randomUUID();
                fired.add(fire(incidents, incident, line, "OPENED", "HIGH", "OPEN", clock.instant()));
                fired.add(fire(incidents, incident, line, "RESOLVED", "HIGH", "RESOLVED", clock.instant()));
            }

            List<DeliveryWorker> workers = List.of(worker, anotherWorker(), anotherWorker());
            int handled = drainConcurrently(workers);
            assertTrue(handled >= 3 * INCIDENTS, "handled " + handled);
            // an attempt that failed on a loaded machine (an SMTP timeout, say) is retried after its backoff, not
            // lost: let the clock pass the backoff and drain again, still with all workers at once
            Set<String> recipients = Set.of(mailbox, hook.url());
            for (int round = 0; round < 3 && !pending(recipients).isEmpty(); round++) {
                clock.advance(Duration.ofMinutes(6));
                drainConcurrently(workers);
            }
            assertEquals(List.of(), pending(recipients), "every delivery ended");
            assertEquals(List.of(), store.list(new DeliveryStore.Filter("FAILED", null, null, null), 0, 1000).stream()
                    .filter(d -> recipients.contains(d.recipient())).toList(), "none dead-lettered");

            assertEquals(2 * INCIDENTS, hook.calls().size(), "one call per incident and kind");
            assertEquals(2 * INCIDENTS, new HashSet<>(hook.calls().stream().map(WebhookReceiver.Call::deliveryId)
                    .toList()).size());
            assertTrue(hook.calls().stream().allMatch(WebhookReceiver.Call::signatureValid));
            assertEquals(INCIDENTS, TestSmtpServer.receivedBy(mailbox).size(), () -> "one e-mail per incident; retried: "
                    + store.list(new DeliveryStore.Filter(null, null, null, null), 0, 1000).stream()
                            .filter(d -> recipients.contains(d.recipient()) && d.attempts() != 1).toList());

            // a restart: a new worker instance over the same table, and every change observed again
            for (IncidentChanged e : fired) {
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> incidents.fire(e));
            }
            anotherWorker().deliverDue();
            worker.deliverDue();
            assertEquals(2 * INCIDENTS, hook.calls().size(), "nothing sent twice after a restart");
            assertEquals(INCIDENTS, TestSmtpServer.receivedBy(mailbox).size());
        }
    }
}
