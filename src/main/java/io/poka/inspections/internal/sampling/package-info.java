/**
 * ISO 2859-1:1999 single sampling for attributes (Tables 1, 2-A, 2-B, 2-C) and the switching rules of
 * clause 9, as plain Java so that the rules can be unit-tested without Quarkus and reused by the
 * REST and persistence layers of the {@code inspections} module.
 */
package io.poka.inspections.internal.sampling;
