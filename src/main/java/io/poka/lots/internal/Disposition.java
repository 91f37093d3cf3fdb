package io.poka.lots.internal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A signed decision on a nonconforming lot: what, why, who, when. */
@Entity
@Table(name = "disposition", schema = "lots")
public class Disposition extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "lot_id", nullable = false)
    public UUID lotId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LotStatusMachine.Decision decision;

    @Column(nullable = false)
    public String reason;

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Column(name = "signed_by", nullable = false)
    public String signedBy;

    @Column(name = "signer_name", nullable = false)
    public String signerName;

    @Column(name = "sign_meaning", nullable = false)
    public String signMeaning;

    @Column(name = "signed_at", nullable = false)
    public Instant signedAt;
}
