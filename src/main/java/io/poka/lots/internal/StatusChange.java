package io.poka.lots.internal;

import io.poka.lots.LotStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One row of a lot's status history; signed changes keep the signature's manifestation beside the move. */
@Entity
@Table(name = "status_change", schema = "lots")
public class StatusChange extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "lot_id", nullable = false)
    public UUID lotId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public LotStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public LotStatus toStatus;

    @Column(nullable = false)
    public String action;

    public String reason;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "signed_by")
    public String signedBy;

    @Column(name = "signer_name")
    public String signerName;

    @Column(name = "sign_meaning")
    public String signMeaning;

    @Column(name = "signed_at")
    public Instant signedAt;
}
