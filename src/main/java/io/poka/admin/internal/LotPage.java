package io.poka.admin.internal;

import io.poka.inspections.InspectionsApi;
import io.poka.inspections.InspectionsApi.InspectionDetail;
import io.poka.lots.LotStatus;
import io.poka.lots.LotView;
import io.poka.lots.LotsApi;
import io.poka.lots.LotsApi.Genealogy;
import io.poka.lots.LotsApi.HistoryEntry;
import io.poka.platform.NotFoundProblem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * One lot for QA: its fields, status history with signatures, genealogy, inspections with verdicts, and the actions
 * its status allows (each one a call of the lots REST API from the browser, which checks roles and signatures).
 */
@Path("/ui/lots/{id}")
@Produces(MediaType.TEXT_HTML)
public class LotPage {
    /** Disposition decisions of the lots API and the status each moves a lot to (docs/lots-and-inspections.md). */
    private static final Map<String, LotStatus> DECISIONS = Map.of("RELEASE", LotStatus.RELEASED,
            "USE_AS_IS", LotStatus.RELEASED, "REJECT", LotStatus.REJECTED, "REWORK", LotStatus.IN_PROCESS,
            "SCRAP", LotStatus.SCRAPPED, "RETURN_TO_SUPPLIER", LotStatus.REJECTED, "REGRADE", LotStatus.RELEASED);

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance lot(LotView lot, String etag, List<HistoryEntry> history, Genealogy genealogy,
                List<InspectionDetail> inspections, Actions actions);
    }

    /** What the lot's status allows; the page offers these only to roles the API accepts them from. */
    public record Actions(boolean hold, boolean quarantine, boolean lift, boolean release, boolean reject,
            List<String> decisions) {

        static Actions of(LotStatus status, Set<LotStatus> next) {
            List<String> decisions = new ArrayList<>();
            if (status.isHeld() || status == LotStatus.REJECTED) {
                for (String d : List.of("RELEASE", "USE_AS_IS", "REGRADE", "REWORK", "RETURN_TO_SUPPLIER", "REJECT", "SCRAP")) {
                    if (next.contains(DECISIONS.get(d))) {
                        decisions.add(d);
                    }
                }
            }
            return new Actions(next.contains(LotStatus.ON_HOLD), next.contains(LotStatus.QUARANTINED), status.isHeld(),
                    next.contains(LotStatus.RELEASED), next.contains(LotStatus.REJECTED), decisions);
        }

        public boolean any() {
            return hold || quarantine || lift || release || reject || !decisions.isEmpty();
        }
    }

    private final LotsApi lots;
    private final InspectionsApi inspections;

    LotPage(LotsApi lots, InspectionsApi inspections) {
        this.lots = lots;
        this.inspections = inspections;
    }

    @GET
    @RolesAllowed("**")
    @Operation(hidden = true)
    public TemplateInstance lot(@PathParam("id") UUID id) {
        LotView lot = lots.find(id).orElseThrow(() -> new NotFoundProblem("Lot", id));
        return Templates.lot(lot, "\"" + lot.version() + "\"", lots.history(id), lots.genealogy(id),
                inspections.inspectionDetailsOfLot(id), Actions.of(lot.status(), lots.nextStatuses(id)));
    }
}
