package io.poka.admin.internal;

import io.poka.platform.Roles;
import io.poka.prognostics.PrognosticsApi;
import io.poka.prognostics.RulModelInfo;
import io.poka.prognostics.RulPoint;
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
                trajectory(r.trajectory()));
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

    /** RUL (line) and interval (band) against the cycle, as inline SVG. */
    static String trajectory(List<RulPoint> points) {
        double w = 720;
        double h = 280;
        double left = 48;
        double bottom = 32;
        double top = 12;
        double right = 12;
        int n = points.size();
        double yMax = Math.max(10, points.stream().mapToDouble(RulPoint::upper).max().orElse(10));
        double xMax = Math.max(2, n);
        java.util.function.DoubleUnaryOperator x = c -> left + (c - 1) / (xMax - 1) * (w - left - right);
        java.util.function.DoubleUnaryOperator y = v -> top + (1 - v / yMax) * (h - top - bottom);
        StringBuilder band = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (RulPoint p : points) {
            band.append(band.isEmpty() ? "M" : "L").append(f(x.applyAsDouble(p.cycle()))).append(',')
                    .append(f(y.applyAsDouble(p.upper())));
            line.append(line.isEmpty() ? "M" : "L").append(f(x.applyAsDouble(p.cycle()))).append(',')
                    .append(f(y.applyAsDouble(p.rul())));
        }
        for (int i = n - 1; i >= 0; i--) {
            band.append('L').append(f(x.applyAsDouble(points.get(i).cycle()))).append(',')
                    .append(f(y.applyAsDouble(points.get(i).lower())));
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"rul-trajectory\" role=\"img\" viewBox=\"0 0 ").append(f(w)).append(' ').append(f(h))
                .append("\" width=\"100%\" data-points=\"").append(n).append("\"><title>RUL per cycle with its prediction"
                        + " interval</title>");
        svg.append("<path class=\"rul-band\" d=\"").append(band).append("Z\" fill=\"#9ecae1\" fill-opacity=\"0.45\"/>");
        svg.append("<path class=\"rul-line\" d=\"").append(line).append("\" fill=\"none\" stroke=\"#08519c\" stroke-width=\"2\"/>");
        svg.append("<line x1=\"").append(f(left)).append("\" y1=\"").append(f(h - bottom)).append("\" x2=\"")
                .append(f(w - right)).append("\" y2=\"").append(f(h - bottom)).append("\" stroke=\"#666\"/>");
        svg.append("<line x1=\"").append(f(left)).append("\" y1=\"").append(f(top)).append("\" x2=\"").append(f(left))
                .append("\" y2=\"").append(f(h - bottom)).append("\" stroke=\"#666\"/>");
        svg.append("<text x=\"").append(f(left - 4)).append("\" y=\"").append(f(top + 10))
                .append("\" text-anchor=\"end\" font-size=\"11\">").append(f(yMax)).append("</text>");
        svg.append("<text x=\"").append(f(left - 4)).append("\" y=\"").append(f(h - bottom))
                .append("\" text-anchor=\"end\" font-size=\"11\">0</text>");
        svg.append("<text x=\"").append(f(w - right)).append("\" y=\"").append(f(h - 8))
                .append("\" text-anchor=\"end\" font-size=\"11\">cycle ").append(n).append("</text>");
        svg.append("<text x=\"").append(f(left)).append("\" y=\"").append(f(h - 8))
                .append("\" font-size=\"11\">cycle 1 (RUL in cycles)</text></svg>");
        return svg.toString();
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.0f %%", v * 100) : "–";
    }
}
