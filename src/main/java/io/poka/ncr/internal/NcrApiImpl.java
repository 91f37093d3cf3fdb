package io.poka.ncr.internal;

import io.poka.ncr.DefectCodeView;
import io.poka.ncr.NcrApi;
import io.poka.ncr.NcrView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The nonconformance module's facade for other modules; reads only, inside the caller's transaction. */
@ApplicationScoped
public class NcrApiImpl implements NcrApi {
    private final NcrStore store;
    private final SimilarNcrs similar;

    NcrApiImpl(NcrStore store, SimilarNcrs similar) {
        this.store = store;
        this.similar = similar;
    }

    @Override
    public Optional<NcrView> find(UUID id) {
        return store.record(id).map(NcrViews::view);
    }

    @Override
    public Optional<NcrView> findByNumber(String number) {
        return store.byNumber(number).map(NcrViews::view);
    }

    @Override
    public NcrPage search(NcrQuery query) {
        return store.search(query);
    }

    @Override
    public List<NcrView> openedBetween(Instant from, Instant to) {
        return store.openedBetween(from, to);
    }

    @Override
    public List<NcrView> open() {
        return store.open();
    }

    @Override
    public List<DefectCount> defectCounts(Instant from, Instant to, String product, String line) {
        return store.defectCounts(from, to, product, line);
    }

    @Override
    public List<DefectCodeView> defectCodes() {
        return store.catalogue().depthFirst();
    }

    @Override
    public Optional<DefectCodeView> defectCode(String code) {
        DefectCode c = DefectCode.findById(code);
        return c == null ? Optional.empty() : Optional.of(store.catalogue().view(c));
    }

    @Override
    public List<SimilarNcr> similar(UUID ncrId, int limit) {
        return similar.similarTo(ncrId, limit);
    }
}
