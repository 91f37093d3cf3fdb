package io.poka.telemetry.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Sends rejected records, unchanged, to the dead-letter topic with the reason in headers, and counts them per
 * reason code (metric poka.telemetry.readings.rejected, tag reason). The send is awaited, so a batch is
 * acknowledged only after its bad records are safely in the dead-letter topic.
 */
@ApplicationScoped
public class DeadLetters {
    /** Channel name, mapped to topic poka.telemetry.readings.dlq.v1 in application.properties. */
    public static final String CHANNEL = "readings-dlq";
    /** Header with the human-readable reason. */
    public static final String REASON_HEADER = "poka-dlq-reason";
    /** Header with the stable reason code (e.g. unknown-variable). */
    public static final String CODE_HEADER = "poka-dlq-reason-code";
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MutinyEmitter<String> emitter;
    private final MeterRegistry metrics;

    DeadLetters(@Channel(CHANNEL) MutinyEmitter<String> emitter, MeterRegistry metrics) {
        this.emitter = emitter;
        this.metrics = metrics;
    }

    public void send(String key, String payload, String sourceTopic, int partition, long offset,
            ReadingParser.InvalidReading reason) {
        metrics.counter("poka.telemetry.readings.rejected", "reason", reason.code()).increment();
        LOG.debugf("Dead-lettering %s-%d@%d: %s", sourceTopic, partition, offset, reason.getMessage());
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, reason.getMessage().getBytes(StandardCharsets.UTF_8));
        headers.add(CODE_HEADER, reason.code().getBytes(StandardCharsets.UTF_8));
        headers.add("poka-dlq-source", (sourceTopic + "-" + partition + "@" + offset).getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key).withHeaders(headers).build();
        emitter.sendMessageAndAwait(Message.of(payload == null ? "" : payload).addMetadata(metadata));
    }
}
