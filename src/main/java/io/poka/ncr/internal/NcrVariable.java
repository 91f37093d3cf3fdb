package io.poka.ncr.internal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A variable that contributed to a report's signal, ranked; similar reports are found through shared variables. */
@Entity
@Table(name = "ncr_variable", schema = "ncr")
public class NcrVariable extends PanacheEntityBase {

    /** (report, variable). */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "ncr_id")
        public UUID ncrId;

        @Column(name = "variable")
        public String variable;

        public Key() {
        }

        public Key(UUID ncrId, String variable) {
            this.ncrId = ncrId;
            this.variable = variable;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(ncrId, k.ncrId) && Objects.equals(variable, k.variable);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ncrId, variable);
        }
    }

    @EmbeddedId
    public Key id;

    @Column(nullable = false)
    public int rank;
}
