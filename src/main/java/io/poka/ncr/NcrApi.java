package io.poka.ncr;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What other modules (CAPA, reports, the admin UI) may read about nonconformance reports; all reads run in the
 * caller's transaction. Writes go through the REST API, where they are validated, signed where needed and audited.
 */
public interface NcrApi {

    /** One report by id. */
    Optional<NcrView> find(UUID id);

    /** One report by its number (NCR-2026-0001). */
    Optional<NcrView> findByNumber(String number);

    /**
     * A search; null members do not filter. {@code defectCode} matches the code and every code below it in the
     * catalogue; {@code statuses} empty or null means every status; the opened range is [openedFrom, openedTo);
     * {@code text} matches number, title or source reference (case-insensitive, contained); {@code page} from 0.
     */
    record NcrQuery(String text, Set<NcrStatus> statuses, NcrSource source, String defectCode, String product,
            String line, Instant openedFrom, Instant openedTo, int page, int size) {

        /** Every report of one defect code (and its sub-codes), first page of {@code size}. */
        public static NcrQuery ofDefectCode(String defectCode, int size) {
            return new NcrQuery(null, null, null, defectCode, null, null, null, null, 0, size);
        }
    }

    /** One page of a search, newest reports first; {@code total} counts every match. */
    record NcrPage(List<NcrView> items, int page, int size, long total) {
    }

    /** Searches reports, newest first (400 problem for a page below 0 or a size outside 1..max-page-size). */
    NcrPage search(NcrQuery query);

    /**
     * Every report opened in [from, to) (either bound may be null), oldest first, unpaged: the input of ageing,
     * on-time and cost-of-poor-quality-per-month reports.
     */
    List<NcrView> openedBetween(Instant from, Instant to);

    /** Every report not yet CLOSED or CANCELLED, oldest first (NCR ageing). */
    List<NcrView> open();

    /**
     * For a Pareto of defect codes: per defect code, the reports opened in [from, to), their nonconforming quantity
     * and their cost; {@code product} and {@code line} filter when not null; most reports first.
     */
    record DefectCount(String defectCode, String name, long count, BigDecimal nonconformingQuantity,
            BigDecimal cost) {
    }

    /** Counts and costs per defect code (see {@link DefectCount}); CANCELLED reports are not counted. */
    List<DefectCount> defectCounts(Instant from, Instant to, String product, String line);

    /** The defect catalogue, top codes first, each followed by its sub-codes (depth first, by code). */
    List<DefectCodeView> defectCodes();

    /** One defect code. */
    Optional<DefectCodeView> defectCode(String code);

    /**
     * A past report similar to another: what it has in common ({@code matchedOn}: DEFECT_CODE, LINE, PRODUCT,
     * VARIABLE), the cause found and the CAPAs linked to it (from {@link CapaReferences}, empty without a CAPA module).
     */
    record SimilarNcr(NcrView ncr, List<String> matchedOn, String rootCause, List<CapaReferences.CapaReference> capas) {
    }

    /** Up to {@code limit} earlier reports most similar to the given one, most shared traits first. */
    List<SimilarNcr> similar(UUID ncrId, int limit);
}
