package io.poka.inspections.internal.sampling;

/**
 * A plan resolved from ISO 2859-1:1999 Tables 1 and 2-A/2-B/2-C, keeping both the code letter of Table 1
 * and the one actually used after following the arrows, so an auditor can retrace the lookup.
 *
 * @param lotSize          lot size N
 * @param level            inspection level used in Table 1
 * @param aql              acceptance quality limit (column of the master table)
 * @param severity         normal, tightened or reduced (which master table)
 * @param codeLetter       code letter from Table 1
 * @param planCodeLetter   code letter of the row holding the plan after following the arrows
 * @param tableSampleSize  sample size printed for {@code planCodeLetter}
 * @param sampleSize       units to inspect: {@code tableSampleSize}, or the lot size when that is smaller (100 %)
 * @param acceptanceNumber Ac
 * @param rejectionNumber  Re
 * @param fullInspection   true when the table sample size equals or exceeds the lot size
 */
public record TablePlan(
        int lotSize,
        InspectionLevel level,
        Aql aql,
        Severity severity,
        CodeLetter codeLetter,
        CodeLetter planCodeLetter,
        int tableSampleSize,
        int sampleSize,
        int acceptanceNumber,
        int rejectionNumber,
        boolean fullInspection) implements SamplingPlan {
}
