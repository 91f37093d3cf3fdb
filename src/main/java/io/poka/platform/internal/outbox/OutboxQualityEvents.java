package io.poka.platform.internal.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.platform.QualityEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** Stores quality events in the outbox table, inside the caller's transaction. */
@ApplicationScoped
public class OutboxQualityEvents implements QualityEvents {
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    OutboxQualityEvents(EntityManager em, ObjectMapper json, Clock clock) {
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String type, String key, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.type = type;
        event.key = key;
        event.occurredAt = clock.instant();
        event.payload = payload(type, data);
        em.persist(event);
        return event.id;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean publishOnce(UUID id, String type, String key, Object data) {
        String payload = payload(type, data);
        return em.createNativeQuery("insert into platform.outbox_event (id, type, event_key, payload, occurred_at) "
                + "values (?1, ?2, ?3, cast(?4 as jsonb), ?5) on conflict (id) do nothing")
                .setParameter(1, id).setParameter(2, type).setParameter(3, key).setParameter(4, payload)
                .setParameter(5, clock.instant()).executeUpdate() == 1;
    }

    private String payload(String type, Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + type + " cannot be serialised", e);
        }
    }
}
