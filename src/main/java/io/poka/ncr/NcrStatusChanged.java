package io.poka.ncr;

import java.time.Instant;
import java.util.UUID;

/** A report moved from one status to another (CDI event; CAPA may follow closures and cancellations). */
public record NcrStatusChanged(UUID ncrId, String number, NcrStatus from, NcrStatus to, String reason, String by,
        Instant at) {

    /** The change of a report from one status to another. */
    public static NcrStatusChanged of(UUID ncrId, String number, NcrStatus from, NcrStatus to, String reason, String by,
            Instant at) {
        return new NcrStatusChanged(ncrId, number, from, to, reason, by, at);
    }
}
