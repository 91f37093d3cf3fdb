package io.poka.ncr.internal;

import io.poka.ncr.CapaReferences;
import io.poka.ncr.DefectCodeView;
import io.poka.ncr.NcrApi;
import io.poka.ncr.NcrApi.NcrPage;
import io.poka.ncr.NcrApi.NcrQuery;
import io.poka.ncr.NcrStatus;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The web pages of nonconformance reports (list with paging and totals, detail with evidence, containment, material
 * review and investigation, the defect catalogue); they live in the module because the detail needs its internals,
 * and every action on them goes through the module's REST API.
 */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
public class NcrPages {
    static final int PAGE_SIZE = 25;

    @CheckedTemplate(basePath = "ncr")
    static class Templates {
        static native TemplateInstance ncrs(Search search, NcrPage result, int page, long pages, String previous,
                String next, long open, List<NcrStatus> statuses, List<DefectCodeView> codes, String problem);

        static native TemplateInstance ncr(NcrDetail d, List<String> decisions, List<String> categories,
                List<CapaReferences.CapaReference> capas, String maxAttachmentMiB);

        static native TemplateInstance defectCodes(List<DefectCodeView> codes);
    }

    /** The search as typed, for the form and the paging links. */
    public record Search(String q, String status, String defectCode, String line, String product, int page) {

        public String pageLink(int target) {
            List<String> parts = new ArrayList<>();
            add(parts, "q", q);
            add(parts, "status", status);
            add(parts, "defectCode", defectCode);
            add(parts, "line", line);
            add(parts, "product", product);
            parts.add("page=" + target);
            return "/ui/ncrs?" + String.join("&", parts);
        }

        private static void add(List<String> parts, String name, String value) {
            if (value != null && !value.isBlank()) {
                parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }

    private final NcrApi api;
    private final NcrDetails details;
    private final Instance<CapaReferences> capas;
    private final NcrConfig config;

    NcrPages(NcrApi api, NcrDetails details, Instance<CapaReferences> capas, NcrConfig config) {
        this.api = api;
        this.details = details;
        this.capas = capas;
        this.config = config;
    }

    @GET
    @Path("/ncrs")
    @RolesAllowed("**")
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("status") String status,
            @QueryParam("defectCode") String defectCode, @QueryParam("line") String line,
            @QueryParam("product") String product, @QueryParam("page") Integer page) {
        Search search = new Search(q, status, defectCode, line, product, page == null || page < 0 ? 0 : page);
        long open = api.open().size();
        List<NcrStatus> statuses = Arrays.asList(NcrStatus.values());
        Set<NcrStatus> wanted = null;
        String problem = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = EnumSet.of(NcrStatus.valueOf(status));
            } catch (IllegalArgumentException e) {
                problem = "Unknown status " + status + ".";
            }
        }
        NcrPage result = problem != null ? new NcrPage(List.of(), 0, PAGE_SIZE, 0)
                : api.search(new NcrQuery(blank(q), wanted, null, blank(defectCode), blank(product), blank(line), null,
                        null, search.page(), PAGE_SIZE));
        long pages = Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        return Templates.ncrs(search, result, search.page() + 1, pages,
                search.page() > 0 ? search.pageLink(search.page() - 1) : null,
                search.page() + 1 < pages ? search.pageLink(search.page() + 1) : null, open, statuses,
                api.defectCodes(), problem);
    }

    @GET
    @Path("/ncrs/{id}")
    @RolesAllowed("**")
    @Operation(hidden = true)
    public TemplateInstance detail(@PathParam("id") UUID id) {
        NcrDetail detail = details.detail(id);
        List<CapaReferences.CapaReference> linked = new ArrayList<>();
        capas.forEach(c -> linked.addAll(c.forNcr(id)));
        return Templates.ncr(detail, Arrays.stream(NcrDisposition.Decision.values()).map(Enum::name).toList(),
                Arrays.stream(io.poka.ncr.RootCauseCategory.values()).map(Enum::name).toList(), linked,
                new java.math.BigDecimal(config.maxAttachmentBytes()).divide(java.math.BigDecimal.valueOf(1024 * 1024),
                        1, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
    }

    @GET
    @Path("/defect-codes")
    @RolesAllowed("**")
    @Operation(hidden = true)
    public TemplateInstance catalogue() {
        return Templates.defectCodes(api.defectCodes());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
