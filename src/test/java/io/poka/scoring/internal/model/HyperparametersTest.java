package io.poka.scoring.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.poka.platform.ValidationProblem;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A training request's hyperparameters are validated into a 400 problem, never a server error. */
class HyperparametersTest {

    private static Hyperparameters withHiddenSizes(List<Integer> sizes) {
        return new Hyperparameters(null, sizes, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    @Test
    void aNullHiddenLayerSizeIsAValidationProblemNotANullPointer() {
        // found by ApiFuzzTest (seed 13): {"hiddenSizes": [null]} answered 500 from List.copyOf
        ValidationProblem refused = assertThrows(ValidationProblem.class,
                () -> withHiddenSizes(Arrays.asList((Integer) null)).withDefaults());
        assertEquals(400, refused.status());
    }

    @Test
    void missingValuesTakeTheDefaults() {
        assertEquals(Hyperparameters.DEFAULTS.hiddenSizes(), withHiddenSizes(null).withDefaults().hiddenSizes());
        assertEquals(List.of(8, 4), withHiddenSizes(List.of(8, 4)).withDefaults().hiddenSizes());
    }

    @Test
    void theAugmentationIsValidatedAndModelsStoredBeforeItHadNone() {
        Hyperparameters tooMuch = new Hyperparameters(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, 5.0);
        ValidationProblem refused = assertThrows(ValidationProblem.class, tooMuch::withDefaults);
        assertEquals(List.of(new ValidationProblem.FieldError("hyperparameters.betweenRunAugmentation",
                "must be between 0 (none) and 4")), refused.extensions().get("errors"));
        assertEquals(1.0, withHiddenSizes(null).withDefaults().augmentation(), 0.0);
        // a stored model's hyperparameters are not re-defaulted: without the field it was trained without augmentation
        assertEquals(0.0, withHiddenSizes(null).augmentation(), 0.0);
    }
}
