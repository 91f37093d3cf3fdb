package io.poka.capa.internal;

import io.poka.capa.CapaView;
import java.util.List;

/** Response bodies of the CAPA API beyond the public {@link CapaView}. */
final class CapaViews {
    private CapaViews() {
    }

    /** One page of CAPAs, by due date; {@code page} counts from 0. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "CapaPage")
    record Page(List<CapaView> items, int page, int size, long total) {
    }
}
