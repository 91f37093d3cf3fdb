package io.poka.platform.internal.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A quality event waiting to be (or already) relayed to Kafka. */
@Entity
@Table(name = "outbox_event", schema = "platform")
public class OutboxEvent {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String type;

    @Column(name = "event_key", nullable = false)
    public String key;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String payload;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "published_at")
    public Instant publishedAt;
}
