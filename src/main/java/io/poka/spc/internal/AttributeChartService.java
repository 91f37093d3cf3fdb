package io.poka.spc.internal;

import io.agroal.api.AgroalDataSource;
import io.poka.platform.ConflictProblem;
import io.poka.platform.RecordChanged;
import io.poka.spc.AttributeChartView;
import io.poka.spc.AttributePointView;
import io.poka.platform.ValidationProblem;
import io.poka.spc.internal.chart.AttributeChart;
import io.poka.spc.internal.chart.AttributeSample;
import io.poka.spc.internal.chart.ChartMonitor;
import io.poka.spc.internal.chart.ChartType;
import io.poka.spc.internal.chart.ControlLimits;
import io.poka.spc.internal.rules.RuleSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * p, np, c and u charts over inspection counts posted over REST. Limits are estimated (phase I) from a baseline
 * range of the chart's own samples on each query and the queried range is evaluated against them with the
 * default run rules of the chart type; they are not frozen or versioned like the variables charts' limits.
 */
@ApplicationScoped
public class AttributeChartService {
    private static final Set<ChartType> TYPES = Set.of(ChartType.P, ChartType.NP, ChartType.C, ChartType.U);

    /** One inspection count: nonconforming units (p, np) or nonconformities (c, u) in {@code size} units. */
    public record SampleRequest(String chartType, Double count, Double size, Instant sampledAt) {
    }

    private final AgroalDataSource dataSource;
    private final Event<RecordChanged> changes;

    AttributeChartService(AgroalDataSource dataSource, Event<RecordChanged> changes) {
        this.dataSource = dataSource;
        this.changes = changes;
    }

    @Transactional
    public UUID record(String name, SampleRequest s) {
        if (s == null || s.chartType() == null) {
            throw new ValidationProblem("chartType", "must be P, NP, C or U");
        }
        ChartType type = type(s.chartType());
        if (s.count() == null || !(s.count() >= 0) || !Double.isFinite(s.count())) {
            throw new ValidationProblem("count", "must be a number >= 0");
        }
        if (s.size() == null || !(s.size() > 0) || !Double.isFinite(s.size())) {
            throw new ValidationProblem("size", "must be a positive number");
        }
        if ((type == ChartType.P || type == ChartType.NP) && s.count() > s.size()) {
            throw new ValidationProblem("count", "nonconforming units cannot exceed the units inspected");
        }
        if (s.sampledAt() == null) {
            throw new ValidationProblem("sampledAt", "is required");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new ValidationProblem("name", "must be a non-blank string of at most 200 characters");
        }
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "select chart_type from spc.attribute_sample where chart_name = ? limit 1")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && !rs.getString(1).equals(type.name())) {
                        throw new ConflictProblem("spc/attribute-chart-type",
                                "chart '" + name + "' is a " + rs.getString(1) + " chart, not " + type);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into spc.attribute_sample "
                    + "(id, chart_name, chart_type, count, size, sampled_at) values (?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, id);
                ps.setString(2, name);
                ps.setString(3, type.name());
                ps.setDouble(4, s.count());
                ps.setDouble(5, s.size());
                ps.setTimestamp(6, Timestamp.from(s.sampledAt()));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        changes.fire(new RecordChanged("SpcAttributeSample", id.toString(), "CREATED", null, s, null));
        return id;
    }

    @Transactional
    public AttributeChartView chart(String name, Instant baselineFrom, Instant baselineTo, Instant from, Instant to) {
        List<Row> baseline = rows(name, baselineFrom, baselineTo);
        if (baseline.isEmpty()) {
            throw new ValidationProblem("baselineFrom", "no samples of chart '" + name + "' in the baseline range");
        }
        ChartType type = baseline.get(0).type();
        AttributeChart family = new AttributeChart(type);
        List<ControlLimits> limits;
        try {
            limits = family.estimate(baseline.stream().map(Row::sample).toList());
        } catch (IllegalArgumentException e) {
            throw new ValidationProblem("baselineFrom", e.getMessage());
        }
        ChartMonitor<AttributeSample> monitor = family.monitors(limits).get(0);
        ChartEvaluator<AttributeSample> evaluator = new ChartEvaluator<>(monitor, RuleSet.defaultFor(type));
        List<AttributePointView> points = new ArrayList<>();
        for (Row r : rows(name, from, to)) {
            evaluator.accept(r.time().toEpochMilli(), r.sample()).ifPresent(e -> points.add(new AttributePointView(
                    r.time(), r.sample().count(), r.sample().size(), e.point().value(), e.point().center(),
                    e.point().lcl(), e.point().ucl(), e.violations().stream().map(v -> v.ruleId()).toList())));
        }
        return new AttributeChartView(name, type.name(), baselineFrom, baselineTo, baseline.size(),
                limits.get(0).center(), points);
    }

    /** Names of the charts that have samples, sorted. */
    @Transactional
    public List<String> names() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select distinct chart_name from spc.attribute_sample order by chart_name limit 1000");
                ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Row(ChartType type, AttributeSample sample, Instant time) {
    }

    private List<Row> rows(String name, Instant from, Instant to) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select chart_type, count, size, sampled_at from spc.attribute_sample where chart_name = ? "
                        + "and sampled_at >= ? and sampled_at < ? order by sampled_at, id limit 100000")) {
            ps.setString(1, name);
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(ChartType.valueOf(rs.getString(1)), new AttributeSample(rs.getDouble(2),
                            rs.getDouble(3)), rs.getTimestamp(4).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ChartType type(String name) {
        try {
            ChartType t = ChartType.valueOf(name.trim().toUpperCase());
            if (TYPES.contains(t)) {
                return t;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ValidationProblem("chartType", "must be P, NP, C or U");
    }
}
