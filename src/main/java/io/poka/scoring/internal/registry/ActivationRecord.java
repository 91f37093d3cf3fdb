package io.poka.scoring.internal.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One signed promotion or rollback; the history a rollback walks back through. */
@Entity
@Table(name = "activation", schema = "scoring")
public class ActivationRecord extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String line;

    @Column(name = "model_id", nullable = false)
    public UUID modelId;

    @Column(name = "previous_model_id")
    public UUID previousModelId;

    @Column(nullable = false)
    public String action;

    public String reason;

    @Column(name = "signature_meaning", nullable = false)
    public String signatureMeaning;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "by_user", nullable = false)
    public String byUser;
}
