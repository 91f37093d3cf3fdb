package io.poka.lots.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.lots.LotStatus;
import io.poka.lots.LotsApi.Genealogy;
import io.poka.lots.LotsApi.GenealogyNode;
import io.poka.lots.internal.LotViews.Edge;
import io.poka.lots.internal.LotViews.GenealogyTree;
import io.poka.lots.internal.LotViews.Node;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GenealogyNestingTest {
    private final UUID raw1 = UUID.randomUUID();
    private final UUID raw2 = UUID.randomUUID();
    private final UUID lot = UUID.randomUUID();
    private final UUID part = UUID.randomUUID();
    private final UUID assembly = UUID.randomUUID();

    private Node node(UUID id, String ext) {
        return new Node(id, "SAP", ext, "P", LotStatus.CREATED);
    }

    @Test
    void upstreamNestsParentsOfParentsAndDownstreamChildrenOfChildren() {
        GenealogyTree tree = new GenealogyTree(lot,
                List.of(new Edge(raw1, lot, GenealogyLink.Type.MERGE, 1), new Edge(raw2, raw1, GenealogyLink.Type.SPLIT, 2)),
                List.of(new Edge(lot, part, GenealogyLink.Type.CONSUMED_INTO, 1),
                        new Edge(part, assembly, GenealogyLink.Type.CONSUMED_INTO, 2)),
                List.of(node(raw1, "R1"), node(raw2, "R2"), node(lot, "L"), node(part, "PA"), node(assembly, "AS")));

        Genealogy g = GenealogyNesting.nest(tree);

        assertEquals(1, g.upstream().size());
        GenealogyNode r1 = g.upstream().get(0);
        assertEquals("R1", r1.externalId());
        assertEquals("MERGE", r1.link());
        assertEquals("R2", r1.next().get(0).externalId());
        assertTrue(r1.next().get(0).next().isEmpty());
        GenealogyNode p = g.downstream().get(0);
        assertEquals("PA", p.externalId());
        assertEquals("AS", p.next().get(0).externalId());
    }

    @Test
    void aLotReachedByTwoPathsAppearsUnderBothAndACycleStopsWithoutLooping() {
        // lot -> part, lot -> assembly, part -> assembly (a diamond) and assembly -> lot (a cycle written behind our back)
        GenealogyTree tree = new GenealogyTree(lot, List.of(),
                List.of(new Edge(lot, part, GenealogyLink.Type.SPLIT, 1), new Edge(lot, assembly, GenealogyLink.Type.SPLIT, 1),
                        new Edge(part, assembly, GenealogyLink.Type.MERGE, 2), new Edge(assembly, lot, GenealogyLink.Type.MERGE, 2)),
                List.of(node(lot, "L"), node(part, "PA"), node(assembly, "AS")));

        Genealogy g = GenealogyNesting.nest(tree);

        assertEquals(List.of("PA", "AS"), g.downstream().stream().map(GenealogyNode::externalId).toList());
        assertEquals("AS", g.downstream().get(0).next().get(0).externalId());
        assertTrue(g.downstream().get(0).next().get(0).next().isEmpty(), "the path back to the lot is cut");
        assertTrue(g.downstream().get(1).next().isEmpty());
    }
}
