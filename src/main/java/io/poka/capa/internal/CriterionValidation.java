package io.poka.capa.internal;

import io.poka.capa.EffectivenessCriterion;
import io.poka.platform.ValidationProblem.FieldError;
import java.util.ArrayList;
import java.util.List;

/** The parameters each kind of effectiveness criterion needs, checked before anything is stored. */
final class CriterionValidation {
    private CriterionValidation() {
    }

    static List<FieldError> errors(String prefix, EffectivenessCriterion c) {
        List<FieldError> errors = new ArrayList<>();
        if (c.kind() == null) {
            errors.add(new FieldError(prefix + ".kind", "must be one of NO_RULE_VIOLATION, CPK_AT_LEAST,"
                    + " NO_DEFECT_RECURRENCE, ANOMALY_RATE_WITHIN_TARGET"));
            return errors;
        }
        switch (c.kind()) {
            case NO_RULE_VIOLATION -> {
                text(errors, prefix + ".line", c.line());
                text(errors, prefix + ".variable", c.variable());
                positive(errors, prefix + ".days", c.days(), 3650);
            }
            case CPK_AT_LEAST -> {
                text(errors, prefix + ".line", c.line());
                text(errors, prefix + ".variable", c.variable());
                if (c.minCpk() == null || !(c.minCpk() > 0) || c.minCpk() > 10) {
                    errors.add(new FieldError(prefix + ".minCpk", "must be above 0 and at most 10"));
                }
                positive(errors, prefix + ".count", c.count(), 10_000);
            }
            case NO_DEFECT_RECURRENCE -> {
                text(errors, prefix + ".defectCode", c.defectCode());
                text(errors, prefix + ".product", c.product());
                positive(errors, prefix + ".count", c.count(), 100_000);
            }
            case ANOMALY_RATE_WITHIN_TARGET -> {
                text(errors, prefix + ".line", c.line());
                positive(errors, prefix + ".days", c.days(), 90);
            }
        }
        return errors;
    }

    private static void text(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank for this kind of criterion"));
        }
    }

    private static void positive(List<FieldError> errors, String field, Integer value, int max) {
        if (value == null || value < 1 || value > max) {
            errors.add(new FieldError(field, "must be between 1 and " + max + " for this kind of criterion"));
        }
    }
}
