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
}
