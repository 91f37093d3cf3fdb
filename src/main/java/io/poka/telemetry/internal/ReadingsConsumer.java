package io.poka.telemetry.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes reading batches from Kafka and stores them; the batch is acknowledged (and its offsets become
 * committable) only after the database transaction committed, so a crash redelivers instead of losing.
 */
@ApplicationScoped
public class ReadingsConsumer {
    /** Channel name, mapped to a topic in application.properties. */
    public static final String CHANNEL = "readings";
    private static final Logger LOG = Logger.getLogger(ReadingsConsumer.class);

    private final ReadingStore store;
    private final ReadingParser parser;
    private final Counter stored;
    private final Counter duplicates;
    private final Counter rejected;

    ReadingsConsumer(ReadingStore store, ObjectMapper json, Clock clock, MeterRegistry metrics) {
        this.store = store;
        this.parser = new ReadingParser(json, clock);
        this.stored = metrics.counter("poka.telemetry.readings.stored");
        this.duplicates = metrics.counter("poka.telemetry.readings.duplicates");
        this.rejected = metrics.counter("poka.telemetry.readings.rejected");
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(List<String> payloads) throws SQLException {
        List<Reading> valid = new ArrayList<>(payloads.size());
        for (String payload : payloads) {
            try {
                valid.add(parser.parse(payload));
            } catch (ReadingParser.InvalidReading e) {
                rejected.increment();
                LOG.warnf("Rejected reading: %s", e.getMessage());
            }
        }
        int inserted = store.store(valid);
        stored.increment(inserted);
        duplicates.increment(valid.size() - inserted);
    }
}
