package io.poka.ncr.internal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The first successful response to an NCR create with an Idempotency-Key, replayed for a retry with the same body. */
@Entity
@Table(name = "idempotency_key", schema = "ncr")
public class NcrIdempotency extends PanacheEntityBase {

    /** Keys are scoped to the client that sent them. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "principal")
        public String principal;

        @Column(name = "idem_key")
        public String key;

        public Key() {
        }

        public Key(String principal, String key) {
            this.principal = principal;
            this.key = key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(principal, k.principal) && Objects.equals(key, k.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(principal, key);
        }
    }

    @EmbeddedId
    public Key id;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "response_status", nullable = false)
    public int responseStatus;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "response_body", nullable = false, columnDefinition = "jsonb")
    public String responseBody;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
