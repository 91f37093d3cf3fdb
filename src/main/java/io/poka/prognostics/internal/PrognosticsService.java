package io.poka.prognostics.internal;

import ai.djl.Device;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.platform.NotFoundProblem;
import io.poka.prognostics.PrognosticsApi;
import io.poka.prognostics.RulHyperparameters;
import io.poka.prognostics.RulModelInfo;
import io.poka.prognostics.RulPoint;
import io.poka.prognostics.RulSourceSpec;
import io.poka.prognostics.RulValidation;
import io.poka.platform.RecordChanged;
import io.poka.prognostics.internal.model.UnitHistory;
import jakarta.enterprise.event.Event;
import io.poka.prognostics.UnitRul;
import io.poka.prognostics.internal.model.FittedRul;
import io.poka.prognostics.internal.model.RulInterval;
import io.poka.prognostics.internal.model.RulModels;
import io.poka.prognostics.internal.model.RulWindow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves RUL: chooses the serving model ({@link ServedModel}: promoted, else best cross-validated), loads a stored
 * model once (cached by id, immutable), reads a unit's cycles from telemetry, predicts the RUL at the end of each
 * cycle's window and wraps it in the model's conformal interval.
 */
@ApplicationScoped
public class PrognosticsService implements PrognosticsApi {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    /** A loaded model with what serving needs from its record. */
    record Loaded(RulModelInfo info, FittedRul model, RulInterval interval) {
    }

    private final TelemetryUnits units;
    private final PrognosticsConfig config;
    private final Clock clock;
    private final ObjectMapper json;
    private final Map<UUID, Loaded> cache = new ConcurrentHashMap<>();
    private final Event<RecordChanged> changes;
    private final PlantUnits plant;

    PrognosticsService(TelemetryUnits units, PrognosticsConfig config, Clock clock, ObjectMapper json,
            Event<RecordChanged> changes, PlantUnits plant) {
        this.plant = plant;
        this.changes = changes;
        this.units = units;
        this.config = config;
        this.clock = clock;
        this.json = json;
    }

    @PreDestroy
    void close() {
        cache.values().forEach(l -> l.model().close());
    }

    @Override
    public List<RulModelInfo> models() {
        List<RulModelInfo> all = QuarkusTransaction.requiringNew().call(() -> RulModelRecord.<RulModelRecord>list(
                "order by createdAt desc, version desc").stream().map(this::info).toList());
        Optional<UUID> served = ServedModel.choose(all).map(RulModelInfo::id);
        return all.stream().map(m -> served.filter(m.id()::equals).isPresent() ? servedCopy(m) : m).toList();
    }

    public RulModelInfo model(UUID id) {
        RulModelInfo m = QuarkusTransaction.requiringNew().call(() -> info(find(id)));
        return servedId().filter(id::equals).isPresent() ? servedCopy(m) : m;
    }

    /** The model serving now (see {@link ServedModel}), if any model is stored. */
    public Optional<RulModelInfo> served() {
        return models().stream().filter(RulModelInfo::served).findFirst();
    }

    private Optional<UUID> servedId() {
        return served().map(RulModelInfo::id);
    }

    private static RulModelInfo servedCopy(RulModelInfo m) {
        return new RulModelInfo(m.id(), m.modelVersion(), m.kind(), m.dataset(), m.dataFingerprint(), m.units(),
                m.sensors(), m.window(), m.cap(), m.hyperparameters(), m.validation(), m.provenance(), m.trainingMs(),
                m.modelSha256(), m.createdAt(), m.createdBy(), true, m.promotedAt(), m.promotedBy(),
                m.promotionReason(), m.source());
    }

    /**
     * Serves this model from now on, whatever the cross-validated figures say, recording who, when and why (a later
     * promotion of another model takes over); audited as {@code PROMOTED}.
     */
    public RulModelInfo promote(UUID id, String reason, String actor) {
        QuarkusTransaction.requiringNew().run(() -> {
            RulModelRecord r = find(id);
            r.promotedAt = clock.instant();
            r.promotedBy = actor;
            r.promotionReason = reason;
            changes.fire(new RecordChanged("RulModel", id.toString(), "PROMOTED", null,
                    Map.of("modelVersion", r.modelVersion(), "reason", reason, "promotedBy", actor), null));
        });
        return model(id);
    }

    /** Withdraws a promotion: serving falls back to the best cross-validated model; audited as {@code UNPROMOTED}. */
    public void unpromote(UUID id, String actor) {
        QuarkusTransaction.requiringNew().run(() -> {
            RulModelRecord r = find(id);
            if (r.promotedAt == null) {
                return;
            }
            Map<String, Object> before = new java.util.LinkedHashMap<>();
            before.put("promotedAt", r.promotedAt.toString());
            before.put("promotedBy", r.promotedBy);
            r.promotedAt = null;
            r.promotedBy = null;
            r.promotionReason = null;
            changes.fire(new RecordChanged("RulModel", id.toString(), "UNPROMOTED", before,
                    Map.of("withdrawnBy", actor), null));
        });
    }

    @Override
    public Optional<List<UnitRul>> predictDataset(UUID modelId, UUID datasetId, String unitColumn,
            String cycleColumn) {
        Optional<Loaded> model = modelId == null ? servedModel() : Optional.of(loaded(modelId));
        return model.map(m -> {
            RulSourceSpec trained = m.info().source();
            return predict(m, plant.running(datasetId,
                    unitColumn != null && !unitColumn.isBlank() ? unitColumn : trained == null ? null : trained.unitColumn(),
                    cycleColumn != null && !cycleColumn.isBlank() ? cycleColumn : trained == null ? null : trained.cycleColumn(),
                    m.info().sensors()));
        });
    }

    /** RUL of every unit of a stored data set of running units, after each unit's last row, with the model's interval. */
    private List<UnitRul> predict(Loaded m, List<UnitHistory> running) {
        List<RulWindow> windows = running.stream().map(u -> new RulWindow(u.rows(), u.cycles() - 1)).toList();
        double[] rul = m.model().predict(windows);
        List<UnitRul> out = new ArrayList<>();
        RulModelInfo info = m.info();
        for (int i = 0; i < rul.length; i++) {
            double r = Math.min(info.cap(), Math.max(0, rul[i]));
            out.add(new UnitRul(running.get(i).unit(), running.get(i).cycles(), null, r, m.interval().low(r),
                    m.interval().high(r, info.cap()), m.interval().level(), info.id(), info.modelVersion(), info.kind(),
                    info.dataFingerprint(), null));
        }
        return out;
    }

    @Override
    public List<UnitRul> units() {
        Optional<Loaded> model = servedModel();
        if (model.isEmpty()) {
            return List.of();
        }
        Loaded m = model.get();
        List<UnitRul> out = new ArrayList<>();
        for (String line : units.linesWith(m.info().sensors())) {
            try {
                out.add(predict(line, m, false));
            } catch (TelemetryUnits.NoCyclesProblem noCycleYet) {
                // a line whose sensors have not yet reported together has no RUL to list
            }
        }
        return out;
    }

    @Override
    public Optional<UnitRul> rul(String unit, UUID modelId) {
        Optional<Loaded> model = modelId == null ? servedModel() : Optional.of(loaded(modelId));
        return model.map(m -> predict(unit, m, true));
    }

    private UnitRul predict(String unit, Loaded m, boolean trajectory) {
        // the whole history even for the current RUL only: the cycle count is a feature
        TelemetryUnits.Cycles cycles = units.cycles(unit, m.info().sensors(), clock.instant().plusNanos(1),
                config.maxCycles());
        int n = cycles.rows().length;
        List<RulWindow> windows = new ArrayList<>();
        for (int end = trajectory ? 0 : n - 1; end < n; end++) {
            windows.add(new RulWindow(cycles.rows(), end));
        }
        double[] rul = m.model().predict(windows);
        // the target lives in [0, cap]; a regressor may overshoot it
        int cap = m.info().cap();
        List<RulPoint> points = new ArrayList<>();
        if (trajectory) {
            for (int i = 0; i < n; i++) {
                double r = Math.min(cap, Math.max(0, rul[i]));
                points.add(new RulPoint(i + 1, cycles.at().get(i), r, m.interval().low(r), m.interval().high(r, cap)));
            }
        }
        double now = Math.min(cap, Math.max(0, rul[rul.length - 1]));
        RulModelInfo info = m.info();
        return new UnitRul(unit, n, cycles.at().get(n - 1), now, m.interval().low(now), m.interval().high(now, cap),
                m.interval().level(), info.id(), info.modelVersion(), info.kind(), info.dataFingerprint(),
                trajectory ? points : null);
    }

    private Optional<Loaded> servedModel() {
        return servedId().map(this::loaded);
    }

    Loaded loaded(UUID id) {
        return cache.computeIfAbsent(id, k -> QuarkusTransaction.requiringNew().call(() -> {
            RulModelRecord r = find(k);
            RulModelInfo info = info(r);
            RulValidation v = info.validation();
            return new Loaded(info, RulModels.load(r.kind, r.modelBytes, r.window, info.sensors(), Device.cpu()),
                    new RulInterval(v.intervalLevel(), v.intervalResidualLower(), v.intervalResidualUpper(),
                            v.intervalCoverage()));
        }));
    }

    private static RulModelRecord find(UUID id) {
        RulModelRecord r = RulModelRecord.findById(id);
        if (r == null) {
            throw new NotFoundProblem("RulModel", id);
        }
        return r;
    }

    private RulModelInfo info(RulModelRecord r) {
        try {
            return new RulModelInfo(r.id, r.modelVersion(), r.kind, r.dataset, r.dataFingerprint, r.units,
                    json.readValue(r.sensors, STRINGS), r.window, r.cap,
                    json.readValue(r.hyperparameters, RulHyperparameters.class),
                    json.readValue(r.validation, RulValidation.class), r.provenance, r.trainingMs, r.modelSha256,
                    r.createdAt, r.createdBy, false, r.promotedAt, r.promotedBy, r.promotionReason,
                    r.source == null ? null : json.readValue(r.source, RulSourceSpec.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored RUL model " + r.id + " cannot be read", e);
        }
    }
}
