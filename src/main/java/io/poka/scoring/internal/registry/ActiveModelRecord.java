package io.poka.scoring.internal.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The model version that scores a line's readings now; at most one per line. */
@Entity
@Table(name = "active_model", schema = "scoring")
public class ActiveModelRecord extends PanacheEntityBase {
    @Id
    public String line;

    @Column(name = "model_id", nullable = false)
    public UUID modelId;

    @Column(name = "activated_at", nullable = false)
    public Instant activatedAt;

    @Column(name = "activated_by", nullable = false)
    public String activatedBy;
}
