package io.poka.ncr.internal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A lot proposed as suspect for a report, why (source, time window, downstream) and whether it is held. */
@Entity
@Table(name = "suspect_lot", schema = "ncr")
public class SuspectLot extends PanacheEntityBase {

    /** Why a lot is suspect. */
    public enum Reason {
        /** Named by the source: the inspected lot, the lots of a complaint or supplier issue. */
        SOURCE,
        /** Produced on the report's line while the signal lasted. */
        WINDOW,
        /** Made from a suspect lot (downstream in the genealogy). */
        DOWNSTREAM,
        /** Added by hand. */
        MANUAL
    }

    /** (report, lot). */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "ncr_id")
        public UUID ncrId;

        @Column(name = "lot_id")
        public UUID lotId;

        public Key() {
        }

        public Key(UUID ncrId, UUID lotId) {
            this.ncrId = ncrId;
            this.lotId = lotId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(ncrId, k.ncrId) && Objects.equals(lotId, k.lotId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ncrId, lotId);
        }
    }

    @EmbeddedId
    public Key id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Reason reason;

    @Column(name = "via_lot_id")
    public UUID viaLotId;

    @Column(name = "status_at_proposal", nullable = false)
    public String statusAtProposal;

    @Column(name = "suspect_quantity", nullable = false, precision = 19, scale = 6)
    public BigDecimal suspectQuantity;

    @Column(nullable = false)
    public String unit;

    @Column(name = "recall_review", nullable = false)
    public boolean recallReview;

    @Column(nullable = false)
    public boolean held;

    @Column(name = "held_at")
    public Instant heldAt;

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;
}
