package io.poka.prognostics.internal;

import ai.djl.Device;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.platform.RecordChanged;
import io.poka.prognostics.RulHyperparameters;
import io.poka.prognostics.RulValidation;
import io.poka.prognostics.internal.model.CnnRul;
import io.poka.prognostics.internal.model.CrossValidation;
import io.poka.prognostics.internal.model.CutPoints;
import io.poka.prognostics.internal.model.EnsembleRul;
import io.poka.prognostics.internal.model.FittedRul;
import io.poka.prognostics.internal.model.RulModels;
import io.poka.prognostics.internal.model.RulSettings;
import io.poka.prognostics.internal.model.TribuoRul;
import io.poka.prognostics.internal.model.UnitHistory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * One RUL training from start to the registry: cross-validation by unit on the chosen units (of FD001 or of a plant's
 * own data, {@link RulSource}), the final fit on
 * all of them, and the stored version with its provenance (fingerprint, window, hyperparameters, fold metrics,
 * interval), audited in the same transaction.
 */
@ApplicationScoped
public class RulTraining {

    /** What to train: model kind, number of units, folds, CNN epochs, and the units themselves (FD001 or plant). */
    public record Plan(String kind, int units, int folds, int cnnEpochs, RulSource source) {
    }

    private final PrognosticsConfig config;
    private final Clock clock;
    private final Event<RecordChanged> changes;
    private final ObjectMapper json;

    RulTraining(PrognosticsConfig config, Clock clock, Event<RecordChanged> changes, ObjectMapper json) {
        this.config = config;
        this.clock = clock;
        this.changes = changes;
        this.json = json;
    }

    /** Steps of a plan: one per fold, one for the final fit. */
    static int steps(Plan plan) {
        return plan.folds() + 1;
    }

    /** Runs the plan; {@code stepDone} hears the number of steps done. Returns the stored model's id. */
    UUID train(Plan plan, String actor, IntConsumer stepDone) {
        long started = System.nanoTime();
        RulSource source = plan.source();
        List<UnitHistory> units = source.units();
        RulSettings base = config.settings().withCnnEpochs(plan.cnnEpochs());
        RulSettings s = base.withShape(source.window() != null ? source.window() : base.window(),
                source.cap() != null ? source.cap() : base.cap());
        CrossValidation.Plan cv = new CrossValidation.Plan(plan.folds(), config.cutsPerUnit(), config.minHistory(),
                config.seed(), CutPoints.Rule.of(config.cutRule()));
        CrossValidation.Result result = CrossValidation.run(plan.kind(), units, source.sensors(), s, cv,
                config.intervalLevel(), Device.cpu(), stepDone);
        byte[] bytes;
        String provenance;
        try (FittedRul model = RulModels.fit(plan.kind(), units, source.sensors(), s, Device.cpu(), e -> { })) {
            bytes = model.bytes();
            provenance = model instanceof TribuoRul t ? t.provenance()
                    : model instanceof EnsembleRul e ? "mean of " + cnnProvenance(s) + " and of " + e.provenance()
                    : cnnProvenance(s);
        }
        stepDone.accept(plan.folds() + 1);
        long ms = (System.nanoTime() - started) / 1_000_000;
        String fingerprint = source.fingerprint();
        return QuarkusTransaction.requiringNew().call(() -> {
            RulModelRecord r = new RulModelRecord();
            r.id = UUID.randomUUID();
            r.dataset = source.dataset();
            Integer last = RulModelRecord.find("select max(m.version) from RulModelRecord m where m.dataset = ?1",
                    source.dataset()).project(Integer.class).firstResult();
            r.version = (last == null ? 0 : last) + 1;
            r.kind = plan.kind();
            r.dataFingerprint = fingerprint;
            r.units = units.size();
            r.sensors = write(source.sensors());
            r.source = source.spec() == null ? null : write(source.spec());
            r.window = s.window();
            r.cap = s.cap();
            r.hyperparameters = write(hyperparameters(s));
            r.validation = write(validation(result, cv, s.cap()));
            r.provenance = provenance;
            r.trainingMs = ms;
            r.modelBytes = bytes;
            r.modelSha256 = sha256(bytes);
            r.createdAt = clock.instant();
            r.createdBy = actor;
            r.persist();
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("modelVersion", r.modelVersion());
            summary.put("kind", r.kind);
            summary.put("units", r.units);
            summary.put("dataFingerprint", r.dataFingerprint);
            summary.put("window", r.window);
            summary.put("rmseMean", result.rmseMean());
            summary.put("modelSha256", r.modelSha256);
            changes.fire(new RecordChanged("RulModel", r.id.toString(), "CREATED", null, summary, null));
            return r.id;
        });
    }

    static RulHyperparameters hyperparameters(RulSettings s) {
        return new RulHyperparameters(s.seed(), s.forestTrees(), s.forestMaxDepth(), s.xgboostRounds(), s.xgboostEta(),
                s.xgboostDepth(), s.sgdEpochs(), s.cnnEpochs(), s.cnnBatch(), s.cnnLearningRate(), s.cnnFilters(),
                s.cnnPatience());
    }

    static RulValidation validation(CrossValidation.Result r, CrossValidation.Plan cv, int cap) {
        return new RulValidation(cv.folds(), cv.cutsPerUnit(), cv.minHistory(), cv.seed(), r.rmseMean(), r.rmseStd(),
                r.nasaMean(), r.nasaStd(), r.folds().stream().map(CrossValidation.Fold::rmse).toList(),
                r.folds().stream().map(CrossValidation.Fold::nasaPer100).toList(),
                r.folds().stream().map(CrossValidation.Fold::predictions).toList(), r.interval().level(),
                r.interval().lower(), r.interval().upper(), r.interval().coverage(), cv.rule().slug(),
                cv.rule().describe(cap, cv.minHistory()), finite(r.uniformRmseMean()), finite(r.uniformRmseStd()),
                finite(r.uniformNasaMean()), INTERVAL_METHOD);
    }

    static final String INTERVAL_METHOD = "split-conformal by unit on out-of-fold residuals (each unit weighs 1; bounds"
            + " at the (1 + 1/units)(1 + level)/2 weighted quantile of the residuals and of their negatives)";

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String cnnProvenance(RulSettings s) {
        return "DJL " + ai.djl.engine.Engine.getDjlVersion() + " PyTorch 1-D CNN (" + CnnRul.KIND + "): 4 x Conv1d(kernel 10, "
                + s.cnnFilters() + " filters, tanh), Conv1d(kernel 3, 1 filter, tanh), dropout 0.5, dense 100 tanh, dense 1;"
                + " Adam lr " + s.cnnLearningRate() + ", batch " + s.cnnBatch() + ", " + s.cnnEpochs() + " epochs, seed "
                + s.seed() + "; input z-scored windows of " + s.window() + " cycles, target RUL / " + s.cap();
    }

    /** The file's SHA-256 and the number of units taken from it. */
    static String fingerprint(String fileSha256, int units) {
        return sha256((fileSha256 + ":first-units=" + units).getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
