package io.poka.capa.internal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An overdue notice owed for a CAPA's due date: sent, skipped (no channel) or failed (retried by the next check). */
@Entity
@Table(name = "escalation", schema = "capa")
public class CapaEscalation extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "capa_id", nullable = false)
    public UUID capaId;
    @Column(name = "due_at", nullable = false)
    public Instant dueAt;
    @Column(nullable = false)
    public String recipient;
    @Column(nullable = false)
    public String status;
    public String detail;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
