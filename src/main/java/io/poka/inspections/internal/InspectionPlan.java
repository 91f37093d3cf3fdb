package io.poka.inspections.internal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import io.poka.inspections.internal.sampling.SamplingStandard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One immutable version of an inspection plan for a product (optionally a supplier and an operation); a change is a
 * new version, so every recorded inspection keeps the plan it was judged by.
 */
@Entity
@Table(name = "plan", schema = "inspections")
public class InspectionPlan extends PanacheEntityBase {

    /** The AQL (ISO 2859-1 plans) or acceptance number (fixed and 100 % plans) of one defect class. */
    @Embeddable
    public static class ClassLimit {
        @Enumerated(EnumType.STRING)
        @Column(name = "defect_class", nullable = false)
        public DefectClass defectClass;

        @Column(name = "aql")
        public String aql;

        @Column(name = "acceptance_number")
        public Integer acceptanceNumber;
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String product;

    /** Empty for a plan that applies to every supplier. */
    @Column(nullable = false)
    public String supplier;

    /** Empty for a plan that applies to every operation. */
    @Column(nullable = false)
    public String operation;

    @Column(name = "plan_version", nullable = false)
    public int planVersion;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanKind kind;

    /** Label of the ISO 2859-1 inspection level (e.g. II, S-3), for ISO plans. */
    @Column(name = "inspection_level")
    public String inspectionLevel;

    /** The standard whose tables and switching rules an ISO_2859_1 (table) plan follows; null for other kinds. */
    @Enumerated(EnumType.STRING)
    @Column(name = "sampling_standard")
    public SamplingStandard standard;

    @Column(name = "fixed_sample_size")
    public Integer fixedSampleSize;

    @Column(name = "reduced_approved", nullable = false)
    public boolean reducedApproved;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "plan_class", schema = "inspections", joinColumns = @JoinColumn(name = "plan_id"))
    public List<ClassLimit> classes = new ArrayList<>();
}
