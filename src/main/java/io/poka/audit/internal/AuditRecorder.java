package io.poka.audit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.audit.internal.chain.CanonicalJson;
import io.poka.audit.internal.chain.EntryContent;
import io.poka.audit.internal.chain.HashChain;
import io.poka.platform.RecordChanged;
import io.poka.platform.Signature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;

/**
 * Writes every {@link RecordChanged} into the audit journal synchronously, in the transaction of the change, so the
 * entry commits or rolls back with it; the {@link ChainSequencer} chains it after the commit. Firing outside a
 * transaction fails the change: an unaudited write must not happen.
 */
@ApplicationScoped
class AuditRecorder {
    private final AuditStore store;
    private final ChainSequencer sequencer;
    private final Actors actors;
    private final Clock clock;
    private final ObjectMapper json;

    AuditRecorder(AuditStore store, ChainSequencer sequencer, Actors actors, Clock clock, ObjectMapper json) {
        this.store = store;
        this.sequencer = sequencer;
        this.actors = actors;
        this.clock = clock;
        this.json = json;
    }

    void record(@Observes RecordChanged change) {
        Actor actor = actors.current();
        Signature s = change.signature();
        if (s != null && (s.username() == null || s.printedName() == null || s.meaning() == null
                || s.signedAt() == null)) {
            throw new IllegalArgumentException("A signature needs user name, printed name, meaning and time (11.50)");
        }
        Signature signature = s == null ? null
                : new Signature(s.username(), s.printedName(), s.meaning(), HashChain.truncate(s.signedAt()));
        store.journal(new EntryContent(0, HashChain.truncate(clock.instant()), actor.userId(), actor.printedName(),
                require(change.entityType(), "entityType"), require(change.entityId(), "entityId"),
                require(change.action(), "action"), state(change.before()), state(change.after()), change.reason(),
                signature, null));
        sequencer.wakeAfterCommit();
    }

    private String state(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return CanonicalJson.canonicalText(json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A record state cannot be serialised for the audit trail", e);
        }
    }

    private static String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("RecordChanged needs a " + name);
        }
        return value;
    }
}
