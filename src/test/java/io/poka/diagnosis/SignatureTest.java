package io.poka.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.diagnosis.internal.similar.Signature;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Similarity of events: cosine of the contribution vectors plus Jaccard of the variable sets, on constructed
 * incidents whose right ranking is known by construction.
 */
class SignatureTest {

    @Test
    void sameVariablesInTheSameProportionScoreOneAndDisjointOnesZero() {
        Signature a = new Signature(Map.of("xmeas-09", 4.0, "xmv-10", 2.0));
        Signature scaled = new Signature(Map.of("xmeas-09", 8.0, "xmv-10", 4.0));
        Signature other = new Signature(Map.of("xmeas-01", 1.0));
        assertEquals(1.0, a.similarity(scaled, 0.5), 1e-12);
        assertEquals(0.0, a.similarity(other, 0.5), 1e-12);
    }

    @Test
    void jaccardCountsSharedVariablesOverAllAffectedOnes() {
        Signature a = new Signature(Map.of("a", 1.0, "b", 1.0, "c", 1.0));
        Signature b = new Signature(Map.of("b", 1.0, "c", 1.0, "d", 1.0));
        assertEquals(2.0 / 4.0, a.jaccard(b), 1e-12);
        assertEquals(List.of("b", "c"), List.copyOf(a.shared(b)));
        // cosine: (1 + 1) / (sqrt 3 * sqrt 3)
        assertEquals(2.0 / 3.0, a.cosine(b), 1e-12);
    }

    @Test
    void pastIncidentsRankByHowCloselyTheirSignatureMatches() {
        Signature now = new Signature(Map.of("xmeas-09", 5.0, "xmv-10", 3.0, "xmeas-21", 1.0));
        Map<String, Signature> past = Map.of(
                "same-fault", new Signature(Map.of("xmeas-09", 4.5, "xmv-10", 3.2, "xmeas-21", 0.8)),
                "same-variables-other-weights", new Signature(Map.of("xmeas-09", 0.2, "xmv-10", 0.2, "xmeas-21", 5.0)),
                "one-shared", new Signature(Map.of("xmeas-09", 1.0, "xmeas-01", 3.0, "xmeas-07", 3.0)),
                "unrelated", new Signature(Map.of("xmeas-01", 2.0, "xmv-03", 1.0)));
        List<String> ranked = past.entrySet().stream()
                .sorted(Comparator.comparingDouble(e -> -now.similarity(e.getValue(), 0.5))).map(Map.Entry::getKey)
                .toList();
        assertEquals(List.of("same-fault", "same-variables-other-weights", "one-shared", "unrelated"), ranked);
        assertTrue(now.similarity(past.get("same-fault"), 0.5) > 0.95);
    }

    @Test
    void aSignatureFromNamesAndValuesAddsRepeatedNamesAndIgnoresNegativeWeights() {
        Signature s = Signature.of(List.of("a", "b", "a", "c"), List.of(1.0, 2.0, 0.5, -1.0));
        assertEquals(Map.of("a", 1.5, "b", 2.0, "c", 0.0), s.weights());
        assertEquals(List.of("a", "b"), List.copyOf(s.variables()));
    }
}
