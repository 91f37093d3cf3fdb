package io.poka.diagnosis.internal;

import io.poka.alerts.AlertsApi;
import io.poka.alerts.IncidentDetail;
import io.poka.alerts.IncidentQuery;
import io.poka.alerts.IncidentVariable;
import io.poka.alerts.IncidentView;
import io.poka.diagnosis.SimilarEvent;
import io.poka.diagnosis.internal.similar.Signature;
import io.poka.ncr.CapaReferences;
import io.poka.ncr.NcrApi;
import io.poka.ncr.NcrSource;
import io.poka.ncr.NcrView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Finds the earlier incidents most like an incident or anomaly: their signatures (variables weighted by the anomaly
 * model's contribution, or by rule firings where no model contributed) compared by cosine and Jaccard similarity, with
 * the cause recorded at resolution and the NCRs and CAPAs opened from them, so a QA manager sees what was found and
 * done last time.
 */
@ApplicationScoped
class SimilarEvents {
    private final AlertsApi alerts;
    private final NcrApi ncrs;
    private final Instance<CapaReferences> capas;
    private final DiagnosisConfig config;

    SimilarEvents(AlertsApi alerts, NcrApi ncrs, Instance<CapaReferences> capas, DiagnosisConfig config) {
        this.alerts = alerts;
        this.ncrs = ncrs;
        this.capas = capas;
        this.config = config;
    }

    /** The signature of an incident from its ranked variables. */
    static Signature signature(List<IncidentVariable> variables) {
        boolean contributed = variables.stream().anyMatch(v -> v.contribution() > 0);
        Map<String, Double> w = new TreeMap<>();
        for (IncidentVariable v : variables) {
            w.merge(v.variable(), contributed ? v.contribution() : v.firings(), Double::sum);
        }
        return new Signature(w);
    }

    List<SimilarEvent> toIncident(IncidentDetail subject, int limit) {
        return ranked(subject.incident().id(), signature(subject.variables()), subject.incident().firstSignalAt(),
                limit);
    }

    List<SimilarEvent> toAnomaly(AlertsApi.AnomalySignal anomaly, int limit) {
        return ranked(null, Signature.of(anomaly.evidence().topVariables(), anomaly.contributions()),
                anomaly.evidence().observedAt(), limit);
    }

    private List<SimilarEvent> ranked(UUID exclude, Signature subject, Instant before, int limit) {
        List<IncidentView> earlier = alerts.incidents(new IncidentQuery(null, null, null, null, before, false, 0,
                Math.min(500, config.similarCandidates()))).items();
        record Scored(IncidentView incident, Signature signature, double similarity) {
        }
        List<Scored> scored = new ArrayList<>();
        for (IncidentView candidate : earlier) {
            if (candidate.id().equals(exclude) || "MERGED".equals(candidate.status())) {
                continue;
            }
            Signature s = alerts.incidentDetail(candidate.id()).map(d -> signature(d.variables())).orElse(null);
            if (s == null) {
                continue;
            }
            double similarity = subject.similarity(s, config.cosineWeight());
            if (similarity >= config.similarMinimum()) {
                scored.add(new Scored(candidate, s, similarity));
            }
        }
        return scored.stream()
                .sorted(Comparator.comparingDouble((Scored s) -> -s.similarity())
                        .thenComparing(s -> s.incident().firstSignalAt(), Comparator.reverseOrder()))
                .limit(Math.max(1, limit))
                .map(s -> new SimilarEvent(s.incident().id(), s.incident().line(), s.incident().firstSignalAt(),
                        s.incident().status(), s.incident().summary(), s.similarity(), subject.cosine(s.signature()),
                        subject.jaccard(s.signature()), List.copyOf(subject.shared(s.signature())), s.incident().cause(),
                        s.incident().label(), actions(s.incident().id())))
                .toList();
    }

    /** The NCRs opened from the incident and, per NCR, each linked CAPA (one action per CAPA, or one for the NCR). */
    private List<SimilarEvent.CorrectiveAction> actions(UUID incidentId) {
        List<NcrView> reports = ncrs.search(new NcrApi.NcrQuery(incidentId.toString(), null, NcrSource.INCIDENT, null,
                null, null, null, null, 0, 20)).items();
        List<SimilarEvent.CorrectiveAction> out = new ArrayList<>();
        for (NcrView ncr : reports) {
            if (!incidentId.toString().equals(ncr.sourceReference())) {
                continue;
            }
            String cause = ncr.rootCauseCategory() == null ? null : ncr.rootCauseCategory().name();
            List<CapaReferences.CapaReference> linked = capas.isResolvable() ? capas.get().forNcr(ncr.id()) : List.of();
            if (linked.isEmpty()) {
                out.add(new SimilarEvent.CorrectiveAction(ncr.id(), ncr.number(), cause, null, null, null, null));
            }
            for (CapaReferences.CapaReference capa : linked) {
                out.add(new SimilarEvent.CorrectiveAction(ncr.id(), ncr.number(), cause, capa.id(), capa.number(),
                        capa.status(), capa.title()));
            }
        }
        return out;
    }
}
