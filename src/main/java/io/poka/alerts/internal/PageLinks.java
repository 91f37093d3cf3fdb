package io.poka.alerts.internal;

import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;

/** The RFC 8288 Link header of a paged list: first, prev, next and last pages, the other query parameters kept. */
final class PageLinks {
    private PageLinks() {
    }

    static String of(UriInfo uri, int page, int size, long total) {
        long last = Math.max(0, (total - 1) / size);
        List<String> links = new ArrayList<>();
        links.add(link(uri, 0, size, "first"));
        if (page > 0) {
            links.add(link(uri, Math.min(page - 1, last), size, "prev"));
        }
        if (page < last) {
            links.add(link(uri, page + 1, size, "next"));
        }
        links.add(link(uri, last, size, "last"));
        return String.join(", ", links);
    }

    private static String link(UriInfo uri, long page, int size, String rel) {
        return "<" + uri.getRequestUriBuilder().replaceQueryParam("limit").replaceQueryParam("size", size)
                .replaceQueryParam("page", page).build() + ">; rel=\"" + rel + "\"";
    }
}
