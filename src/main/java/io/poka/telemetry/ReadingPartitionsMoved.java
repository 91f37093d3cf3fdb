package io.poka.telemetry;

import java.util.Set;

/**
 * Fired when this replica's share of the readings topic changed (a consumer-group rebalance: a replica started,
 * stopped or died): per-line state kept in memory may be stale, since another replica may have handled these lines
 * meanwhile; observers drop it and rebuild it from the store on next use. Partitions as "topic-partition".
 */
public record ReadingPartitionsMoved(Set<String> revoked, Set<String> assigned) {
}
