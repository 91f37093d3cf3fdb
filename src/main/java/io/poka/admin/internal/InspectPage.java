package io.poka.admin.internal;

import io.poka.inspections.InspectionFormsApi;
import io.poka.inspections.InspectionFormsApi.FormCharacteristic;
import io.poka.inspections.InspectionFormsApi.FormClass;
import io.poka.inspections.InspectionFormsApi.InspectionForm;
import io.poka.inspections.InspectionFormsApi.PlanChoice;
import io.poka.lots.LotStatus;
import io.poka.lots.LotView;
import io.poka.lots.LotsApi;
import io.poka.ncr.DefectCodeView;
import io.poka.ncr.NcrApi;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The inspector's entry form on a shop-floor tablet: the plan's current sampling and characteristics for one lot,
 * values per sample unit marked out of spec as they are typed, defect counts by code and photos; the page's script
 * keeps the draft on the tablet and submits it to the inspections API with one Idempotency-Key per draft; a failed
 * verdict can open a nonconformance report at once (defect codes from the NCR catalogue).
 */
@Path("/ui/lots/{id}/inspect")
@Produces(MediaType.TEXT_HTML)
public class InspectPage {

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance inspect(LotView lot, List<PlanChoice> plans, InspectionForm form,
                List<Group> variables, List<AttributeGroup> attributes, boolean awaiting, List<DefectCodeView> codes);
    }

    /** One VARIABLE characteristic and the sample units of its defect class (numbered from 1). */
    public record Group(FormCharacteristic characteristic, FormClass sampling, List<Integer> units) {

        /** The limits in words, e.g. "7.95 to 8.05 mm", "at most 0.2 mm". */
        public String limits() {
            FormCharacteristic c = characteristic;
            String unit = c.unit() == null ? "" : " " + c.unit();
            if (c.lsl() != null && c.usl() != null) {
                return number(c.lsl()) + " to " + number(c.usl()) + unit;
            }
            return c.lsl() != null ? "at least " + number(c.lsl()) + unit
                    : c.usl() != null ? "at most " + number(c.usl()) + unit : "no limits";
        }
    }

    /** A defect class judged by attribute and the names of its attribute characteristics. */
    public record AttributeGroup(FormClass sampling, List<String> characteristics) {
    }

    private final LotsApi lots;
    private final InspectionFormsApi forms;
    private final NcrApi ncrs;

    InspectPage(LotsApi lots, InspectionFormsApi forms, NcrApi ncrs) {
        this.lots = lots;
        this.forms = forms;
        this.ncrs = ncrs;
    }

    @GET
    @RolesAllowed({Roles.INSPECTOR, Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(hidden = true)
    public TemplateInstance inspect(@PathParam("id") UUID lotId, @QueryParam("planId") UUID planId) {
        LotView lot = lots.find(lotId).orElseThrow(() -> new NotFoundProblem("Lot", lotId));
        List<PlanChoice> plans = forms.activePlansFor(lot.product(), lot.supplier());
        UUID chosen = planId != null ? planId : plans.size() == 1 ? plans.get(0).planId() : null;
        boolean awaiting = lot.status() == LotStatus.AWAITING_INSPECTION;
        List<DefectCodeView> codes = ncrs.defectCodes().stream().filter(DefectCodeView::active).toList();
        if (chosen == null) {
            return Templates.inspect(lot, plans, null, List.of(), List.of(), awaiting, codes);
        }
        InspectionForm form = forms.form(chosen, lotId);
        List<Group> variables = form.characteristics().stream().filter(c -> "VARIABLE".equals(c.kind()))
                .map(c -> {
                    FormClass s = sampling(form, c.defectClass());
                    return new Group(c, s, java.util.stream.IntStream.rangeClosed(1, s.sampleSize()).boxed().toList());
                }).toList();
        List<AttributeGroup> attributes = form.classes().stream()
                .map(s -> new AttributeGroup(s, form.characteristics().stream()
                        .filter(c -> "ATTRIBUTE".equals(c.kind()) && c.defectClass().equals(s.defectClass()))
                        .map(FormCharacteristic::name).toList()))
                .filter(g -> !g.characteristics().isEmpty()).toList();
        return Templates.inspect(lot, plans, form, variables, attributes, awaiting, codes);
    }

    private static FormClass sampling(InspectionForm form, String defectClass) {
        return form.classes().stream().filter(s -> s.defectClass().equals(defectClass)).findFirst()
                .orElseThrow(() -> new IllegalStateException("plan " + form.planId() + " has no class " + defectClass));
    }

    /** A limit as written in the plan, without a trailing ".0". */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
