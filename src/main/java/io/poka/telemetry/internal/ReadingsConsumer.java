package io.poka.telemetry.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes reading batches from Kafka: bad records go to the dead-letter topic, good ones are stored in one
 * transaction. The batch is acknowledged (its offsets become committable) only after the database commit. A write
 * the database cannot take now (unreachable, restarting) is retried with backoff until it succeeds, so an outage
 * stalls the stream but loses nothing; a write it refuses for its content ({@link DatabaseRefusal}) is split until
 * the refused readings stand alone ({@link RefusalIsolation}), and those are dead-lettered like any other reject.
 * On shutdown the channel is paused and the batch in hand is finished before Quarkus closes anything under it.
 */
@ApplicationScoped
public class ReadingsConsumer {
    /** Channel name, mapped to a topic in application.properties. */
    public static final String CHANNEL = "readings";
    /** Dead-letter reason code of a reading the database refused (poka-dlq-reason-code). */
    static final String REFUSED = "refused-by-database";
    private static final Logger LOG = Logger.getLogger(ReadingsConsumer.class);

    private final IngestService ingest;
    private final DeadLetters deadLetters;
    private final ReadingParser parser;
    private final TelemetryConfig config;
    private final IngestStall stall;
    private final Counter stored;
    private final Counter duplicates;
    private final Counter retries;
    private final ChannelRegistry channels;
    /** Held while a batch is being handled, so shutdown can wait for it. */
    private final ReentrantLock inHand = new ReentrantLock();
    private volatile boolean stopping;
    private final CountDownLatch stopSignal = new CountDownLatch(1);

    ReadingsConsumer(IngestService ingest, DeadLetters deadLetters, CatalogueService catalogue, ObjectMapper json,
            Clock clock, TelemetryConfig config, IngestStall stall, MeterRegistry metrics, ChannelRegistry channels) {
        this.ingest = ingest;
        this.channels = channels;
        this.deadLetters = deadLetters;
        this.config = config;
        this.stall = stall;
        this.parser = new ReadingParser(json, clock, config.maxFutureSkew(), catalogue::lookup);
        this.stored = metrics.counter("poka.telemetry.readings.stored");
        this.duplicates = metrics.counter("poka.telemetry.readings.duplicates");
        this.retries = metrics.counter("poka.telemetry.store.retries");
    }

    /** A valid reading with the record it came from, for the dead-letter topic should the database refuse it. */
    private record Pending(ConsumerRecord<String, String> source, Reading reading) {
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inHand.lock();
        try {
            handle(records);
        } finally {
            inHand.unlock();
        }
    }

    /**
     * First step of shutdown, before Quarkus closes the persistence units and pools: no further batch is handed to
     * {@link #consume} (the channel is pausable), the batch in hand is finished and acknowledged, so the connector
     * commits its offsets when it closes; batches fetched but not handed over are not acknowledged and come again
     * after the restart. A batch that cannot be stored now (database down) stops retrying and comes again too.
     */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        stopSignal.countDown();
        long t0 = System.nanoTime();
        PausableChannel channel = channels.getPausable(CHANNEL);
        if (channel != null) {
            channel.pause();
        }
        if (inHand.tryLock(15, TimeUnit.SECONDS)) {
            inHand.unlock();
        }
        LOG.infof("Readings consumer stopped in %d ms", (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Waits (at most 15 s) until the batch being handled, if any, is stored or rolled back: called before partitions
     * are given up, so the replica that takes them over finds that batch in the store.
     */
    void awaitBatchInHand() {
        try {
            if (inHand.tryLock(15, TimeUnit.SECONDS)) {
                inHand.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(ConsumerRecords<String, String> records) {
        List<Pending> valid = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> r : records) {
            try {
                if (r.value() == null) {
                    throw new ReadingParser.InvalidReading("unparseable", "empty record");
                }
                valid.add(new Pending(r, parseWithRetry(r.value())));
            } catch (ReadingParser.InvalidReading e) {
                deadLetter(r, e);
            } catch (DatabaseRefusal e) {
                deadLetter(r, refusedReason(e));
            }
        }
        RefusalIsolation.store(valid, this::storeWithRetry,
                (pending, refusal) -> deadLetter(pending.source(), refusedReason(refusal)));
    }

    private void deadLetter(ConsumerRecord<String, String> r, ReadingParser.InvalidReading reason) {
        deadLetters.send(r.key(), r.value(), r.topic(), r.partition(), r.offset(), reason);
    }

    private static ReadingParser.InvalidReading refusedReason(DatabaseRefusal refusal) {
        LOG.warnf("The database refused a reading (SQLState %s: %s); it goes to the dead-letter topic",
                refusal.sqlState(), refusal.getMessage());
        return new ReadingParser.InvalidReading(REFUSED, "the database refused the reading (SQLState "
                + refusal.sqlState() + "): " + refusal.getMessage());
    }

    /**
     * Parses one record; a failure that is not the record's fault (the catalogue lookup behind the cache cannot
     * reach the database) is retried like a failed write, so an outage stalls the stream instead of failing it.
     */
    private Reading parseWithRetry(String value) throws ReadingParser.InvalidReading, DatabaseRefusal {
        return retried("Validating a reading", () -> parser.parse(value));
    }

    private void storeWithRetry(List<Pending> batch) throws DatabaseRefusal {
        List<Reading> readings = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            readings.add(p.reading());
        }
        IngestService.Outcome outcome;
        try {
            outcome = retried("Storing a batch of " + readings.size() + " readings", () -> ingest.ingest(readings));
        } catch (ReadingParser.InvalidReading impossible) {
            throw new IllegalStateException(impossible);
        }
        stored.increment(outcome.stored());
        duplicates.increment(outcome.duplicates());
    }

    private interface Attempt<T> {
        T run() throws Exception;
    }

    /**
     * Runs the attempt until it succeeds, with backoff doubling up to the maximum; an invalid reading and a refusal
     * of its content by the database are final. An interrupt (shutdown) ends the wait: the batch stays
     * unacknowledged and is delivered again after the restart.
     */
    private <T> T retried(String what, Attempt<T> attempt) throws ReadingParser.InvalidReading, DatabaseRefusal {
        long backoff = config.storeRetryBackoff().toMillis();
        long max = config.storeRetryMaxBackoff().toMillis();
        try {
            while (true) {
                try {
                    return attempt.run();
                } catch (ReadingParser.InvalidReading e) {
                    throw e;
                } catch (Exception e) {
                    DatabaseRefusal refusal = DatabaseRefusal.in(e).orElse(null);
                    if (refusal != null) {
                        throw refusal;
                    }
                    if (stopping) {
                        throw new IllegalStateException(what + " failed while stopping; the batch is not acknowledged "
                                + "and comes again after the restart", e);
                    }
                    stall.failing();
                    retries.increment();
                    LOG.warnf("%s failed (%s); retrying in %d ms", what, e, backoff);
                    sleep(backoff);
                    backoff = Math.min(max, backoff * 2);
                }
            }
        } finally {
            stall.clear();
        }
    }

    /** Waits before the next attempt; shutdown cuts the wait short. */
    private void sleep(long millis) {
        try {
            stopSignal.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry; the batch will be delivered again", e);
        }
    }
}
