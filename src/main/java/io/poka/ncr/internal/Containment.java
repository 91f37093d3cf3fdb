package io.poka.ncr.internal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One signed containment of a report: why, how many lots it held, and the signature. */
@Entity
@Table(name = "containment", schema = "ncr")
public class Containment extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "ncr_id", nullable = false)
    public UUID ncrId;

    @Column(nullable = false)
    public String reason;

    @Column(name = "held_lots", nullable = false)
    public int heldLots;

    @Column(name = "signed_by", nullable = false)
    public String signedBy;

    @Column(name = "signer_name", nullable = false)
    public String signerName;

    @Column(name = "sign_meaning", nullable = false)
    public String signMeaning;

    @Column(name = "signed_at", nullable = false)
    public Instant signedAt;
}
