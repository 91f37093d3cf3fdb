package io.poka.ncr.internal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One line of a signed material review: how much of a suspect lot goes which way. */
@Entity
@Table(name = "disposition", schema = "ncr")
public class NcrDisposition extends PanacheEntityBase {

    /** What the material review decides for a quantity of a lot. */
    public enum Decision {
        USE_AS_IS, REWORK, SCRAP, RETURN_TO_SUPPLIER, REGRADE
    }

    @Id
    public UUID id;

    @Column(name = "ncr_id", nullable = false)
    public UUID ncrId;

    @Column(name = "lot_id", nullable = false)
    public UUID lotId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Decision decision;

    @Column(nullable = false, precision = 19, scale = 6)
    public BigDecimal quantity;

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
