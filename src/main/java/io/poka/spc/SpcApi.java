package io.poka.spc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What other modules may ask spc: the limits in force and the violations found. */
public interface SpcApi {

    /** The newest frozen limits of a variable, if any. */
    Optional<ControlLimitsView> currentLimits(String line, String variable);

    /** Stored violations with a point in [from, to), oldest first (a continuing pattern is one stored violation). */
    List<RuleViolated> violations(String line, String variable, Instant from, Instant to);
}
