package io.poka.scoring.internal.registry;

import io.poka.platform.ProblemException;
import java.util.List;

/**
 * A model whose variables are not all in its line's telemetry catalogue would be promoted and then score nothing
 * (streamed readings never complete its rows): 422 listing the missing variables.
 */
public class UncataloguedVariables extends ProblemException {
    public UncataloguedVariables(String line, List<String> missing) {
        super(422, "scoring/variables-not-in-catalogue", "Variables not in the line's catalogue", "Line '" + line
                + "' has no catalogue entry for " + missing.size() + " of the model's variables: " + missing);
        with("line", line);
        with("missingVariables", missing);
    }
}
