package io.poka.ncr;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A signed material-review decision of a report: per lot, how much goes which way. */
public record DispositionRecorded(UUID ncrId, String number, List<Line> lines, String signedBy, Instant at) {

    /** One decision: {@code decision} is USE_AS_IS, REWORK, SCRAP, RETURN_TO_SUPPLIER or REGRADE. */
    public record Line(UUID lotId, String decision, BigDecimal quantity) {
    }
}
