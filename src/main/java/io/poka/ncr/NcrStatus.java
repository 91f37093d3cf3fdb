package io.poka.ncr;

/**
 * Where a nonconformance report stands; the allowed moves live in the module's status machine
 * (OPEN -> CONTAINED -> UNDER_INVESTIGATION -> DISPOSITIONED -> CLOSED, CANCELLED from any open status).
 */
public enum NcrStatus {
    OPEN, CONTAINED, UNDER_INVESTIGATION, DISPOSITIONED, CLOSED, CANCELLED;

    /** True once the report can no longer change (CLOSED or CANCELLED). */
    public boolean isTerminal() {
        return this == CLOSED || this == CANCELLED;
    }
}
