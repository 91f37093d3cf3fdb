package io.poka.ncr.internal;

import io.poka.ncr.NcrSeverity;
import io.poka.ncr.NcrSource;
import io.poka.ncr.NcrStatus;
import io.poka.ncr.RootCauseCategory;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A nonconformance report as stored: what was found, where, how bad, who owns it, and where it stands. */
@Entity
@Table(name = "ncr", schema = "ncr")
public class NcrRecord extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NcrStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NcrSource source;

    @Column(name = "source_reference")
    public String sourceReference;

    @Column(name = "source_system")
    public String sourceSystem;

    @Column(nullable = false)
    public String title;

    public String description;
    public String line;
    public String product;

    @Column(name = "defect_code", nullable = false)
    public String defectCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NcrSeverity severity;

    @Column(name = "risk_severity")
    public Integer riskSeverity;

    @Column(name = "risk_occurrence")
    public Integer riskOccurrence;

    @Column(name = "risk_detection")
    public Integer riskDetection;

    @Column(name = "qty_affected", precision = 19, scale = 6)
    public BigDecimal quantityAffected;

    @Column(name = "qty_nonconforming", precision = 19, scale = 6)
    public BigDecimal quantityNonconforming;

    public String unit;

    @Column(nullable = false, precision = 19, scale = 2)
    public BigDecimal cost;

    @Column(nullable = false)
    public String currency;

    @Column(nullable = false)
    public String owner;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "signal_from")
    public Instant signalFrom;

    @Column(name = "signal_to")
    public Instant signalTo;

    /** The evidence snapshot taken at opening, as JSON text. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String evidence;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "opened_by", nullable = false)
    public String openedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "root_cause_category")
    public RootCauseCategory rootCauseCategory;

    @Column(name = "root_cause")
    public String rootCause;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
