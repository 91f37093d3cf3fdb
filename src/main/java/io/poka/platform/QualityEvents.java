package io.poka.platform;

/**
 * Publishes a quality event to the outbound Kafka topic. The event is stored in the caller's transaction
 * (transactional outbox) and relayed after commit, so a crash can neither lose it nor send a rolled-back one.
 */
public interface QualityEvents {
    /**
     * @param type past-tense event name, e.g. {@code LotHeld}
     * @param key Kafka key that keeps one aggregate's events in order, e.g. the lot id
     * @param data payload, serialised as JSON
     * @return the event id
     */
    java.util.UUID publish(String type, String key, Object data);

    /**
     * Publishes an event whose id the caller derived from what it is about (for example an anomaly: line, model and
     * row time), unless an event with this id is stored already: recomputing it (a redelivery, a replica taking over)
     * then publishes nothing twice.
     *
     * @return whether the event was new (and stored now)
     */
    boolean publishOnce(java.util.UUID id, String type, String key, Object data);
}
