package io.poka.inspections.internal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A stored switch of the severity of inspection with its reason and the clause of ISO 2859-1 behind it. */
@Entity
@Table(name = "switch_event", schema = "inspections")
public class SwitchEventRow extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String product;

    @Column(nullable = false)
    public String supplier;

    @Enumerated(EnumType.STRING)
    @Column(name = "defect_class", nullable = false)
    public DefectClass defectClass;

    @Column(name = "from_stage", nullable = false)
    public String fromStage;

    @Column(name = "to_stage", nullable = false)
    public String toStage;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public String clause;

    @Column(nullable = false)
    public String description;

    @Column(name = "inspection_id")
    public UUID inspectionId;

    @Column(nullable = false)
    public Instant at;
}
