package io.poka.ncr.internal;

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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The investigation of a report, its structure (8D, 5-why or Ishikawa) stored as JSON. */
@Entity
@Table(name = "investigation", schema = "ncr")
public class Investigation extends PanacheEntityBase {

    /** How the investigation is structured. */
    public enum Method {
        EIGHT_D, FIVE_WHY, ISHIKAWA
    }

    @Id
    @Column(name = "ncr_id")
    public UUID ncrId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Method method;

    /** The structure as JSON text ({@link InvestigationContent}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String content;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Version
    public long version;
}
