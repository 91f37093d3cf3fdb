package io.poka.spc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.poka.platform.ValidationProblem;
import io.poka.spc.internal.rules.RunRule;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartRulesChoiceTest {

    @SuppressWarnings("unchecked")
    private static List<ValidationProblem.FieldError> refused(List<String> rules) {
        return (List<ValidationProblem.FieldError>) assertThrows(ValidationProblem.class,
                () -> ChartRulesService.validated(new ChartRulesService.RulesRequest(rules, null))).extensions()
                .get("errors");
    }

    @Test
    void ruleOnePlusTheSupplementaryRulesOptedInIsAValidChoice() {
        assertEquals(EnumSet.of(RunRule.WE1, RunRule.WE2), ChartRulesService.validated(
                new ChartRulesService.RulesRequest(List.of("WE2", "WE1"), "zone rule for the slow drift")).rules());
        assertEquals(EnumSet.of(RunRule.NELSON1, RunRule.NELSON3), ChartRulesService.validated(
                new ChartRulesService.RulesRequest(List.of("NELSON1", "NELSON3"), null)).rules());
    }

    @Test
    void aChoiceWithoutRuleOneWithUnknownRulesOrWithTheSameTestTwiceIsRefusedNamingEachProblem() {
        assertEquals("rules", refused(List.of("WE2")).get(0).field());
        List<ValidationProblem.FieldError> unknown = refused(List.of("WE1", "WE9", "x"));
        assertEquals(List.of("rules[1]", "rules[2]"), unknown.stream().map(e -> e.field()).toList());
        assertEquals(1, refused(List.of("WE1", "NELSON1")).size());
        refused(List.of());
        refused(null);
    }
}
