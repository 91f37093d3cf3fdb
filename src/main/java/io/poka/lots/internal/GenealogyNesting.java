package io.poka.lots.internal;

import io.poka.lots.LotsApi.GenealogyNode;
import io.poka.lots.internal.LotViews.Edge;
import io.poka.lots.internal.LotViews.GenealogyTree;
import io.poka.lots.internal.LotViews.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns the flat edge lists of a {@link GenealogyTree} into two nested trees, the shape people read a recall in.
 * The links form a directed acyclic graph, so a lot reached by two paths appears under both; a path never repeats a
 * lot (a guard against data written behind the application's back) and at most {@link #MAX_NODES} nodes are built.
 */
final class GenealogyNesting {
    static final int MAX_NODES = 2000;

    private final Map<UUID, Node> lots = new LinkedHashMap<>();
    private int built;

    private GenealogyNesting(GenealogyTree tree) {
        for (Node n : tree.lots()) {
            lots.put(n.id(), n);
        }
    }

    /** The upstream tree (parents of the lot, their parents...) and the downstream tree (children...). */
    static io.poka.lots.LotsApi.Genealogy nest(GenealogyTree tree) {
        GenealogyNesting upstream = new GenealogyNesting(tree);
        GenealogyNesting downstream = new GenealogyNesting(tree);
        return new io.poka.lots.LotsApi.Genealogy(tree.lotId(),
                upstream.grow(tree.lotId(), group(tree.upstream(), Edge::childId), Edge::parentId, new HashSet<>()),
                downstream.grow(tree.lotId(), group(tree.downstream(), Edge::parentId), Edge::childId, new HashSet<>()));
    }

    private static Map<UUID, List<Edge>> group(List<Edge> edges, Function<Edge, UUID> from) {
        Map<UUID, List<Edge>> out = new LinkedHashMap<>();
        for (Edge e : edges) {
            out.computeIfAbsent(from.apply(e), k -> new ArrayList<>()).add(e);
        }
        return out;
    }

    private List<GenealogyNode> grow(UUID at, Map<UUID, List<Edge>> edgesFrom, Function<Edge, UUID> to, Set<UUID> path) {
        List<GenealogyNode> out = new ArrayList<>();
        path.add(at);
        for (Edge e : edgesFrom.getOrDefault(at, List.of())) {
            UUID next = to.apply(e);
            if (path.contains(next) || built >= MAX_NODES) {
                continue;
            }
            built++;
            Node n = lots.get(next);
            out.add(new GenealogyNode(next, n == null ? null : n.externalId(), n == null ? null : n.product(),
                    n == null ? null : n.status(), e.type().name(), grow(next, edgesFrom, to, path)));
        }
        path.remove(at);
        return out;
    }
}
