package io.poka.admin.internal;

import io.poka.platform.Roles;
import io.poka.prognostics.PrognosticsApi;
import io.poka.prognostics.RulModelInfo;
import io.poka.prognostics.UnitRul;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Remaining useful life of the units telemetry carries, so a maintenance planner sees which equipment fails first
 * (RUL with its prediction interval, from the newest model), and one unit's RUL trajectory over its cycles.
 */
@Path("/ui/rul")
@Produces(MediaType.TEXT_HTML)
public class RulPage {

    /** A table row, numbers formatted. */
    public record UnitRow(String unit, int cycles, String rul, String lower, String upper, String lastCycleAt) {
    }

    /** A registry row, numbers formatted. */
    public record ModelRow(String id, String version, String kind, int units, int window, String rmse, String nasa,
            String interval, String coverage, String fingerprint, String created) {
    }

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance rul(List<UnitRow> units, List<ModelRow> models, String level);

        static native TemplateInstance rulUnit(String unit, UnitRow now, String level, String modelVersion,
                String modelKind, String svg);
    }

    private final PrognosticsApi prognostics;

    RulPage(PrognosticsApi prognostics) {
        this.prognostics = prognostics;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
    @Operation(hidden = true)
    public TemplateInstance list() {
        List<UnitRul> units = prognostics.units();
        List<UnitRow> rows = units.stream().sorted(java.util.Comparator.comparingDouble(UnitRul::rul))
                .map(RulPage::row).toList();
        List<ModelRow> models = prognostics.models().stream().map(RulPage::model).toList();
        String level = units.isEmpty() ? "" : pct(units.get(0).intervalLevel());
        return Templates.rul(rows, models, level);
    }

    @GET
    @Path("/{unit}")
    @RolesAllowed({Roles.ADMIN, Roles.QA_MANAGER, Roles.INSPECTOR, Roles.AUDITOR})
    @Operation(hidden = true)
    public TemplateInstance unit(@PathParam("unit") String unit) {
        UnitRul r = prognostics.rul(unit, null).orElse(null);
        if (r == null) {
            return Templates.rulUnit(unit, null, "", "", "", "");
        }
        return Templates.rulUnit(unit, row(r), pct(r.intervalLevel()), r.modelVersion(), r.modelKind(),
                SvgCharts.rulTrajectory(r.trajectory()));
    }

    static UnitRow row(UnitRul r) {
        return new UnitRow(r.unit(), r.cycles(), num(r.rul()), num(r.lower()), num(r.upper()), r.lastCycleAt().toString());
    }

    static ModelRow model(RulModelInfo m) {
        return new ModelRow(m.id().toString(), m.modelVersion(), m.kind(), m.units(), m.window(),
                String.format(Locale.ROOT, "%.2f ± %.2f", m.validation().rmseMean(), m.validation().rmseStd()),
                String.format(Locale.ROOT, "%.0f ± %.0f", m.validation().nasaScorePer100Mean(),
                        m.validation().nasaScorePer100Std()),
                String.format(Locale.ROOT, "[%+.1f, %+.1f]", m.validation().intervalResidualLower(),
                        m.validation().intervalResidualUpper()),
                pct(m.validation().intervalCoverage()), m.dataFingerprint().substring(0, 12),
                m.createdAt() + " by " + m.createdBy());
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.0f %%", v * 100) : "–";
    }
}
