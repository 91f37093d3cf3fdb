package io.poka.admin.internal;

import io.poka.lots.LotStatus;
import io.poka.lots.LotsApi;
import io.poka.lots.LotsApi.LotPage;
import io.poka.lots.LotsApi.LotQuery;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Lot search for QA: by text, status, product, line, supplier and creation date, held lots counted up front. */
@Path("/ui/lots")
@Produces(MediaType.TEXT_HTML)
public class LotsPage {
    static final int PAGE_SIZE = 25;

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance lots(Search search, LotPage result, Pager pager, long onHold,
                long quarantined, List<LotStatus> statuses, String problem);
    }

    /** Paging of a result: page counts from 1 here; previous and next are links, null at the ends. */
    public record Pager(int page, long pages, String previous, String next) {

        static Pager of(Search search, LotPage result) {
            long pages = Math.max(1, (result.total() + result.size() - 1) / result.size());
            return new Pager(result.page() + 1, pages, result.page() > 0 ? search.pageLink(result.page() - 1) : null,
                    result.page() + 1 < pages ? search.pageLink(result.page() + 1) : null);
        }
    }

    /** The search as typed (kept for the form and the paging links); dates are whole UTC days, both inclusive. */
    public record Search(String q, String status, String product, String line, String supplier, String createdFrom,
            String createdTo, int page) {

        /** This search on another page, as a link. */
        public String pageLink(int target) {
            List<String> parts = new ArrayList<>();
            add(parts, "q", q);
            add(parts, "status", status);
            add(parts, "product", product);
            add(parts, "line", line);
            add(parts, "supplier", supplier);
            add(parts, "createdFrom", createdFrom);
            add(parts, "createdTo", createdTo);
            parts.add("page=" + target);
            return "/ui/lots?" + String.join("&", parts);
        }

        private static void add(List<String> parts, String name, String value) {
            if (value != null && !value.isBlank()) {
                parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }

    private final LotsApi lots;

    LotsPage(LotsApi lots) {
        this.lots = lots;
    }

    @GET
    @RolesAllowed("**")
    @Operation(hidden = true)
    public TemplateInstance search(@QueryParam("q") String q, @QueryParam("status") String status,
            @QueryParam("product") String product, @QueryParam("line") String line,
            @QueryParam("supplier") String supplier, @QueryParam("createdFrom") String createdFrom,
            @QueryParam("createdTo") String createdTo, @QueryParam("page") Integer page) {
        Search search = new Search(q, status, product, line, supplier, createdFrom, createdTo,
                page == null || page < 0 ? 0 : page);
        long onHold = lots.search(LotQuery.inStatus(LotStatus.ON_HOLD, 1)).total();
        long quarantined = lots.search(LotQuery.inStatus(LotStatus.QUARANTINED, 1)).total();
        List<LotStatus> statuses = Arrays.asList(LotStatus.values());
        LotPage result;
        try {
            result = lots.search(new LotQuery(blankToNull(q), status(status), blankToNull(product), blankToNull(line),
                    blankToNull(supplier), day(createdFrom, "created from", 0), day(createdTo, "created to", 1),
                    search.page(), PAGE_SIZE));
        } catch (IllegalArgumentException e) {
            LotPage none = new LotPage(List.of(), 0, PAGE_SIZE, 0);
            return Templates.lots(search, none, Pager.of(search, none), onHold, quarantined, statuses, e.getMessage());
        }
        return Templates.lots(search, result, Pager.of(search, result), onHold, quarantined, statuses, null);
    }

    private static LotStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return LotStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown status " + status + ".");
        }
    }

    /** The start of a UTC day, plus {@code plusDays} (1 makes an inclusive "to" day an exclusive bound). */
    private static Instant day(String text, String field, int plusDays) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip()).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The " + field + " date must look like 2026-11-28.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
