package io.poka.audit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.audit.ChainCheckpoint;
import io.poka.audit.ChainPoint;
import io.poka.audit.ChainVerification;
import io.poka.audit.internal.chain.HashChain;
import io.poka.audit.internal.keys.Ed25519Keys;
import io.poka.audit.internal.keys.ServerSigningKey;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.QualityEvents;
import io.poka.platform.RecordChanged;
import io.poka.platform.ValidationProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Signed checkpoints of the chain head. The hash chain alone cannot show a history rewritten with every later hash
 * recomputed; a checkpoint, signed with the server key and copied to Kafka (AuditCheckpointPublished) where the
 * database's superuser cannot reach it, can: the trail must still hold the checkpointed hash at that sequence.
 */
@ApplicationScoped
class AuditCheckpoints {
    static final String EVENT = "AuditCheckpointPublished";
    static final String FORMAT = "poka-audit-checkpoint/1";

    private final AuditStore store;
    private final ChainSequencer sequencer;
    private final CheckpointStore checkpoints;
    private final ServerSigningKey key;
    private final QualityEvents events;
    private final Actors actors;
    private final Clock clock;
    private final ObjectMapper json;
    private final Event<RecordChanged> changes;

    AuditCheckpoints(AuditStore store, ChainSequencer sequencer, CheckpointStore checkpoints, ServerSigningKey key, QualityEvents events,
            Actors actors, Clock clock, ObjectMapper json, Event<RecordChanged> changes) {
        this.store = store;
        this.sequencer = sequencer;
        this.checkpoints = checkpoints;
        this.key = key;
        this.events = events;
        this.actors = actors;
        this.clock = clock;
        this.json = json;
        this.changes = changes;
    }

    /**
     * Signs the current chain head (after chaining what was committed before), stores the checkpoint and queues it for
     * the quality-events topic.
     */
    @Transactional
    ChainCheckpoint publish(String trigger) {
        sequencer.drain();
        ChainPoint head = store.head();
        String id = UUID.randomUUID().toString();
        Instant now = HashChain.truncate(clock.instant());
        String publicKeySha256 = HashChain.sha256Hex(key.keys().getPublic().getEncoded());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("format", FORMAT);
        body.put("checkpointId", id);
        body.put("sequence", head.sequence());
        body.put("hash", head.hash());
        body.put("createdAt", HashChain.timestamp(now));
        body.put("publicKeySha256", publicKeySha256);
        String payload = text(body);
        String signature = Base64.getEncoder().encodeToString(key.sign(payload.getBytes(StandardCharsets.UTF_8)));
        ChainCheckpoint checkpoint = new ChainCheckpoint(id, head.sequence(), head.hash(), now,
                actors.current().userId(), trigger, payload, signature, Ed25519Keys.ALGORITHM, publicKeySha256);
        checkpoints.insert(checkpoint);
        events.publish(EVENT, "audit-chain", checkpoint);
        Map<String, Object> audited = new LinkedHashMap<>();
        audited.put("sequence", head.sequence());
        audited.put("hash", head.hash());
        audited.put("trigger", trigger);
        changes.fire(new RecordChanged("AuditCheckpoint", id, "PUBLISHED", null, audited, null));
        return checkpoint;
    }

    /**
     * A scheduled checkpoint, unless nothing but the last checkpoint's own entry (AuditCheckpoint PUBLISHED) was
     * appended since it.
     */
    @Transactional
    Optional<ChainCheckpoint> publishIfMoved() {
        sequencer.drain();
        ChainPoint head = store.head();
        Optional<ChainCheckpoint> last = checkpoints.latest();
        if (head.sequence() == 0 || last.isPresent() && head.sequence() <= last.get().sequence() + 1) {
            return Optional.empty();
        }
        return Optional.of(publish("SCHEDULED"));
    }

    @Transactional
    Optional<ChainCheckpoint> latest() {
        return checkpoints.latest();
    }

    @Transactional
    ChainCheckpoint byId(String id) {
        return checkpoints.byId(uuid(id)).orElseThrow(() -> new NotFoundProblem("AuditCheckpoint", id));
    }

    /**
     * Compares the trail with a checkpoint: its signature must verify with the server's key and the entry at its
     * sequence must still carry its hash (the chain walk then proves every entry before it).
     */
    @Transactional
    ChainVerification.CheckpointCheck check(ChainCheckpoint c) {
        boolean signed = Ed25519Keys.verify(key.keys().getPublic(), c.payload().getBytes(StandardCharsets.UTF_8),
                decode(c.signature())) && c.payload().contains("\"sequence\":" + c.sequence() + ",")
                && c.payload().contains("\"hash\":\"" + c.hash() + "\"");
        String stored = c.sequence() == 0 ? HashChain.GENESIS : store.storedHash(c.sequence());
        String problem = !signed ? "BAD_SIGNATURE" : c.hash().equals(stored) ? null : "CHECKPOINT_MISMATCH";
        return new ChainVerification.CheckpointCheck(c.id(), c.sequence(), c.hash(), c.createdAt(), signed, stored,
                problem);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ValidationProblem("checkpoint", "a checkpoint id (UUID)");
        }
    }

    private String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
