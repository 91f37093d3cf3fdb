/**
 * ISO 2859-1:1999 single sampling for attributes (Tables 1, 2-A, 2-B, 2-C) and the switching rules of
 * clause 9, as plain Java so that the rules can be unit-tested without Quarkus and reused by the
 * REST and persistence layers of the {@code inspections} module.
 *
 * <p>One lot, end to end:
 * <pre>{@code
 * SamplingTables tables = SamplingTables.iso2859_1_1999();
 * SwitchingState state = ...;                      // stored per product/supplier; SwitchingState.initial() at first
 * TablePlan plan = tables.plan(lotSize, InspectionLevel.II, Aql.of("1.0"), state.severity());
 * int d = ...;                                     // nonconforming units found in plan.sampleSize() units
 * boolean accepted = plan.accepts(d);
 * SwitchResult next = SwitchingRules.next(state, LotOutcome.of(plan, d, steady, reducedApproved, normalWarranted));
 * // store next.state(); publish next.event() if present; when next.state().discontinued(), stop until
 * // SwitchingRules.resume(state, "corrective action ...")
 * }</pre>
 */
package io.poka.inspections.internal.sampling;
