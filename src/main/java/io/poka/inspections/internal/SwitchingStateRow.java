package io.poka.inspections.internal;

import io.poka.inspections.internal.sampling.Severity;
import io.poka.inspections.internal.sampling.SwitchingState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The stored {@link SwitchingState} of one (product, supplier, defect class); supplier is empty for in-house lots. */
@Entity
@Table(name = "switching_state", schema = "inspections")
public class SwitchingStateRow extends PanacheEntityBase {

    /** Product, supplier and defect class. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "product")
        public String product;

        @Column(name = "supplier")
        public String supplier;

        @Enumerated(EnumType.STRING)
        @Column(name = "defect_class")
        public DefectClass defectClass;

        public Key() {
        }

        public Key(String product, String supplier, DefectClass defectClass) {
            this.product = product;
            this.supplier = supplier;
            this.defectClass = defectClass;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(product, k.product) && Objects.equals(supplier, k.supplier)
                    && defectClass == k.defectClass;
        }

        @Override
        public int hashCode() {
            return Objects.hash(product, supplier, defectClass);
        }
    }

    @EmbeddedId
    public Key id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    @Column(name = "switching_score", nullable = false)
    public int switchingScore;

    @Column(name = "recent_normal", nullable = false)
    public String recentNormal;

    @Column(name = "accepted_on_tightened", nullable = false)
    public int acceptedOnTightened;

    @Column(name = "not_accepted_on_tightened", nullable = false)
    public int notAcceptedOnTightened;

    @Column(nullable = false)
    public boolean discontinued;

    @Column(name = "lots_inspected", nullable = false)
    public long lotsInspected;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    SwitchingState state() {
        return new SwitchingState(severity, switchingScore, recentNormal, acceptedOnTightened, notAcceptedOnTightened,
                discontinued, lotsInspected);
    }

    void set(SwitchingState s, Instant at) {
        severity = s.severity();
        switchingScore = s.switchingScore();
        recentNormal = s.recentNormal();
        acceptedOnTightened = s.consecutiveAcceptedOnTightened();
        notAcceptedOnTightened = s.notAcceptedOnTightened();
        discontinued = s.discontinued();
        lotsInspected = s.lotsInspected();
        updatedAt = at;
    }
}
