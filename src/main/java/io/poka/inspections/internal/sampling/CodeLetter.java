package io.poka.inspections.internal.sampling;

/**
 * Sample size code letters of ISO 2859-1:1999; the letter, not the lot size, indexes the master tables.
 * Letter {@code S} exists only in Table 2-B (tightened) and is reached only by following its arrows.
 */
public enum CodeLetter {
    A, B, C, D, E, F, G, H, J, K, L, M, N, P, Q, R, S
}
