/**
 * The statistical process control engine: plain Java, no framework, so the limits and verdicts an auditor sees can
 * be reproduced from the numbers alone.
 *
 * <ul>
 *   <li>{@code chart}: chart constants, phase I estimation ({@code PhaseOneStudy} over a {@code ChartFamily}),
 *       frozen versioned {@code ControlLimits}, and monitors that turn samples into {@code ChartPoint}s.</li>
 *   <li>{@code rules}: Western Electric and Nelson rules, evaluated incrementally.</li>
 *   <li>{@code capability}: Cp/Cpk (within sigma), Pp/Ppk (overall), Cpm, intervals and a normality check.</li>
 *   <li>{@code math}: the few numerical routines these need.</li>
 * </ul>
 *
 * <p>Streaming and range queries share one path: {@link io.poka.spc.internal.ChartEvaluator} and
 * {@link io.poka.spc.internal.CusumEvaluator} take samples one at a time, and evaluating a list is the same
 * sequence of steps on a fresh evaluator. Points carry the caller's index (e.g. a reading's sequence number), and
 * violations name the indices of the points that form the pattern. Stateful pieces (moving range, EWMA, run-rule
 * window) can be resumed from their last state after a restart.
 */
package io.poka.spc.internal;
