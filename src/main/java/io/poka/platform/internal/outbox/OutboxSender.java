package io.poka.platform.internal.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Holds the emitter of the quality-events channel in a bean of its own: it is created on first use, after the
 * messaging wiring, whereas the scheduled relay can be created before that wiring is done.
 */
@ApplicationScoped
public class OutboxSender {
    /** Channel name, mapped to a topic in application.properties. */
    public static final String CHANNEL = "quality-events";

    @Channel(CHANNEL)
    Emitter<String> emitter;

    void send(Message<String> message) {
        emitter.send(message);
    }
}
