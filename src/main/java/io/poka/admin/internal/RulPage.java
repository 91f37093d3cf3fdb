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
import java.util.UUID;
import io.poka.platform.ProblemException;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Remaining useful life of the units telemetry carries, so a maintenance planner sees which equipment fails first
 * (RUL with its prediction interval, from the serving model), the units of a stored data set on request, and one
 * unit's RUL trajectory over its cycles.
 */
@Path("/ui/rul")
@Produces(MediaType.TEXT_HTML)
public class RulPage {

    /** A table row, numbers formatted. */
    public record UnitRow(String unit, int cycles, String rul, String lower, String upper, String lastCycleAt) {
    }

    /** A registry row, numbers formatted; {@code serving} says whether and why it serves (empty when not). */
    public record ModelRow(String id, String version, String kind, int units, int window, String rmse, String nasa,
            String interval, String coverage, String fingerprint, String created, String cutRule, String serving) {
    }

    /** The data-set form as sent, and its answer: rows, or why there are none. */
    public record DatasetPrediction(String dataset, String unitColumn, String cycleColumn, List<UnitRow> units,
            String message) {
    }

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance rul(List<UnitRow> units, List<ModelRow> models, String level,
                DatasetPrediction prediction);

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
    public TemplateInstance list(@QueryParam("dataset") String dataset, @QueryParam("unitColumn") String unitColumn,
            @QueryParam("cycleColumn") String cycleColumn) {
        List<UnitRul> units = prognostics.units();
        List<UnitRow> rows = units.stream().sorted(java.util.Comparator.comparingDouble(UnitRul::rul))
                .map(RulPage::row).toList();
        List<ModelRow> models = prognostics.models().stream().map(RulPage::model).toList();
        String level = units.isEmpty() ? "" : pct(units.get(0).intervalLevel());
        return Templates.rul(rows, models, level, datasetPrediction(dataset, unitColumn, cycleColumn));
    }

    /** Predicts a data set's units with the serving model; a bad id, column or no model becomes a message. */
    private DatasetPrediction datasetPrediction(String dataset, String unitColumn, String cycleColumn) {
        if (dataset == null || dataset.isBlank()) {
            return new DatasetPrediction("", unitColumn, cycleColumn, List.of(), "");
        }
        try {
            UUID id = UUID.fromString(dataset.strip());
            return prognostics.predictDataset(null, id, unitColumn, cycleColumn)
                    .map(u -> new DatasetPrediction(dataset, unitColumn, cycleColumn, u.stream()
                            .sorted(java.util.Comparator.comparingDouble(UnitRul::rul)).map(RulPage::row).toList(),
                            u.isEmpty() ? "The data set has no unit." : ""))
                    .orElse(new DatasetPrediction(dataset, unitColumn, cycleColumn, List.of(),
                            "No RUL model has been trained yet."));
        } catch (IllegalArgumentException e) {
            return new DatasetPrediction(dataset, unitColumn, cycleColumn, List.of(), "Not a data set id: " + dataset);
        } catch (ProblemException e) {
            return new DatasetPrediction(dataset, unitColumn, cycleColumn, List.of(), e.getMessage());
        }
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
        return new UnitRow(r.unit(), r.cycles(), num(r.rul()), num(r.lower()), num(r.upper()),
                r.lastCycleAt() == null ? "" : r.lastCycleAt().toString());
    }

    static ModelRow model(RulModelInfo m) {
        return new ModelRow(m.id().toString(), m.modelVersion(), m.kind(), m.units(), m.window(),
                String.format(Locale.ROOT, "%.2f ± %.2f", m.validation().rmseMean(), m.validation().rmseStd()),
                String.format(Locale.ROOT, "%.0f ± %.0f", m.validation().nasaScorePer100Mean(),
                        m.validation().nasaScorePer100Std()),
                String.format(Locale.ROOT, "[%+.1f, %+.1f]", m.validation().intervalResidualLower(),
                        m.validation().intervalResidualUpper()),
                pct(m.validation().intervalCoverage()), m.dataFingerprint().substring(0, 12),
                m.createdAt() + " by " + m.createdBy(),
                m.validation().cutRule() == null ? "uniform" : m.validation().cutRule(),
                !m.served() ? "" : m.promotedAt() != null ? "serving: promoted by " + m.promotedBy() + " ("
                        + m.promotionReason() + ")" : "serving: best cross-validated RMSE");
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.0f %%", v * 100) : "–";
    }
}
