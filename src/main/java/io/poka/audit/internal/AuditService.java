package io.poka.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.poka.audit.AuditApi;
import io.poka.audit.AuditEntry;
import io.poka.audit.AuditQuery;
import io.poka.audit.AuditSignature;
import io.poka.audit.ChainPoint;
import io.poka.audit.ChainVerification;
import io.poka.audit.internal.chain.CanonicalJson;
import io.poka.audit.internal.chain.ChainWalk;
import io.poka.audit.internal.chain.EntryContent;
import io.poka.audit.internal.chain.HashChain;
import io.poka.platform.ValidationProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Reads and verifies the audit trail for the REST layer and for other modules (through {@link AuditApi}). */
@ApplicationScoped
class AuditService implements AuditApi {
    private static final int PAGE = 1000;
    /** A whole-chain walk reads every entry (about 18,000 per second measured): more than the default 60 s budget. */
    static final int LONG_READ_SECONDS = 3600;

    private final AuditStore store;
    private final AuditConfig config;
    private final ChainSequencer sequencer;

    AuditService(AuditStore store, AuditConfig config, ChainSequencer sequencer) {
        this.store = store;
        this.config = config;
        this.sequencer = sequencer;
    }

    @Override
    @Transactional
    public List<AuditEntry> history(String entityType, String entityId) {
        sequencer.drain();
        return store.find(AuditQuery.entity(entityType, entityId), 0, Long.MAX_VALUE, Integer.MAX_VALUE).stream()
                .map(AuditService::view).toList();
    }

    @Override
    @Transactional
    public List<AuditSignature> signatures(String entityType, String entityId) {
        sequencer.drain();
        List<AuditSignature> result = new ArrayList<>();
        for (StoredSignature s : store.signaturesOf(entityType, entityId)) {
            StoredEntry entry = entry(s.entrySequence());
            EntryContent c = entry.content();
            boolean bound = bindingProblem(s, entry) == null && HashChain.hash(c).equals(entry.hash());
            result.add(new AuditSignature(s.entrySequence(), c.entityType(), c.entityId(), c.action(),
                    s.signature().username(), s.signature().printedName(), s.signature().meaning(),
                    s.signature().signedAt(), s.entryHash(), bound));
        }
        return result;
    }

    @Override
    @Transactional
    public List<AuditEntry> search(AuditQuery query, long afterSequence, int limit) {
        if (limit < 1 || limit > config.searchMaxLimit()) {
            throw new ValidationProblem("limit", "must be between 1 and " + config.searchMaxLimit());
        }
        sequencer.drain();
        return store.find(query, afterSequence, Long.MAX_VALUE, limit).stream().map(AuditService::view).toList();
    }

    @Override
    @Transactional
    public ChainPoint head() {
        sequencer.drain();
        return store.head();
    }

    /** Runs in the caller's transaction if there is one, else in its own with a budget for long walks. */
    @Override
    public ChainVerification verify(Long fromSequence, Long toSequence) {
        sequencer.drain();
        if (QuarkusTransaction.isActive()) {
            return walk(fromSequence, toSequence);
        }
        return QuarkusTransaction.requiringNew().timeout(LONG_READ_SECONDS).call(() -> walk(fromSequence, toSequence));
    }

    private ChainVerification walk(Long fromSequence, Long toSequence) {
        ChainPoint head = store.head();
        long from = fromSequence == null ? 1 : fromSequence;
        long to = toSequence == null ? head.sequence() : toSequence;
        if (from < 1 || to < from - 1 || to > head.sequence()) {
            throw new ValidationProblem("from/to", "need 1 <= from <= to + 1 and to <= " + head.sequence()
                    + " (the last sequence number)");
        }
        String anchor = from == 1 ? HashChain.GENESIS : store.storedHash(from - 1);
        ChainWalk walk = new ChainWalk(from, anchor == null ? "missing entry " + (from - 1) : anchor);
        Map<Long, StoredEntry> signed = new HashMap<>();
        store.walk(from, to, PAGE, e -> {
            if (walk.accept(e.content(), e.hash()) && e.content().signature() != null) {
                signed.put(e.content().sequence(), e);
            }
        });
        if (toSequence == null) {
            walk.checkHead(head.sequence(), head.hash());
        } else {
            walk.checkComplete(to);
        }
        List<StoredSignature> signatures = store.signaturesInRange(from, to);
        ChainVerification.SignatureBreak brokenSignature = null;
        for (StoredSignature s : signatures) {
            StoredEntry entry = signed.get(s.entrySequence());
            if (entry == null) {
                entry = entry(s.entrySequence());
            }
            String problem = bindingProblem(s, entry);
            if (problem != null) {
                brokenSignature = new ChainVerification.SignatureBreak(s.id(), s.entrySequence(), problem,
                        entry.hash(), s.entryHash());
                break;
            }
        }
        return new ChainVerification(walk.firstBreak() == null && brokenSignature == null, from, to, walk.checked(),
                signatures.size(), walk.firstBreak(), brokenSignature);
    }

    /** Null when the signature is bound to this entry's hash and the entry records this very signature. */
    static String bindingProblem(StoredSignature s, StoredEntry entry) {
        if (!s.entryHash().equals(entry.hash())) {
            return "BOUND_HASH_MISMATCH";
        }
        if (!Objects.equals(s.signature(), entry.content().signature())) {
            return "MANIFESTATION_MISMATCH";
        }
        return null;
    }

    private StoredEntry entry(long sequence) {
        List<StoredEntry> found = store.find(AuditQuery.all(), sequence - 1, sequence, 1);
        if (found.isEmpty()) {
            throw new IllegalStateException("audit.signature references entry " + sequence + " which is missing");
        }
        return found.get(0);
    }

    static AuditEntry view(StoredEntry stored) {
        EntryContent c = stored.content();
        JsonNode before = CanonicalJson.parse(c.beforeJson());
        JsonNode after = CanonicalJson.parse(c.afterJson());
        return new AuditEntry(c.sequence(), c.recordedAt(), c.userId(), c.printedName(), c.entityType(), c.entityId(),
                c.action(), c.beforeJson() == null ? null : before, c.afterJson() == null ? null : after,
                changes(before, after), c.reason(), c.signature(), c.previousHash(), stored.hash());
    }

    /** The top-level fields whose values differ; a state that is not an object counts as one field named "$". */
    static List<AuditEntry.FieldChange> changes(JsonNode before, JsonNode after) {
        if (!(before.isObject() || before.isNull()) || !(after.isObject() || after.isNull())) {
            return before.equals(after) ? List.of() : List.of(new AuditEntry.FieldChange("$", before, after));
        }
        TreeSet<String> fields = new TreeSet<>();
        before.fieldNames().forEachRemaining(fields::add);
        after.fieldNames().forEachRemaining(fields::add);
        List<AuditEntry.FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            JsonNode b = before.get(field);
            JsonNode a = after.get(field);
            if (!Objects.equals(b, a)) {
                changes.add(new AuditEntry.FieldChange(field, b, a));
            }
        }
        return changes;
    }
}
