package io.poka.ncr;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How much is affected: {@code affected} is the quantity under suspicion, {@code nonconforming} the part found
 * nonconforming (never more than affected), both in {@code unit}.
 */
@Schema(name = "NcrQuantities")
public record NcrQuantities(@Schema(example = "500") BigDecimal affected, @Schema(example = "12") BigDecimal nonconforming,
        @Schema(example = "pcs") String unit) {
}
