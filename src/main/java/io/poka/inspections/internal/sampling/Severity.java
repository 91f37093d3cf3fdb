package io.poka.inspections.internal.sampling;

/**
 * Severity of inspection (ISO 2859-1:1999 clause 9): each has its own master table, and the switching
 * rules move a supplier's product between them.
 */
public enum Severity {
    NORMAL, TIGHTENED, REDUCED
}
