package io.poka.lots.internal;

import io.poka.lots.LotStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A lot received from ERP/MES, unique per (source system, external id), with its current status and hold. */
@Entity
@Table(name = "lot", schema = "lots")
public class Lot extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "source_system", nullable = false)
    public String sourceSystem;

    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Column(nullable = false)
    public String product;

    @Column(nullable = false, precision = 19, scale = 6)
    public BigDecimal quantity;

    @Column(nullable = false)
    public String unit;

    public String line;
    public String station;
    public String supplier;

    @Column(name = "supplier_lot")
    public String supplierLot;

    @Column(name = "production_start")
    public Instant productionStart;

    @Column(name = "production_end")
    public Instant productionEnd;

    /** Free attributes as a JSON object text. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String attributes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LotStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_before_hold")
    public LotStatus statusBeforeHold;

    @Column(name = "hold_reason")
    public String holdReason;

    @Column(name = "held_by")
    public String heldBy;

    @Column(name = "held_at")
    public Instant heldAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
