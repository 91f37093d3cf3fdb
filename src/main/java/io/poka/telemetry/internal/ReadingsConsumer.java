package io.poka.telemetry.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes reading batches from Kafka: bad records go to the dead-letter topic, good ones are stored in one
 * transaction. The batch is acknowledged (its offsets become committable) only after the database commit; a
 * failed write (or a catalogue lookup that cannot reach the database) is retried with backoff until it succeeds, so
 * a database outage stalls the stream but loses nothing.
 */
@ApplicationScoped
public class ReadingsConsumer {
    /** Channel name, mapped to a topic in application.properties. */
    public static final String CHANNEL = "readings";
    private static final Logger LOG = Logger.getLogger(ReadingsConsumer.class);

    private final IngestService ingest;
    private final DeadLetters deadLetters;
    private final ReadingParser parser;
    private final TelemetryConfig config;
    private final Counter stored;
    private final Counter duplicates;
    private final Counter retries;

    ReadingsConsumer(IngestService ingest, DeadLetters deadLetters, CatalogueService catalogue, ObjectMapper json,
            Clock clock, TelemetryConfig config, MeterRegistry metrics) {
        this.ingest = ingest;
        this.deadLetters = deadLetters;
        this.config = config;
        this.parser = new ReadingParser(json, clock, config.maxFutureSkew(), catalogue::lookup);
        this.stored = metrics.counter("poka.telemetry.readings.stored");
        this.duplicates = metrics.counter("poka.telemetry.readings.duplicates");
        this.retries = metrics.counter("poka.telemetry.store.retries");
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        List<Reading> valid = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> r : records) {
            try {
                if (r.value() == null) {
                    throw new ReadingParser.InvalidReading("unparseable", "empty record");
                }
                valid.add(parseWithRetry(r.value()));
            } catch (ReadingParser.InvalidReading e) {
                deadLetters.send(r.key(), r.value(), r.topic(), r.partition(), r.offset(), e);
            }
        }
        IngestService.Outcome outcome = storeWithRetry(valid);
        stored.increment(outcome.stored());
        duplicates.increment(outcome.duplicates());
    }

    /**
     * Parses one record; a failure that is not the record's fault (the catalogue lookup behind the cache cannot
     * reach the database) is retried like a failed write, so an outage stalls the stream instead of failing it.
     */
    private Reading parseWithRetry(String value) throws ReadingParser.InvalidReading, InterruptedException {
        return retried("Validating a reading", () -> parser.parse(value));
    }

    private IngestService.Outcome storeWithRetry(List<Reading> valid) throws InterruptedException {
        try {
            return retried("Storing a batch of " + valid.size() + " readings", () -> ingest.ingest(valid));
        } catch (ReadingParser.InvalidReading impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private interface Attempt<T> {
        T run() throws Exception;
    }

    /** Runs the attempt until it succeeds, with backoff doubling up to the maximum; an invalid reading is final. */
    private <T> T retried(String what, Attempt<T> attempt) throws ReadingParser.InvalidReading, InterruptedException {
        long backoff = config.storeRetryBackoff().toMillis();
        long max = config.storeRetryMaxBackoff().toMillis();
        while (true) {
            try {
                return attempt.run();
            } catch (ReadingParser.InvalidReading | InterruptedException e) {
                throw e;
            } catch (Exception e) {
                retries.increment();
                LOG.warnf("%s failed (%s); retrying in %d ms", what, e, backoff);
                Thread.sleep(backoff);
                backoff = Math.min(max, backoff * 2);
            }
        }
    }
}
