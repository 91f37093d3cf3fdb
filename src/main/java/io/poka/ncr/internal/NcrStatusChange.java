package io.poka.ncr.internal;

import io.poka.ncr.NcrStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One status change of a report: from, to, why, who, when. */
@Entity
@Table(name = "status_change", schema = "ncr")
public class NcrStatusChange extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "ncr_id", nullable = false)
    public UUID ncrId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public NcrStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public NcrStatus toStatus;

    public String reason;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public Instant at;
}
