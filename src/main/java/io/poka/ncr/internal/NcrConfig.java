package io.poka.ncr.internal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the nonconformance module. */
@ConfigMapping(prefix = "poka.ncr")
public interface NcrConfig {

    /** Reports per page when the client does not ask for a size. */
    @WithDefault("20")
    int defaultPageSize();

    /** The largest page a client may ask for. */
    @WithDefault("200")
    int maxPageSize();

    /** Currency of a report's cost when the request names none (ISO 4217 code). */
    @WithDefault("EUR")
    String currency();

    /** Days from opening to the due date when the request gives none, per severity. */
    DueDays dueDays();

    /** Days to the due date per severity. */
    interface DueDays {
        /** Days for a CRITICAL report. */
        @WithDefault("3")
        int critical();

        /** Days for a MAJOR report. */
        @WithDefault("14")
        int major();

        /** Days for a MINOR report. */
        @WithDefault("30")
        int minor();
    }

    /** The largest attachment accepted, in bytes. */
    @WithDefault("10485760")
    long maxAttachmentBytes();
}
