package io.poka.ncr.internal;

import io.poka.alerts.AlertsApi;
import io.poka.alerts.AnomalyEvidence;
import io.poka.alerts.IncidentDetail;
import io.poka.alerts.IncidentVariable;
import io.poka.inspections.InspectionsApi;
import io.poka.inspections.InspectionsApi.InspectionDetail;
import io.poka.lots.LotView;
import io.poka.lots.LotsApi;
import io.poka.ncr.NcrSeverity;
import io.poka.ncr.internal.NcrEvidence.ChartEvidence;
import io.poka.ncr.internal.NcrEvidence.FailedClass;
import io.poka.ncr.internal.NcrEvidence.IncidentEvidence;
import io.poka.ncr.internal.NcrEvidence.InspectionEvidence;
import io.poka.ncr.internal.NcrEvidence.ModelEvidence;
import io.poka.ncr.internal.NcrEvidence.VariableEvidence;
import io.poka.ncr.internal.NcrRequests.OpenNcr;
import io.poka.platform.ValidationProblem;
import io.poka.scoring.ModelVersion;
import io.poka.scoring.ScoringApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the record a report is opened from (failed inspection, incident, anomaly) through the owning module's API and
 * turns it into the report's defaults (line, product, quantities, severity, signal window, source lots) and its
 * evidence snapshot.
 */
@ApplicationScoped
public class NcrSources {

    /** What a source contributes to a new report; null members leave the request's value. */
    record Sourced(String reference, String title, String line, String product, NcrSeverity severity,
            BigDecimal affected, BigDecimal nonconforming, String unit, Instant signalFrom, Instant signalTo,
            List<UUID> lots, List<String> variables, NcrEvidence evidence) {

        static Sourced none(OpenNcr r) {
            return new Sourced(r.sourceReference(), null, null, null, null, null, null, null, null, null, List.of(),
                    List.of(), null);
        }
    }

    private final InspectionsApi inspections;
    private final LotsApi lots;
    private final AlertsApi alerts;
    private final ScoringApi scoring;

    NcrSources(InspectionsApi inspections, LotsApi lots, AlertsApi alerts, ScoringApi scoring) {
        this.inspections = inspections;
        this.lots = lots;
        this.alerts = alerts;
        this.scoring = scoring;
    }

    Sourced resolve(OpenNcr r) {
        return switch (r.source()) {
            case INSPECTION -> fromInspection(r);
            case INCIDENT -> fromIncident(r, null);
            case ANOMALY -> fromIncident(r, required(r.anomalyId(), "anomalyId", "an ANOMALY report needs the anomalyId"));
            case CUSTOMER_COMPLAINT, SUPPLIER_ISSUE -> {
                if (r.sourceReference() == null || r.sourceReference().isBlank()) {
                    throw new ValidationProblem("sourceReference", "the complaint's or supplier issue's number is required");
                }
                yield Sourced.none(r);
            }
            case MANUAL -> Sourced.none(r);
        };
    }

    private Sourced fromInspection(OpenNcr r) {
        UUID id = required(r.inspectionId(), "inspectionId", "an INSPECTION report needs the inspectionId");
        InspectionDetail d = inspections.inspection(id)
                .orElseThrow(() -> new ValidationProblem("inspectionId", "no inspection " + id));
        if (d.accepted()) {
            throw new ValidationProblem("inspectionId", "inspection " + id + " was accepted; a report is opened from a failed one");
        }
        LotView lot = lots.find(d.lotId()).orElseThrow();
        List<FailedClass> failed = d.classes().stream().filter(c -> !c.accepted())
                .map(c -> new FailedClass(c.defectClass(), c.severity(), c.aql(), c.sampleSize(), c.acceptanceNumber(),
                        c.rejectionNumber(), c.nonconforming()))
                .toList();
        NcrSeverity worst = failed.stream().map(c -> NcrSeverity.valueOf(c.defectClass()))
                .min(Comparator.naturalOrder()).orElse(null);
        int nonconforming = failed.stream().mapToInt(FailedClass::nonconforming).sum();
        NcrEvidence evidence = new NcrEvidence(new InspectionEvidence(d.id(), d.lotId(), lot.externalId(), d.planId(),
                d.planName(), d.planVersion(), d.lotSize(), d.inspector(), d.inspectedAt(), failed, d.remarks()),
                null, null, null);
        return new Sourced(id.toString(), "Failed inspection of lot " + lot.externalId() + " (" + d.planName() + ")",
                lot.line(), lot.product(), worst, lot.quantity(), BigDecimal.valueOf(nonconforming), lot.unit(),
                null, null, List.of(lot.id()), List.of(), evidence);
    }

    private Sourced fromIncident(OpenNcr r, UUID anomalyId) {
        UUID id = required(r.incidentId(), "incidentId", "an " + r.source() + " report needs the incidentId");
        IncidentDetail d = alerts.incidentDetail(id)
                .orElseThrow(() -> new ValidationProblem("incidentId", "no incident " + id));
        List<VariableEvidence> variables = d.variables().stream()
                .map(v -> new VariableEvidence(v.variable(), v.firings(), v.contribution())).toList();
        Map<String, IncidentVariable> byName = d.variables().stream()
                .collect(Collectors.toMap(IncidentVariable::variable, Function.identity(), (a, b) -> a));
        AnomalyEvidence anomaly;
        if (anomalyId != null) {
            anomaly = d.anomalies().stream().filter(a -> a.anomalyId().equals(anomalyId)).findFirst()
                    .orElseThrow(() -> new ValidationProblem("anomalyId",
                            "anomaly " + anomalyId + " is not among the detections of incident " + id));
        } else {
            anomaly = d.anomalies().stream().max(Comparator.comparing(AnomalyEvidence::score)).orElse(null);
        }
        ModelEvidence model = null;
        List<String> names = d.incident().topVariables();
        if (anomaly != null) {
            String fingerprint = scoring.model(anomaly.modelId()).map(ModelVersion::dataFingerprint).orElse(null);
            // the anomaly's own contributions, as scoring reported them; firings are the incident's on that variable
            List<VariableEvidence> top = anomaly.topContributors().stream().map(c -> new VariableEvidence(c.variable(),
                    byName.containsKey(c.variable()) ? byName.get(c.variable()).firings() : 0, c.value())).toList();
            model = new ModelEvidence(anomaly.anomalyId(), anomaly.modelId(), anomaly.modelVersion(), fingerprint,
                    anomaly.score(), anomaly.threshold(), anomaly.observedAt(), top);
            if (anomalyId != null) {
                names = anomaly.topVariables();
            }
        }
        List<ChartEvidence> charts = d.alerts().stream().map(a -> new ChartEvidence(a.id(), a.variable(), a.chart(),
                a.ruleId(), a.ruleDescription(), a.limitsVersion(), a.firstPointAt(), a.lastPointAt())).toList();
        var i = d.incident();
        NcrEvidence evidence = new NcrEvidence(null, new IncidentEvidence(i.id(), i.line(), i.severity(),
                i.firstSignalAt(), i.lastSignalAt(), i.summary(), variables), model, charts);
        NcrSeverity severity = switch (i.severity()) {
            case "HIGH" -> NcrSeverity.MAJOR;
            default -> NcrSeverity.MINOR;
        };
        String ref = anomalyId != null ? anomalyId.toString() : id.toString();
        String title = (anomalyId != null ? "Anomaly on line " : "Incident on line ") + i.line() + ": " + i.summary();
        return new Sourced(ref, title, i.line(), null, severity, null, null, null, i.firstSignalAt(), i.lastSignalAt(),
                List.of(), names == null ? List.of() : names, evidence);
    }

    private static UUID required(UUID value, String field, String message) {
        if (value == null) {
            throw new ValidationProblem(field, message);
        }
        return value;
    }
}
