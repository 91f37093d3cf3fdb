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
}
