package io.poka.admin.internal;

import java.util.function.LongFunction;

/**
 * Where a paged list stands: rows {@code first} to {@code last} of {@code total}, page {@code page} (from 1) of
 * {@code pages}, and links to the previous and next pages (null at the ends).
 */
public record Paging(long first, long last, long total, long page, long pages, String previous, String next) {

    /** The paging of page {@code page} (from 0) of {@code size} rows of {@code total}; {@code link} gives a page's link. */
    static Paging of(int page, int size, long total, LongFunction<String> link) {
        long pages = Math.max(1, (total + size - 1) / size);
        long first = total == 0 ? 0 : (long) page * size + 1;
        long last = Math.min(total, (long) (page + 1) * size);
        return new Paging(first, last, total, page + 1L, pages, page > 0 ? link.apply(page - 1L) : null,
                page + 1L < pages ? link.apply(page + 1L) : null);
    }
}
