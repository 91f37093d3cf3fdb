package io.poka.inspections.internal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the inspections module (prefix poka.inspections). */
@ConfigMapping(prefix = "poka.inspections")
public interface InspectionsConfig {

    /** Largest photo, in bytes, that may be stored with an inspection (a tablet camera's JPEG is 1-4 MB). */
    @WithDefault("8388608")
    int maxPhotoBytes();

    /** Most photos stored with one inspection. */
    @WithDefault("20")
    int maxPhotosPerInspection();
}
