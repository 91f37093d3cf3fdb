package io.poka.spc.internal;

import io.poka.spc.AttributeChartView;
import io.poka.spc.CapabilitySummary;
import io.poka.spc.CapabilityView;
import io.poka.spc.ChartAnnotation;
import io.poka.spc.ChartView;
import io.poka.spc.ControlLimitsView;
import io.poka.spc.RuleViolated;
import io.poka.spc.SpcApi;
import io.poka.spc.internal.annotations.ChartAnnotationService;
import io.poka.spc.internal.pareto.RuleFiringPareto;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The spc module's public face for other modules. */
@ApplicationScoped
public class SpcFacade implements SpcApi {
    private final SpcService service;
    private final AttributeChartService attributeCharts;
    private final ChartRulesService rules;
    private final ChartAnnotationService annotations;
    private final RuleFiringPareto pareto;

    SpcFacade(SpcService service, AttributeChartService attributeCharts, ChartRulesService rules,
            ChartAnnotationService annotations, RuleFiringPareto pareto) {
        this.service = service;
        this.pareto = pareto;
        this.attributeCharts = attributeCharts;
        this.rules = rules;
        this.annotations = annotations;
    }

    @Override
    public io.poka.spc.ChartRulesView chartRules(String line, String variable) {
        return rules.rules(line, variable);
    }

    @Override
    public List<io.poka.spc.RuleFiringCount> ruleFiringPareto(String line, Instant from, Instant to, boolean perVariable) {
        return pareto.count(line, from, to, perVariable);
    }

    @Override
    public Optional<ControlLimitsView> currentLimits(String line, String variable) {
        return service.currentLimits(line, variable);
    }

    @Override
    public List<RuleViolated> violations(String line, String variable, Instant from, Instant to) {
        return service.violations(line, variable, from, to);
    }

    @Override
    public ChartView chart(String line, String variable, Instant from, Instant to) {
        return service.chart(line, variable, from, to, null);
    }

    @Override
    public List<ChartAnnotation> annotations(String line, String variable, Instant from, Instant to) {
        return annotations.list(line, variable, from, to);
    }

    @Override
    public CapabilityView capability(String line, String variable, Instant from, Instant to) {
        return service.capability(line, variable, from, to);
    }

    @Override
    public CapabilityView currentCapability(String line, String variable) {
        return service.currentCapability(line, variable);
    }

    @Override
    public io.poka.spc.CapabilityHistogram currentCapabilityHistogram(String line, String variable) {
        return service.currentCapabilityHistogram(line, variable);
    }

    @Override
    public List<CapabilitySummary> capabilitySummary() {
        return service.capabilitySummary();
    }

    @Override
    public List<String> attributeCharts() {
        return attributeCharts.names();
    }

    @Override
    public AttributeChartView attributeChart(String name, Instant from, Instant to) {
        return attributeCharts.chart(name, null, null, from, to, null);
    }

    @Override
    public AttributeChartView attributeChart(String name, Instant from, Instant to, Integer limitsVersion,
            Instant baselineFrom, Instant baselineTo) {
        return attributeCharts.chart(name, baselineFrom, baselineTo, from, to, limitsVersion);
    }
}
