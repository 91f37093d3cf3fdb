package io.poka.telemetry.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Streams a Tennessee Eastman run into the readings topic, one time step (52 readings, timestamped "now") at a
 * time, at a chosen number of steps per second (0 = as fast as the broker takes them). The demo plant, the
 * benchmark and the command line (main) use it.
 */
public final class TepReplay {
    private final KafkaProducer<String, String> producer;
    private final String topic;

    public TepReplay(KafkaProducer<String, String> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /** A producer tuned for throughput: batching, lz4, idempotent, acks=all. */
    public static KafkaProducer<String, String> producer(String bootstrapServers) {
        return producer(bootstrapServers, Map.of());
    }

    /** The same producer with extra client settings (e.g. security.protocol, sasl.*, ssl.* of a secured cluster). */
    public static KafkaProducer<String, String> producer(String bootstrapServers, Map<String, String> clientSettings) {
        Properties p = new Properties();
        p.putAll(clientSettings);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(p);
    }

    /**
     * Replays steps [0, steps) of the run (wrapping around) for the line; reading ids are {@code idPrefix-step-var}.
     *
     * @return the number of readings sent
     */
    public long replay(TepRun run, String line, String idPrefix, int steps, double stepsPerSecond, BooleanSupplier stop)
            throws Exception {
        long sent = 0;
        long started = System.nanoTime();
        Future<RecordMetadata> last = null;
        StringBuilder json = new StringBuilder(256);
        for (int step = 0; step < steps && !stop.getAsBoolean(); step++) {
            if (stepsPerSecond > 0) {
                long due = started + (long) (step * 1e9 / stepsPerSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            String ts = Instant.now().toString();
            int row = step % run.steps();
            for (int v = 0; v < TepRun.VARIABLES; v++) {
                TepRun.TepVariable variable = TepRun.CATALOGUE.get(v);
                json.setLength(0);
                json.append("{\"readingId\":\"").append(idPrefix).append('-').append(step).append('-').append(v)
                        .append("\",\"line\":\"").append(line)
                        .append("\",\"station\":\"TEP\",\"variable\":\"").append(variable.id())
                        .append("\",\"value\":").append(run.value(row, v))
                        .append(",\"unit\":\"").append(variable.unit())
                        .append("\",\"timestamp\":\"").append(ts).append("\"}");
                // key = line, as every producer of readings must: a line's readings stay in order on one partition,
                // so one consumer sees each time step whole (streaming scoring assembles rows from it)
                last = producer.send(new ProducerRecord<>(topic, line, json.toString()));
                sent++;
            }
        }
        producer.flush();
        if (last != null) {
            last.get();
        }
        return sent;
    }

    /**
     * Command line: {@code TepReplay <bootstrap-servers> <run d00..d21> <line> <steps> <steps-per-second>}; the
     * line's variables must be in the catalogue (the demo plant creates them for its line).
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: TepReplay <bootstrap-servers> <run d00..d21> <line> <steps> <steps-per-second>");
            System.exit(2);
        }
        try (KafkaProducer<String, String> producer = producer(args[0])) {
            long n = new TepReplay(producer, "poka.telemetry.readings.v1").replay(TepRun.load(args[1]), args[2],
                    args[2] + "-" + System.currentTimeMillis(), Integer.parseInt(args[3]), Double.parseDouble(args[4]),
                    () -> false);
            System.out.println("sent " + n + " readings");
        }
    }
}
