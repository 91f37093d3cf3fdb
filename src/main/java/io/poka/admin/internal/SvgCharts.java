package io.poka.admin.internal;

import io.poka.inspections.DefectClassCount;
import io.poka.prognostics.RulPoint;
import io.poka.spc.CapabilityHistogram;
import io.poka.spc.RuleFiringCount;
import java.util.List;
import java.util.Locale;

/**
 * Small static charts drawn as inline SVG on the server (capability histogram, Pareto of rule firings and of defect
 * classes, RUL trajectory): they need no zoom or live update, so no script; the numbers come from the modules' APIs unchanged and the
 * page adds no statistics.
 */
final class SvgCharts {
    private static final String BAR = "#56b4e9";
    private static final String CURVE = "#0072b2";
    private static final String SPEC = "#cc79a7";
    private static final String CUMULATIVE = "#d55e00";

    private SvgCharts() {
    }

    /** Bars of the readings, the fitted normal curve (overall sigma) and the specification limits as labelled lines. */
    static String histogram(CapabilityHistogram h) {
        int w = 420;
        int ht = 220;
        int left = 40;
        int right = 12;
        int top = 22;
        int bottom = 30;
        double lo = h.low();
        double hi = h.high();
        double ymax = h.maxHeight() * 1.1;
        double pw = w - left - right;
        double ph = ht - top - bottom;
        java.util.function.DoubleUnaryOperator x = v -> left + (v - lo) / (hi - lo) * pw;
        java.util.function.DoubleUnaryOperator y = v -> top + ph - v / ymax * ph;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"histogram-svg\" viewBox=\"0 0 ").append(w).append(' ')
                .append(ht).append("\" role=\"img\" aria-labelledby=\"histogram-title\"><title id=\"histogram-title\">")
                .append("Histogram of the ").append(h.capability().n()).append(" readings with the fitted normal curve")
                .append(" and the specification limits</title>");
        s.append(line(left, top + ph, left + pw, top + ph, "#1b1f24", null));
        for (int i = 0; i < h.counts().length; i++) {
            double x0 = x.applyAsDouble(h.edges()[i]);
            double x1 = x.applyAsDouble(h.edges()[i + 1]);
            double y0 = y.applyAsDouble(h.counts()[i]);
            s.append(String.format(Locale.ROOT, "<rect class=\"histogram-bar\" data-count=\"%d\" x=\"%.1f\" y=\"%.1f\" "
                    + "width=\"%.1f\" height=\"%.1f\" fill=\"%s\" stroke=\"#ffffff\"><title>%s to %s: %d</title></rect>",
                    h.counts()[i], x0, y0, Math.max(0.5, x1 - x0), top + ph - y0, BAR, ChartFormats.num(h.edges()[i]),
                    ChartFormats.num(h.edges()[i + 1]), h.counts()[i]));
        }
        if (h.curveX().length > 0) {
            s.append("<polyline class=\"normal-curve\" fill=\"none\" stroke=\"").append(CURVE)
                    .append("\" stroke-width=\"2\" points=\"");
            for (int i = 0; i < h.curveX().length; i++) {
                s.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(h.curveX()[i]),
                        y.applyAsDouble(h.curveY()[i])));
            }
            s.append("\"/>");
        }
        spec(s, "LSL", h.capability().lsl(), x, top, ph);
        spec(s, "USL", h.capability().usl(), x, top, ph);
        s.append(text(left, ht - 8, ChartFormats.num(lo), "start"));
        s.append(text(left + pw, ht - 8, ChartFormats.num(hi), "end"));
        s.append(text(4, top + 4, String.valueOf((long) Math.floor(ymax)), "start"));
        return s.append("</svg>").toString();
    }

    private static void spec(StringBuilder s, String name, Double value, java.util.function.DoubleUnaryOperator x,
            double top, double ph) {
        if (value == null) {
            return;
        }
        double px = x.applyAsDouble(value);
        s.append(String.format(Locale.ROOT, "<line class=\"spec-line\" data-spec=\"%s\" data-value=\"%s\" x1=\"%.1f\" "
                + "y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>",
                name, value, px, top - 6, px, top + ph, SPEC));
        // LSL's label runs right of its line, USL's left of it, so neither leaves the drawing at its edge
        boolean upper = "USL".equals(name);
        s.append(text(px + (upper ? -2 : 2), top - 10, name + " " + ChartFormats.num(value), upper ? "end" : "start"));
    }

    /** One bar of a Pareto chart: its label, the value its data attribute names, its count and cumulative share. */
    record ParetoBar(String label, String key, long count, double cumulativeShare) {
    }

    /** Bars of firings, most first, with the cumulative share as a line against a 0..100 % right axis. */
    static String pareto(List<RuleFiringCount> bars, boolean perVariable) {
        return pareto(bars.stream().map(b -> new ParetoBar(ChartFormats.rule(b.ruleId()) + (perVariable ? " "
                + b.variable() : ""), b.ruleId(), b.firings(), b.cumulativeShare())).toList(), perVariable,
                "pareto-svg", "Pareto chart of rule firings: bars by firings, most first, line the cumulative share",
                "rule", "firings");
    }

    /** Bars of nonconforming units per defect class, most first, with the cumulative share. */
    static String defectPareto(List<DefectClassCount> bars) {
        return pareto(bars.stream().map(b -> new ParetoBar(b.defectClass(), b.defectClass(), b.nonconforming(),
                b.cumulativeShare())).toList(), false, "defect-pareto-svg", "Pareto chart of defect classes: bars by "
                + "nonconforming units, most first, line the cumulative share", "defect-class", "nonconforming");
    }

    /**
     * A Pareto chart: bars most first, labels under them (turned 45 degrees when long), the cumulative share as a
     * line against a 0..100 % right axis; each bar carries {@code data-<keyAttribute>} and {@code data-<countName>}.
     */
    private static String pareto(List<ParetoBar> bars, boolean longLabels, String id, String title,
            String keyAttribute, String countName) {
        int n = bars.size();
        int slot = 44;
        int left = 44;
        int right = 44;
        int top = 16;
        int bottom = longLabels ? 110 : 40;
        int w = Math.max(360, left + right + n * slot);
        int ht = 240 + bottom - 40;
        double ph = ht - top - bottom;
        long max = Math.max(1, bars.stream().mapToLong(ParetoBar::count).max().orElse(1));
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").append(id).append("\" width=\"").append(w)
                .append("\" height=\"").append(ht).append("\" viewBox=\"0 0 ").append(w).append(' ').append(ht)
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title\"><title id=\"").append(id)
                .append("-title\">").append(esc(title)).append("</title>");
        s.append(line(left, top + ph, left + n * slot, top + ph, "#1b1f24", null));
        StringBuilder cum = new StringBuilder();
        for (int i = 0; i < n; i++) {
            ParetoBar b = bars.get(i);
            double bh = (double) b.count() / max * ph;
            double bx = left + i * slot + 6;
            s.append(String.format(Locale.ROOT, "<rect class=\"pareto-bar\" data-%s=\"%s\" data-%s=\"%d\" "
                    + "x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"><title>%s: %d %s, cumulative "
                    + "%s</title></rect>", keyAttribute, esc(b.key()), countName, b.count(), bx, top + ph - bh,
                    slot - 12, bh, BAR, esc(b.label()), b.count(), countName,
                    ChartFormats.percent(b.cumulativeShare())));
            s.append(text(bx + (slot - 12) / 2.0, top + ph - bh - 3, String.valueOf(b.count()), "middle"));
            double lx = bx + (slot - 12) / 2.0;
            double ly = top + ph + 14;
            if (longLabels) {
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" "
                        + "transform=\"rotate(-45 %.1f %.1f)\">%s</text>", lx, ly, lx, ly, esc(b.label())));
            } else {
                s.append(text(lx, ly, b.label(), "middle"));
            }
            cum.append(String.format(Locale.ROOT, "%.1f,%.1f ", lx, top + ph - b.cumulativeShare() * ph));
        }
        if (n > 0) {
            s.append("<polyline class=\"pareto-cumulative\" fill=\"none\" stroke=\"").append(CUMULATIVE)
                    .append("\" stroke-width=\"2\" points=\"").append(cum).append("\"/>");
        }
        s.append(text(left - 4, top + 8, String.valueOf(max), "end"));
        s.append(text(left + n * slot + 4, top + 8, "100 %", "start"));
        return s.append("</svg>").toString();
    }

    /** A unit's RUL per cycle (line) with its prediction interval (band), cycle 1 at the left, RUL 0 at the bottom. */
    static String rulTrajectory(List<RulPoint> points) {
        int w = 720;
        int ht = 280;
        int left = 48;
        int right = 12;
        int top = 12;
        int bottom = 32;
        int n = points.size();
        double ymax = Math.max(10, points.stream().mapToDouble(RulPoint::upper).max().orElse(10));
        double xmax = Math.max(2, n);
        java.util.function.DoubleUnaryOperator x = c -> left + (c - 1) / (xmax - 1) * (w - left - right);
        java.util.function.DoubleUnaryOperator y = v -> top + (1 - v / ymax) * (ht - top - bottom);
        StringBuilder band = new StringBuilder();
        StringBuilder rul = new StringBuilder();
        for (RulPoint p : points) {
            band.append(band.isEmpty() ? "M" : "L").append(xy(x.applyAsDouble(p.cycle()), y.applyAsDouble(p.upper())));
            rul.append(rul.isEmpty() ? "M" : "L").append(xy(x.applyAsDouble(p.cycle()), y.applyAsDouble(p.rul())));
        }
        for (int i = n - 1; i >= 0; i--) {
            band.append('L').append(xy(x.applyAsDouble(points.get(i).cycle()), y.applyAsDouble(points.get(i).lower())));
        }
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"rul-trajectory\" viewBox=\"0 0 ").append(w).append(' ')
                .append(ht).append("\" role=\"img\" data-points=\"").append(n).append("\"><title>RUL per cycle with its"
                        + " prediction interval</title>");
        s.append("<path class=\"rul-band\" d=\"").append(band).append("Z\" fill=\"").append(BAR)
                .append("\" fill-opacity=\"0.35\"/>");
        s.append("<path class=\"rul-line\" d=\"").append(rul).append("\" fill=\"none\" stroke=\"").append(CURVE)
                .append("\" stroke-width=\"2\"/>");
        s.append(line(left, ht - bottom, w - right, ht - bottom, "#666", null));
        s.append(line(left, top, left, ht - bottom, "#666", null));
        s.append(text(left - 4, top + 8, String.format(Locale.ROOT, "%.0f", ymax), "end"));
        s.append(text(left - 4, ht - bottom, "0", "end"));
        s.append(text(left, ht - 8, "cycle 1 (RUL in cycles)", "start"));
        s.append(text(w - right, ht - 8, "cycle " + n, "end"));
        return s.append("</svg>").toString();
    }

    private static String xy(double x, double y) {
        return String.format(Locale.ROOT, "%.1f,%.1f", x, y);
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, String cls) {
        return String.format(Locale.ROOT, "<line%s x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>",
                cls == null ? "" : " class=\"" + cls + "\"", x1, y1, x2, y2, colour);
    }

    private static String text(double x, double y, String text, String anchor) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"%s\">%s</text>",
                x, y, anchor, esc(text));
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
