package io.poka.lots.internal;

import io.poka.lots.internal.LotViews.Edge;
import io.poka.lots.internal.LotViews.GenealogyTree;
import io.poka.lots.internal.LotViews.LinkView;
import io.poka.lots.internal.LotViews.Node;
import io.poka.platform.ConflictProblem;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.RecordChanged;
import io.poka.platform.ValidationProblem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Parent/child links between lots and the recall query over them: the links form a directed acyclic graph, so the
 * whole upstream and downstream of a lot come from two recursive CTEs.
 */
@ApplicationScoped
public class GenealogyService {
    /** Depth at which the recursive queries stop, a guard against data written behind the application's back. */
    static final int MAX_DEPTH = 1000;

    private static final String DOWNSTREAM = walk("parent_id", "child_id");
    private static final String UPSTREAM = walk("child_id", "parent_id");

    /**
     * A recursive CTE that starts at the links whose {@code from} column is the lot and follows {@code to} columns;
     * each edge is reported once, at its smallest distance from the lot.
     */
    private static String walk(String from, String to) {
        return """
                with recursive tree(parent_id, child_id, link_type, depth) as (
                    select parent_id, child_id, link_type, 1 from lots.genealogy_link where %1$s = :lot
                    union all
                    select l.parent_id, l.child_id, l.link_type, t.depth + 1
                    from lots.genealogy_link l join tree t on l.%1$s = t.%2$s
                    where t.depth < :max
                )
                select parent_id, child_id, link_type, min(depth) from tree
                group by parent_id, child_id, link_type order by min(depth), parent_id, child_id
                """.formatted(from, to);
    }

    private final EntityManager em;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final Event<RecordChanged> changes;

    GenealogyService(EntityManager em, SecurityIdentity identity, Clock clock, Event<RecordChanged> changes) {
        this.em = em;
        this.identity = identity;
        this.clock = clock;
        this.changes = changes;
    }

    /** Links {@code parentId} to {@code childId}; repeating an identical link is a no-op, a cycle a 409. */
    @Transactional
    public LinkView link(UUID parentId, UUID childId, GenealogyLink.Type type) {
        if (parentId.equals(childId)) {
            throw new ValidationProblem("childId", "a lot cannot be its own parent");
        }
        requireLot(parentId);
        requireLot(childId);
        // one writer of links at a time, so two concurrent links cannot close a cycle together
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended('lots.genealogy', 0))").getSingleResult();
        GenealogyLink existing = GenealogyLink.findById(new GenealogyLink.Key(parentId, childId));
        if (existing != null) {
            if (existing.type != type) {
                throw new ConflictProblem("lots/genealogy-link-exists", "Lot " + parentId + " is already linked to "
                        + childId + " as " + existing.type);
            }
            return view(existing);
        }
        if (edges(DOWNSTREAM, childId).stream().anyMatch(e -> e.childId().equals(parentId))) {
            throw new LotProblems.GenealogyCycle(parentId, childId);
        }
        GenealogyLink link = new GenealogyLink();
        link.id = new GenealogyLink.Key(parentId, childId);
        link.type = type;
        link.createdAt = clock.instant();
        link.createdBy = identity.getPrincipal().getName();
        link.persist();
        LinkView view = view(link);
        changes.fire(new RecordChanged("LotGenealogyLink", parentId + "->" + childId, "CREATED", null, view, null));
        return view;
    }

    /** The whole upstream and downstream graph of a lot, each edge with its distance from the lot. */
    @Transactional
    public GenealogyTree tree(UUID lotId) {
        requireLot(lotId);
        List<Edge> upstream = edges(UPSTREAM, lotId);
        List<Edge> downstream = edges(DOWNSTREAM, lotId);
        Set<UUID> ids = new LinkedHashSet<>();
        ids.add(lotId);
        for (Edge e : upstream) {
            ids.add(e.parentId());
            ids.add(e.childId());
        }
        for (Edge e : downstream) {
            ids.add(e.parentId());
            ids.add(e.childId());
        }
        List<Node> nodes = em.createQuery("from Lot l where l.id in :ids order by l.createdAt, l.id", Lot.class)
                .setParameter("ids", ids).getResultList().stream()
                .map(l -> new Node(l.id, l.sourceSystem, l.externalId, l.product, l.status)).toList();
        return new GenealogyTree(lotId, upstream, downstream, nodes);
    }

    private List<Edge> edges(String sql, UUID lotId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter("lot", lotId).setParameter("max", MAX_DEPTH)
                .getResultList();
        List<Edge> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Edge((UUID) r[0], (UUID) r[1], GenealogyLink.Type.valueOf((String) r[2]),
                    ((Number) r[3]).intValue()));
        }
        return out;
    }

    private static void requireLot(UUID id) {
        if (Lot.findById(id) == null) {
            throw new NotFoundProblem(LotService.ENTITY, id);
        }
    }

    private static LinkView view(GenealogyLink l) {
        return new LinkView(l.id.parentId, l.id.childId, l.type, l.createdAt, l.createdBy);
    }
}
