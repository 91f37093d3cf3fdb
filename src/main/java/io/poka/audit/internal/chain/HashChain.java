package io.poka.audit.internal.chain;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poka.platform.Signature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash of an audit entry: SHA-256 over the UTF-8 bytes of its canonical form, a JSON object whose members are
 * (sorted by name) action, after, before, entityId, entityType, format, previousHash, printedName, reason, recordedAt,
 * sequence, signature ({meaning, printedName, signedAt, username} or null) and userId, written by
 * {@link CanonicalJson}. Because previousHash is inside, changing any entry breaks the link to every later one.
 */
public final class HashChain {
    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);
    /** Version of the canonical form, itself hashed so that a future form cannot be confused with this one. */
    public static final int FORMAT = 1;
    private static final DateTimeFormatter UTC_MICROS = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private HashChain() {
    }

    /** Times are stored and hashed at microsecond precision, the precision of PostgreSQL's timestamptz. */
    public static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** UTC ISO-8601 with exactly six fractional digits, e.g. 2026-11-29T08:15:00.123400Z. */
    public static String timestamp(Instant instant) {
        return UTC_MICROS.format(truncate(instant));
    }

    /** The exact text that is hashed. */
    public static String canonicalForm(EntryContent e) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("action", e.action());
        o.set("after", CanonicalJson.parse(e.afterJson()));
        o.set("before", CanonicalJson.parse(e.beforeJson()));
        o.put("entityId", e.entityId());
        o.put("entityType", e.entityType());
        o.put("format", FORMAT);
        o.put("previousHash", e.previousHash());
        o.put("printedName", e.printedName());
        o.put("reason", e.reason());
        o.put("recordedAt", timestamp(e.recordedAt()));
        o.put("sequence", e.sequence());
        Signature s = e.signature();
        if (s == null) {
            o.putNull("signature");
        } else {
            ObjectNode sig = o.putObject("signature");
            sig.put("meaning", s.meaning().name());
            sig.put("printedName", s.printedName());
            sig.put("signedAt", timestamp(s.signedAt()));
            sig.put("username", s.username());
        }
        o.put("userId", e.userId());
        return CanonicalJson.write(o);
    }

    /** Lower-case hex SHA-256 of the entry's canonical form. */
    public static String hash(EntryContent e) {
        return sha256Hex(canonicalForm(e).getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
