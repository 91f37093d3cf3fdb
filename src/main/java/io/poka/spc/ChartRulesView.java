package io.poka.spc;

import java.time.Instant;
import java.util.List;

/**
 * The run rules a characteristic's location chart is evaluated with: {@code source} CHARACTERISTIC when chosen for it
 * over REST (who, when, why), else CATALOGUE_RULE_SET (the catalogue entry's named set; changedAt/By null). Rule ids
 * as in violations (WE1..WE4, NELSON1..NELSON8); the dispersion, EWMA and CUSUM charts keep rule 1 only.
 */
public record ChartRulesView(String line, String variable, List<String> rules, String source, Instant changedAt,
        String changedBy, String reason) {
}
