package io.poka.lots.internal;

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
import java.util.UUID;

/** A parent lot went into a child lot (split, merge, consumed into); the links form a directed acyclic graph. */
@Entity
@Table(name = "genealogy_link", schema = "lots")
public class GenealogyLink extends PanacheEntityBase {

    /** How material of the parent went into the child. */
    public enum Type { SPLIT, MERGE, CONSUMED_INTO }

    /** Parent and child lot ids. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "parent_id")
        public UUID parentId;

        @Column(name = "child_id")
        public UUID childId;

        public Key() {
        }

        public Key(UUID parentId, UUID childId) {
            this.parentId = parentId;
            this.childId = childId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(parentId, k.parentId) && java.util.Objects.equals(childId, k.childId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(parentId, childId);
        }
    }

    @EmbeddedId
    public Key id;

    @Enumerated(EnumType.STRING)
    @Column(name = "link_type", nullable = false)
    public Type type;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
