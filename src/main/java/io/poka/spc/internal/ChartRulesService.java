package io.poka.spc.internal;

import io.poka.platform.NotFoundProblem;
import io.poka.platform.RecordChanged;
import io.poka.platform.ValidationProblem;
import io.poka.spc.ChartRulesView;
import io.poka.spc.internal.rules.RuleSet;
import io.poka.spc.internal.rules.RunRule;
import io.poka.telemetry.TelemetryApi;
import io.poka.telemetry.VariableDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Run rules per characteristic: rule 1 (a point beyond the limits) always, the supplementary Western Electric or
 * Nelson rules only where a QA manager opts in for that characteristic, since each adds false alarms (Montgomery,
 * Introduction to SQC, 5.3.6: with the four Western Electric rules the in-control ARL falls from 370 to about 92).
 * Without a choice the catalogue's named rule set applies. Changes are audited (SpcChartRules) and take effect on the
 * next reading (the chart's state is rebuilt).
 */
@ApplicationScoped
public class ChartRulesService {
    static final String ENTITY = "SpcChartRules";
    /** Pairs that are the same test under two names: choosing both would fire twice for one pattern. */
    private static final Map<RunRule, RunRule> SAME_TEST = Map.of(RunRule.WE1, RunRule.NELSON1, RunRule.WE2,
            RunRule.NELSON5, RunRule.WE3, RunRule.NELSON6);

    /** Body of a rules choice; reason says why (kept in the audit trail). */
    public record RulesRequest(List<String> rules, @jakarta.validation.constraints.Size(max = 500) String reason) {
    }

    private final TelemetryApi telemetry;
    private final ChartRulesRepository repository;
    private final StreamingSpc streaming;
    private final Event<RecordChanged> changes;
    private final Clock clock;

    ChartRulesService(TelemetryApi telemetry, ChartRulesRepository repository, StreamingSpc streaming,
            Event<RecordChanged> changes, Clock clock) {
        this.telemetry = telemetry;
        this.repository = repository;
        this.streaming = streaming;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    public ChartRulesView rules(String line, String variable) {
        VariableDefinition v = variable(line, variable);
        return repository.find(line, variable).orElseGet(() -> new ChartRulesView(line, variable,
                Charting.locationRules(v.ruleSet()).rules().stream().map(RunRule::id).toList(), "CATALOGUE_RULE_SET",
                null, null, null));
    }

    @Transactional
    public ChartRulesView choose(String line, String variable, RulesRequest request, String user) {
        variable(line, variable);
        RuleSet chosen = validated(request);
        ChartRulesView before = repository.find(line, variable).orElse(null);
        ChartRulesView after = new ChartRulesView(line, variable, chosen.rules().stream().map(RunRule::id).toList(),
                ChartRulesRepository.SOURCE, clock.instant(), user, request.reason());
        repository.upsert(after);
        changes.fire(new RecordChanged(ENTITY, line + "/" + variable, "RULES_CHOSEN", before, after, request.reason()));
        streaming.invalidateAfterTransaction(line, variable);
        return after;
    }

    /** Back to the catalogue's named rule set. */
    @Transactional
    public ChartRulesView clear(String line, String variable, String user) {
        variable(line, variable);
        ChartRulesView before = repository.find(line, variable)
                .orElseThrow(() -> new NotFoundProblem(ENTITY, line + "/" + variable));
        repository.delete(line, variable);
        changes.fire(new RecordChanged(ENTITY, line + "/" + variable, "RULES_CLEARED", before, null,
                "back to the catalogue rule set, by " + user));
        streaming.invalidateAfterTransaction(line, variable);
        return rules(line, variable);
    }

    static RuleSet validated(RulesRequest request) {
        List<ValidationProblem.FieldError> errors = new ArrayList<>();
        if (request == null || request.rules() == null || request.rules().isEmpty()) {
            throw new ValidationProblem("rules", "choose at least rule 1 (WE1 or NELSON1)");
        }
        EnumSet<RunRule> rules = EnumSet.noneOf(RunRule.class);
        for (int i = 0; i < request.rules().size(); i++) {
            String id = request.rules().get(i);
            try {
                rules.add(RunRule.valueOf(id == null ? "" : id));
            } catch (IllegalArgumentException e) {
                errors.add(new ValidationProblem.FieldError("rules[" + i + "]", "unknown rule '" + id
                        + "'; one of WE1..WE4, NELSON1..NELSON8"));
            }
        }
        if (errors.isEmpty() && !rules.contains(RunRule.WE1) && !rules.contains(RunRule.NELSON1)) {
            errors.add(new ValidationProblem.FieldError("rules", "rule 1 (WE1 or NELSON1) is the chart's base test; "
                    + "the other rules are supplementary"));
        }
        SAME_TEST.forEach((a, b) -> {
            if (rules.contains(a) && rules.contains(b)) {
                errors.add(new ValidationProblem.FieldError("rules", a + " and " + b + " are the same test; choose one"));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationProblem("the rule choice is invalid", errors);
        }
        return new RuleSet(rules);
    }

    private VariableDefinition variable(String line, String variable) {
        return telemetry.variable(line, variable)
                .orElseThrow(() -> new NotFoundProblem("TelemetryVariable", line + "/" + variable));
    }
}
