package io.poka.inspections.internal;

import io.poka.inspections.internal.verdict.CharacteristicSpec;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A characteristic of one plan version: a variable with spec limits or an attribute, in a defect class. */
@Entity
@Table(name = "characteristic", schema = "inspections")
public class Characteristic extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CharacteristicSpec.Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "defect_class", nullable = false)
    public DefectClass defectClass;

    public Double nominal;
    public Double lsl;
    public Double usl;
    public String unit;

    CharacteristicSpec spec() {
        return new CharacteristicSpec(name, kind, defectClass, nominal, lsl, usl, unit);
    }
}
