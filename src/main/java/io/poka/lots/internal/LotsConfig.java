package io.poka.lots.internal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the lots module. */
@ConfigMapping(prefix = "poka.lots")
public interface LotsConfig {

    /** Lots per page when the client does not ask for a size. */
    @WithDefault("20")
    int defaultPageSize();

    /** The largest page a client may ask for. */
    @WithDefault("200")
    int maxPageSize();
}
