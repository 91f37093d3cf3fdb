/**
 * ISO 2859-1:1999 / ANSI/ASQ Z1.4-2003 single sampling for attributes (Tables 1, 2-A, 2-B, and the reduced
 * Table 2-C of ISO 2859-1:1999 or Table II-C of Z1.4) and the switching rules of ISO clause 9 / Z1.4 clause 8, as plain Java so that the rules can be unit-tested without Quarkus and reused by the
 * REST and persistence layers of the {@code inspections} module.
 *
 * <p>One lot, end to end:
 * <pre>{@code
 * SamplingTables tables = SamplingTables.of(standard); // ISO_2859_1_1999 or ANSI_ASQ_Z1_4_2003
 * SwitchingState state = ...;                      // stored per product/supplier; SwitchingState.initial() at first
 * Severity sev = tables.offers(state.severity()) ? state.severity() : Severity.NORMAL;
 * TablePlan plan = tables.plan(lotSize, InspectionLevel.II, Aql.of("1.0"), sev);
 * int d = ...;                                     // nonconforming units found in plan.sampleSize() units
 * boolean accepted = plan.accepts(d);            // d < Re; on Z1.4 reduced, Ac < d < Re is accepted too
 * SwitchResult next = SwitchingRules.next(state, LotOutcome.of(plan, d, steady, reducedApproved, normalWarranted),
 *         standard);
 * // store next.state(); publish next.event() if present; when next.state().discontinued(), stop until
 * // SwitchingRules.resume(state, "corrective action ...")
 * }</pre>
 */
package io.poka.inspections.internal.sampling;
