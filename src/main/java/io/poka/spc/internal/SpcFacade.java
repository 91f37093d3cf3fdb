package io.poka.spc.internal;

import io.poka.spc.ControlLimitsView;
import io.poka.spc.RuleViolated;
import io.poka.spc.SpcApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The spc module's public face for other modules. */
@ApplicationScoped
public class SpcFacade implements SpcApi {
    private final SpcService service;

    SpcFacade(SpcService service) {
        this.service = service;
    }

    @Override
    public Optional<ControlLimitsView> currentLimits(String line, String variable) {
        return service.currentLimits(line, variable);
    }

    @Override
    public List<RuleViolated> violations(String line, String variable, Instant from, Instant to) {
        return service.violations(line, variable, from, to);
    }
}
