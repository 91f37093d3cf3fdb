package io.poka.inspections.internal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A recorded inspection of a lot: its raw results and the verdict per defect class, as JSON documents. */
@Entity
@Table(name = "inspection", schema = "inspections")
public class Inspection extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "lot_id", nullable = false)
    public UUID lotId;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "lot_size", nullable = false)
    public int lotSize;

    /** First inspection of the lot; only these feed the switching rules (ISO 2859-1:1999 9.3). */
    @Column(nullable = false)
    public boolean original;

    @Column(nullable = false)
    public boolean accepted;

    @Column(nullable = false)
    public String inspector;

    @Column(name = "inspected_at", nullable = false)
    public Instant inspectedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String verdicts;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String measurements;
}
