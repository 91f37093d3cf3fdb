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
        try {
            event.payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + type + " cannot be serialised", e);
        }
        em.persist(event);
        return event.id;
    }
}
