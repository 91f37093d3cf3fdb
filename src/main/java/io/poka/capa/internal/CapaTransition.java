package io.poka.capa.internal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One status change of a CAPA: from, to, why, who, when, and the e-signature where the move needs one. */
@Entity
@Table(name = "transition", schema = "capa")
public class CapaTransition extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "capa_id", nullable = false)
    public UUID capaId;
    @Column(name = "from_status")
    public String fromStatus;
    @Column(name = "to_status", nullable = false)
    public String toStatus;
    public String reason;
    @Column(nullable = false)
    public String actor;
    @Column(nullable = false)
    public Instant at;
    @Column(name = "signed_by")
    public String signedBy;
    @Column(name = "signer_name")
    public String signerName;
    @Column(name = "signature_meaning")
    public String signatureMeaning;
    @Column(name = "signed_at")
    public Instant signedAt;
}
