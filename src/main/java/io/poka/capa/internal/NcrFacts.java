package io.poka.capa.internal;

import java.time.Instant;
import java.util.UUID;

/** What CAPA needs to know of nonconformance reports, read from the ncr module's API. */
interface NcrFacts {
    /** Whether an NCR with this id exists. */
    boolean exists(UUID ncrId);

    /** How many NCRs with the defect code on the product were opened in [from, to). */
    int count(String defectCode, String product, Instant from, Instant to);
}
