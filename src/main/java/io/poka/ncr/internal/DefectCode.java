package io.poka.ncr.internal;

import io.poka.ncr.NcrSeverity;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One code of the hierarchical defect catalogue; a code is deactivated, never deleted, so old reports keep it. */
@Entity
@Table(name = "defect_code", schema = "ncr")
public class DefectCode extends PanacheEntityBase {
    @Id
    public String code;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(nullable = false)
    public String name;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "default_severity", nullable = false)
    public NcrSeverity defaultSeverity;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
