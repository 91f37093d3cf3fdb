package io.poka.capa;

/**
 * Where a corrective or preventive action stands. OPEN (planned) -> IN_PROGRESS (being carried out) -> IMPLEMENTED
 * (done, not yet proven) -> EFFECTIVENESS_PENDING (the effectiveness window runs) -> CLOSED (check passed, e-signed);
 * REOPENED when the problem recurs (a failed check, a new violation or NCR) and back to IN_PROGRESS from there.
 */
public enum CapaStatus {
    OPEN, IN_PROGRESS, IMPLEMENTED, EFFECTIVENESS_PENDING, CLOSED, REOPENED
}
