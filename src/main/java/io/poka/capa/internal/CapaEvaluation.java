package io.poka.capa.internal;

import io.poka.capa.EffectivenessCriterion;
import io.poka.capa.EvaluationView;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A stored evaluation of an effectiveness criterion (see {@link EvaluationView}). */
@Entity
@Table(name = "evaluation", schema = "capa")
public class CapaEvaluation extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "capa_id", nullable = false)
    public UUID capaId;
    @Enumerated(EnumType.STRING)
    @Column(name = "criterion_kind", nullable = false)
    public EffectivenessCriterion.Kind criterionKind;
    @Column(nullable = false)
    public String result;
    @Column(name = "measured_value")
    public Double measuredValue;
    @Column(name = "required_value")
    public Double requiredValue;
    @Column(nullable = false)
    public int observations;
    @Column(name = "data_from", nullable = false)
    public Instant dataFrom;
    @Column(name = "data_to", nullable = false)
    public Instant dataTo;
    @Column(nullable = false)
    public String detail;
    @Column(name = "evaluated_at", nullable = false)
    public Instant evaluatedAt;
    @Column(name = "evaluated_by", nullable = false)
    public String evaluatedBy;
    @Column(name = "model_version")
    public String modelVersion;

    EvaluationView view() {
        return new EvaluationView(id, capaId, criterionKind, result, measuredValue, requiredValue, observations,
                dataFrom, dataTo, detail, evaluatedAt, evaluatedBy, modelVersion);
    }
}
