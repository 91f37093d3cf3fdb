package io.poka.telemetry.internal;

import io.poka.telemetry.ReadingPartitionsMoved;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Reacts to partitions of the readings topic moving between replicas: before a partition is given up, the batch in
 * hand is finished (stored or rolled back), so the next owner rebuilds chart state from a store that holds it; after
 * any move, per-line state in memory is announced stale ({@link ReadingPartitionsMoved}) and rebuilt on next use.
 */
@ApplicationScoped
@Identifier(ReadingsRebalance.NAME)
public class ReadingsRebalance implements KafkaConsumerRebalanceListener {
    /** Name under which the readings channel finds this listener (consumer-rebalance-listener.name). */
    public static final String NAME = "poka-readings-rebalance";
    private static final Logger LOG = Logger.getLogger(ReadingsRebalance.class);

    private final ReadingsConsumer consumer;
    private final Event<ReadingPartitionsMoved> moved;

    ReadingsRebalance(ReadingsConsumer consumer, Event<ReadingPartitionsMoved> moved) {
        this.consumer = consumer;
        this.moved = moved;
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> kafka, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        consumer.awaitBatchInHand();
        announce(names(partitions), Set.of());
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> kafka, Collection<TopicPartition> partitions) {
        onPartitionsRevoked(kafka, partitions);
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> kafka, Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            announce(Set.of(), names(partitions));
        }
    }

    private void announce(Set<String> revoked, Set<String> assigned) {
        LOG.infof("Readings partitions moved: revoked %s, assigned %s; in-memory chart and scoring state is rebuilt "
                + "from stored readings", revoked, assigned);
        moved.fire(new ReadingPartitionsMoved(revoked, assigned));
    }

    private static Set<String> names(Collection<TopicPartition> partitions) {
        Set<String> names = new TreeSet<>();
        partitions.forEach(p -> names.add(p.topic() + "-" + p.partition()));
        return Set.copyOf(names);
    }
}
