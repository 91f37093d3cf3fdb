package io.poka.lots;

/**
 * Where a lot stands in its life; the allowed moves between these live in the lots module's status machine, so
 * other modules only read the status and ask the lots module to move it.
 */
public enum LotStatus {
    CREATED, IN_PROCESS, AWAITING_INSPECTION, READY_FOR_RELEASE, RELEASED, REJECTED, SCRAPPED, ON_HOLD, QUARANTINED;

    /** True while a hold or a quarantine blocks the lot. */
    public boolean isHeld() {
        return this == ON_HOLD || this == QUARANTINED;
    }
}
