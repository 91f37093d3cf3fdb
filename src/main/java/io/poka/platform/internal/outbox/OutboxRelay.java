package io.poka.platform.internal.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poka.platform.Leases;
import io.poka.platform.internal.PlatformConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Sends stored quality events to the quality-events topic in the order they occurred and marks them published
 * only after the broker acknowledged them: delivery is at least once, consumers deduplicate by event id. With several
 * replicas only the holder of the {@value #LEASE} lease relays, so events leave in one order.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Name of the lease that makes one replica the relay. */
    public static final String LEASE = "platform.outbox-relay";

    private final EntityManager em;
    private final OutboxSender sender;
    private final ObjectMapper json;
    private final PlatformConfig config;
    private final Clock clock;
    private final Leases leases;
    private volatile boolean started;
    private volatile boolean stopping;

    OutboxRelay(EntityManager em, OutboxSender sender, ObjectMapper json,
            PlatformConfig config, Clock clock, Leases leases) {
        this.leases = leases;
        this.em = em;
        this.sender = sender;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${poka.platform.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        if (!started || stopping || !leases.tryHold(LEASE)) {
            return;
        }
        try {
            while (relayBatch() == config.outbox().batchSize()) {
                // a full batch: more are waiting
            }
        } catch (RuntimeException e) {
            LOG.warn("Relaying quality events failed; they stay in the outbox and are retried", e);
        }
    }

    /** Runs after the messaging wiring (a library StartupEvent observer), so the emitter is connected. */
    void onStart(@jakarta.enterprise.event.Observes @jakarta.annotation.Priority(jakarta.interceptor.Interceptor.Priority.LIBRARY_AFTER + 500) io.quarkus.runtime.StartupEvent event) {
        started = true;
    }

    void onShutdown(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping = true;
    }

    /** Sends one batch and returns how many events it held. */
    @Transactional
    int relayBatch() {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> pending = em.createNativeQuery(
                "select * from platform.outbox_event where published_at is null order by occurred_at, id "
                        + "limit :n for update skip locked", OutboxEvent.class)
                .setParameter("n", config.outbox().batchSize())
                .getResultList();
        if (pending.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (OutboxEvent event : pending) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            RecordHeaders headers = new RecordHeaders();
            headers.add("poka-event-type", event.type.getBytes(StandardCharsets.UTF_8));
            headers.add("poka-event-id", event.id.toString().getBytes(StandardCharsets.UTF_8));
            Message<String> message = Message.of(envelope(event))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.key).withHeaders(headers).build())
                    .withAck(() -> {
                        ack.complete(null);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(failure -> {
                        ack.completeExceptionally(failure);
                        return CompletableFuture.completedFuture(null);
                    });
            sender.send(message);
            acks.add(ack);
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                .orTimeout(config.outbox().sendTimeout().toMillis(), TimeUnit.MILLISECONDS).join();
        java.time.Instant now = clock.instant();
        pending.forEach(e -> e.publishedAt = now);
        return pending.size();
    }

    private String envelope(OutboxEvent event) {
        try {
            ObjectNode node = json.createObjectNode();
            node.put("schema", "poka.quality-event/v1");
            node.put("eventId", event.id.toString());
            node.put("type", event.type);
            node.put("key", event.key);
            node.put("occurredAt", event.occurredAt.toString());
            node.set("data", json.readTree(event.payload));
            return json.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Outbox event " + event.id + " has an unreadable payload", e);
        }
    }
}
