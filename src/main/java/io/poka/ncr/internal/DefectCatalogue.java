package io.poka.ncr.internal;

import io.poka.ncr.DefectCodeView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The defect catalogue as a tree in memory: paths from the top, the codes below a code (a search by a parent code
 * finds its children's reports), depth-first order for lists, and the cycle check for a new parent.
 */
final class DefectCatalogue {
    private final Map<String, DefectCode> byCode = new HashMap<>();
    private final Map<String, List<DefectCode>> children = new HashMap<>();

    DefectCatalogue(List<DefectCode> codes) {
        for (DefectCode c : codes) {
            byCode.put(c.code, c);
        }
        for (DefectCode c : codes) {
            children.computeIfAbsent(c.parentCode, k -> new ArrayList<>()).add(c);
        }
        children.values().forEach(l -> l.sort(Comparator.comparing(c -> c.code)));
    }

    boolean contains(String code) {
        return byCode.containsKey(code);
    }

    /** The path from the top code down to {@code code}. */
    List<String> path(String code) {
        List<String> path = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (DefectCode c = byCode.get(code); c != null && seen.add(c.code); c = byCode.get(c.parentCode)) {
            path.add(0, c.code);
        }
        return path;
    }

    /** The code and every code below it. */
    Set<String> withDescendants(String code) {
        Set<String> out = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(code));
        while (!todo.isEmpty()) {
            String c = todo.remove(todo.size() - 1);
            if (out.add(c)) {
                children.getOrDefault(c, List.of()).forEach(k -> todo.add(k.code));
            }
        }
        return out;
    }

    /** True when making {@code parent} the parent of {@code code} would close a loop. */
    boolean wouldCycle(String code, String parent) {
        return parent != null && withDescendants(code).contains(parent);
    }

    /** Every code, top codes first, each followed by its sub-codes (depth first, by code). */
    List<DefectCodeView> depthFirst() {
        List<DefectCodeView> out = new ArrayList<>();
        walk(null, out);
        return out;
    }

    private void walk(String parent, List<DefectCodeView> out) {
        for (DefectCode c : children.getOrDefault(parent, List.of())) {
            out.add(view(c));
            walk(c.code, out);
        }
    }

    DefectCodeView view(DefectCode c) {
        return new DefectCodeView(c.code, c.parentCode, c.name, c.description, c.defaultSeverity, c.active,
                List.copyOf(path(c.code)));
    }
}
