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
import io.poka.prognostics.RulValidation;
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
 * Serves RUL: loads a stored model once (cached by id, immutable), reads a unit's cycles from telemetry, predicts the
 * RUL at the end of each cycle's window and wraps it in the model's out-of-fold interval.
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

    PrognosticsService(TelemetryUnits units, PrognosticsConfig config, Clock clock, ObjectMapper json) {
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
        return QuarkusTransaction.requiringNew().call(() -> RulModelRecord.<RulModelRecord>list(
                "order by createdAt desc, version desc").stream().map(this::info).toList());
    }

    public RulModelInfo model(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> info(find(id)));
    }

    @Override
    public List<UnitRul> units() {
        Optional<Loaded> model = newest();
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
        Optional<Loaded> model = modelId == null ? newest() : Optional.of(loaded(modelId));
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
                points.add(new RulPoint(i + 1, cycles.at().get(i), r, m.interval().low(r), m.interval().high(r)));
            }
        }
        double now = Math.min(cap, Math.max(0, rul[rul.length - 1]));
        RulModelInfo info = m.info();
        return new UnitRul(unit, n, cycles.at().get(n - 1), now, m.interval().low(now), m.interval().high(now),
                m.interval().level(), info.id(), info.modelVersion(), info.kind(), info.dataFingerprint(),
                trajectory ? points : null);
    }

    private Optional<Loaded> newest() {
        Optional<UUID> id = QuarkusTransaction.requiringNew().call(() -> RulModelRecord.<RulModelRecord>find(
                "order by createdAt desc, version desc").firstResultOptional().map(r -> r.id));
        return id.map(this::loaded);
    }

    private Loaded loaded(UUID id) {
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
                    r.createdAt, r.createdBy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored RUL model " + r.id + " cannot be read", e);
        }
    }
}
