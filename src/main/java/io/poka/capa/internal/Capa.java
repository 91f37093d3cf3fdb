package io.poka.capa.internal;

import io.poka.capa.CapaStatus;
import io.poka.capa.EffectivenessCriterion;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A stored corrective or preventive action with its criterion and the state of its effectiveness window. */
@Entity
@Table(name = "capa", schema = "capa")
public class Capa extends PanacheEntityBase {
    @Id
    public UUID id;
    /** CAPA-yyyy-nnnn, counted per year of opening. */
    @Column(nullable = false)
    public String number;
    @Column(nullable = false)
    public String kind;
    @Column(nullable = false)
    public String title;
    public String description;
    @Column(name = "ncr_id")
    public UUID ncrId;
    @Column(nullable = false)
    public String owner;
    @Column(name = "due_at", nullable = false)
    public Instant dueAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CapaStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "criterion_kind")
    public EffectivenessCriterion.Kind criterionKind;
    @Column(name = "criterion_line")
    public String criterionLine;
    @Column(name = "criterion_variable")
    public String criterionVariable;
    @Column(name = "criterion_defect_code")
    public String criterionDefectCode;
    @Column(name = "criterion_product")
    public String criterionProduct;
    @Column(name = "criterion_min_cpk")
    public Double criterionMinCpk;
    @Column(name = "criterion_days")
    public Integer criterionDays;
    @Column(name = "criterion_count")
    public Integer criterionCount;
    @Column(name = "window_start")
    public Instant windowStart;
    @Column(name = "implemented_at")
    public Instant implementedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "closed_by")
    public String closedBy;
    @Column(name = "reopen_count", nullable = false)
    public int reopenCount;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;

    EffectivenessCriterion criterion() {
        return criterionKind == null ? null : new EffectivenessCriterion(criterionKind, criterionLine,
                criterionVariable, criterionDefectCode, criterionProduct, criterionMinCpk, criterionDays,
                criterionCount);
    }

    void criterion(EffectivenessCriterion c) {
        criterionKind = c == null ? null : c.kind();
        criterionLine = c == null ? null : c.line();
        criterionVariable = c == null ? null : c.variable();
        criterionDefectCode = c == null ? null : c.defectCode();
        criterionProduct = c == null ? null : c.product();
        criterionMinCpk = c == null ? null : c.minCpk();
        criterionDays = c == null ? null : c.days();
        criterionCount = c == null ? null : c.count();
    }
}
