package io.poka.ncr;

import java.time.Instant;
import java.util.UUID;

/** A report moved from one status to another (CDI event; CAPA may follow closures and cancellations). */
public record NcrStatusChanged(UUID ncrId, String number, NcrStatus from, NcrStatus to, String reason, String by,
        Instant at) {
}
