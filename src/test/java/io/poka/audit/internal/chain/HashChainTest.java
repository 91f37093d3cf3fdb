package io.poka.audit.internal.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.audit.ChainVerification;
import io.poka.platform.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashChainTest {
    private static final EntryContent SIGNED = new EntryContent(1, Instant.parse("2026-11-29T08:15:00.1234Z"), "asa",
            "Åsa Öberg", "Lot", "L-1", "RELEASED", "{ \"status\": \"HELD\", \"qty\": 1.50 }",
            "{\"status\":\"RELEASED\",\"qty\":1.5}", "inspection passed",
            new Signature("asa", "Åsa Öberg", Signature.Meaning.APPROVAL, Instant.parse("2026-11-29T08:14:59.000001Z")),
            HashChain.GENESIS);

    @Test
    void canonicalFormSortsMembersDropsWhitespaceAndFixesTimestampPrecision() {
        assertEquals("{\"action\":\"RELEASED\",\"after\":{\"qty\":1.5,\"status\":\"RELEASED\"},"
                + "\"before\":{\"qty\":1.5,\"status\":\"HELD\"},\"entityId\":\"L-1\",\"entityType\":\"Lot\",\"format\":1,"
                + "\"previousHash\":\"" + HashChain.GENESIS + "\",\"printedName\":\"Åsa Öberg\","
                + "\"reason\":\"inspection passed\",\"recordedAt\":\"2026-11-29T08:15:00.123400Z\",\"sequence\":1,"
                + "\"signature\":{\"meaning\":\"APPROVAL\",\"printedName\":\"Åsa Öberg\","
                + "\"signedAt\":\"2026-11-29T08:14:59.000001Z\",\"username\":\"asa\"},\"userId\":\"asa\"}",
                HashChain.canonicalForm(SIGNED));
    }

    @Test
    void hashIsTheSha256OfTheCanonicalFormAsSha256sumComputesIt() {
        // Reference: printf '%s' '<the canonical form above>' | sha256sum (GNU coreutils 9, UTF-8 terminal)
        assertEquals("760bce7322cd0d5db340fa05cc634990d647dc7d94a83acba14774e68e5f2791", HashChain.hash(SIGNED));
        EntryContent unsigned = new EntryContent(1, Instant.parse("2026-11-29T00:00:00Z"), "system", "Poka (system)",
                "User", "u", "CREATED", null, "{\"a\":[1e2,0.0010]}", null, null, HashChain.GENESIS);
        assertEquals("f41d02e45d1036dab84b6e9b7dbc57d54e79dddfa3499a1d69021be4fec6e966", HashChain.hash(unsigned));
    }

    @Test
    void jsonbRoundTripsHashTheSame() {
        // PostgreSQL jsonb reorders keys and keeps numbers exact: these are the forms it may give back
        assertEquals(CanonicalJson.canonicalText("{\"b\":1.50,\"a\":[1E+2,-0.0,\"x\\u00e9\"]}"),
                CanonicalJson.canonicalText("{\"a\": [100, 0, \"xé\"], \"b\": 1.5}"));
        assertEquals("123456789012345678901234567890.000000000000000000001", CanonicalJson.canonicalText(
                "123456789012345678901234567890.0000000000000000000010"));
    }

    @Test
    void everyFieldAndThePreviousHashIsCovered() {
        String h = HashChain.hash(SIGNED);
        assertNotEquals(h, HashChain.hash(with(SIGNED, "x", SIGNED.previousHash(), SIGNED.signature())));
        assertNotEquals(h, HashChain.hash(with(SIGNED, SIGNED.reason(), "1".repeat(64), SIGNED.signature())));
        assertNotEquals(h, HashChain.hash(with(SIGNED, SIGNED.reason(), SIGNED.previousHash(), null)));
        assertNotEquals(h, HashChain.hash(with(SIGNED, SIGNED.reason(), SIGNED.previousHash(),
                new Signature("asa", "Åsa Öberg", Signature.Meaning.REVIEW, SIGNED.signature().signedAt()))));
    }

    @Test
    void walkAcceptsAnIntactChainAndNamesTheFirstAlteredEntry() {
        List<EntryContent> chain = chain(5);
        ChainWalk intact = walk(chain, -1);
        assertNull(intact.firstBreak());
        assertEquals(5, intact.checked());

        ChainWalk tampered = walk(chain, 3);
        ChainVerification.Break b = tampered.firstBreak();
        assertEquals(3, b.sequence());
        assertEquals("HASH_MISMATCH", b.problem());
        assertEquals(HashChain.hash(altered(chain.get(2))), b.expectedHash());
        assertEquals(HashChain.hash(chain.get(2)), b.storedHash());
    }

    @Test
    void walkNamesAMissingEntryAndATruncatedTail() {
        List<EntryContent> chain = chain(4);
        ChainWalk gap = new ChainWalk(1, HashChain.GENESIS);
        gap.accept(chain.get(0), HashChain.hash(chain.get(0)));
        assertFalse(gap.accept(chain.get(2), HashChain.hash(chain.get(2))));
        assertEquals(2, gap.firstBreak().sequence());
        assertEquals("MISSING_ENTRY", gap.firstBreak().problem());

        ChainWalk tail = walk(chain.subList(0, 3), -1);
        tail.checkHead(4, HashChain.hash(chain.get(3)));
        assertEquals("HEAD_MISMATCH", tail.firstBreak().problem());
        assertEquals(4, tail.firstBreak().sequence());
    }

    @Test
    void anEntryReHashedAfterTamperingBreaksTheLinkOfTheNext() {
        List<EntryContent> chain = chain(3);
        ChainWalk walk = new ChainWalk(1, HashChain.GENESIS);
        assertTrue(walk.accept(chain.get(0), HashChain.hash(chain.get(0))));
        EntryContent forged = altered(chain.get(1));
        assertTrue(walk.accept(forged, HashChain.hash(forged)));
        assertFalse(walk.accept(chain.get(2), HashChain.hash(chain.get(2))));
        assertEquals(3, walk.firstBreak().sequence());
        assertEquals("PREVIOUS_HASH_MISMATCH", walk.firstBreak().problem());
    }

    private static ChainWalk walk(List<EntryContent> chain, long tamperedSequence) {
        ChainWalk walk = new ChainWalk(1, HashChain.GENESIS);
        for (EntryContent e : chain) {
            EntryContent stored = e.sequence() == tamperedSequence ? altered(e) : e;
            walk.accept(stored, HashChain.hash(e));
        }
        return walk;
    }

    private static List<EntryContent> chain(int n) {
        List<EntryContent> chain = new ArrayList<>();
        String previous = HashChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            EntryContent e = new EntryContent(i, Instant.parse("2026-11-29T08:00:00Z").plusSeconds(i), "admin",
                    "Administrator", "User", "u" + i, "CREATED", null, "{\"n\":" + i + "}", null, null, previous);
            chain.add(e);
            previous = HashChain.hash(e);
        }
        return chain;
    }

    private static EntryContent altered(EntryContent e) {
        return new EntryContent(e.sequence(), e.recordedAt(), e.userId(), e.printedName(), e.entityType(),
                e.entityId(), e.action(), e.beforeJson(), "{\"n\":-1}", e.reason(), e.signature(), e.previousHash());
    }

    private static EntryContent with(EntryContent e, String reason, String previous, Signature signature) {
        return new EntryContent(e.sequence(), e.recordedAt(), e.userId(), e.printedName(), e.entityType(),
                e.entityId(), e.action(), e.beforeJson(), e.afterJson(), reason, signature, previous);
    }
}
