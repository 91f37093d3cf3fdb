package io.poka.capa.internal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Configuration of the CAPA module (prefix {@code poka.capa}). */
@ConfigMapping(prefix = "poka.capa")
public interface CapaConfig {

    /** How often the scheduled check evaluates running effectiveness windows and escalates overdue CAPAs ("off": never). */
    @WithDefault("15m")
    String checkInterval();

    /** E-mail addresses told once per CAPA and due date when a CAPA is overdue (unset: overdue CAPAs are only shown). */
    Optional<List<String>> escalationRecipients();

    /** Address of a CAPA for people, {id} standing for its id, put into escalation e-mails (unset: no link). */
    Optional<String> capaLink();
}
