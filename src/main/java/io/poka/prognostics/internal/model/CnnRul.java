package io.poka.prognostics.internal.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * The sequence model: a 1-D CNN over the raw window of the last k cycles, in the manner of Li, Ding and Sun,
 * "Remaining useful life estimation in prognostics using deep convolution neural networks" (Reliability Engineering
 * and System Safety 172, 2018): four convolutions of kernel 10 along time, a fifth of kernel 3, dropout 0.5, a dense
 * layer of 100 and one output, trained with Adam on the squared error of RUL / cap. Sensors are z-scored with the
 * training units' means and deviations (FD001 has one operating condition, so one normalisation serves all cycles).
 */
public final class CnnRul implements FittedRul {
    public static final String KIND = "cnn-1d";
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(CnnRul.class);
    private static final int KERNEL = 10;
    /**
     * Tenfold drops of the learning rate at plateaus before early stopping ends training ({@link PlateauSchedule}).
     * 0: one drop was tried on 2026-12-05 and made the 5-fold RMSE worse (18.86 against 18.32, 50 % more CPU), see
     * docs/prognostics.md.
     */
    static final int LEARNING_RATE_DROPS = 0;

    private final Model model;
    private final int window;
    private final int cap;
    private final float[] means;
    private final float[] stds;
    private final int filters;

    private CnnRul(Model model, int window, int cap, float[] means, float[] stds, int filters) {
        this.model = model;
        this.window = window;
        this.cap = cap;
        this.means = means;
        this.stds = stds;
        this.filters = filters;
    }

    static SequentialBlock block(int filters) {
        SequentialBlock b = new SequentialBlock();
        for (int i = 0; i < 4; i++) {
            // padding 5 then 4 alternately keeps the width at k (kernel 10 is even)
            b.add(Conv1d.builder().setKernelShape(new Shape(KERNEL)).setFilters(filters)
                    .optPadding(new Shape(i % 2 == 0 ? 5 : 4)).build());
            b.add(Activation::tanh);
        }
        b.add(Conv1d.builder().setKernelShape(new Shape(3)).setFilters(1).optPadding(new Shape(1)).build());
        b.add(Activation::tanh);
        b.add(Blocks.batchFlattenBlock());
        b.add(Dropout.builder().optRate(0.5f).build());
        b.add(Linear.builder().setUnits(100).build());
        b.add(Activation::tanh);
        b.add(Linear.builder().setUnits(1).build());
        return b;
    }

    /**
     * Trains on every window (one per cycle) of the training units; {@code epochDone} gets the epoch number. With
     * {@code cnnPatience} > 0 about a sixth of the units (seeded, at least one) are held out by unit: after every
     * epoch the squared error on all their windows is measured; after {@code cnnPatience} epochs without improvement
     * training stops (or at {@code cnnEpochs}; with {@link #LEARNING_RATE_DROPS} > 0 the rate first drops to a tenth
     * that many times), and the parameters of the best epoch are kept.
     */
    public static CnnRul fit(List<UnitHistory> train, RulSettings s, Device device, IntConsumer epochDone) {
        List<UnitHistory> fitting = train;
        List<UnitHistory> inner = List.of();
        if (s.cnnPatience() > 0 && train.size() >= 3) {
            List<UnitHistory> shuffled = new ArrayList<>(train);
            java.util.Collections.shuffle(shuffled, new Random(s.seed() ^ 0x5EED));
            int held = Math.max(1, train.size() / 6);
            inner = shuffled.subList(0, held);
            fitting = shuffled.subList(held, shuffled.size());
        }
        int d = train.get(0).rows()[0].length;
        float[] means = new float[d];
        float[] stds = new float[d];
        normaliser(fitting, means, stds);
        List<float[]> xs = new ArrayList<>();
        List<Float> ys = new ArrayList<>();
        windows(fitting, s, means, stds, xs, ys);
        List<float[]> vx = new ArrayList<>();
        List<Float> vy = new ArrayList<>();
        windows(inner, s, means, stds, vx, vy);
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed((int) s.seed());
        Model model = Model.newInstance("rul-cnn", device, "PyTorch");
        model.setBlock(block(s.cnnFilters()));
        PlateauSchedule schedule = s.cnnPatience() > 0
                ? new PlateauSchedule(s.cnnLearningRate(), s.cnnPatience(), LEARNING_RATE_DROPS) : null;
        // the rate Adam reads at every update: the schedule's
        Tracker rate = update -> (float) (schedule == null ? s.cnnLearningRate() : schedule.rate());
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(rate).build())
                .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT)
                .optDevices(new Device[] {device});
        int n = xs.size();
        int batch = Math.min(s.cnnBatch(), n);
        Random random = new Random(s.seed());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        byte[] best = null;
        double bestLoss = Double.MAX_VALUE;
        int bestEpoch = 0;
        int epochsRun = 0;
        int decayedAt = 0;
        long started = System.nanoTime();
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(new Shape(batch, d, s.window()));
            for (int epoch = 1; epoch <= s.cnnEpochs(); epoch++) {
                for (int i = n - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                for (int start = 0; start < n; start += batch) {
                    int b = Math.min(batch, n - start);
                    float[] x = new float[b * d * s.window()];
                    float[] y = new float[b];
                    for (int i = 0; i < b; i++) {
                        System.arraycopy(xs.get(order[start + i]), 0, x, i * d * s.window(), d * s.window());
                        y[i] = ys.get(order[start + i]);
                    }
                    try (NDManager bm = trainer.getManager().newSubManager()) {
                        NDArray xb = bm.create(x, new Shape(b, d, s.window()));
                        NDArray yb = bm.create(y, new Shape(b, 1));
                        zeroGradients(model);
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDArray pred = trainer.forward(new NDList(xb)).singletonOrThrow();
                            gc.backward(pred.sub(yb).square().mean());
                        }
                        trainer.step();
                    }
                }
                epochDone.accept(epoch);
                epochsRun = epoch;
                if (schedule != null && !vx.isEmpty()) {
                    double loss = innerLoss(model, d, s.window(), vx, vy);
                    PlateauSchedule.Step step = schedule.after(loss);
                    if (step == PlateauSchedule.Step.IMPROVED) {
                        bestLoss = loss;
                        best = parameters(model);
                        bestEpoch = epoch;
                    } else if (step == PlateauSchedule.Step.DECAYED) {
                        decayedAt = epoch;
                    } else if (step == PlateauSchedule.Step.STOP) {
                        break;
                    }
                }
            }
        }
        LOG.infof("CNN fitted: %d epochs run, rate cut tenfold after epoch %d (0 = never), best epoch %d (inner RMSE %.2f cycles on %d "
                + "windows of %d units), %d training windows of %d units, %.1f s", epochsRun, decayedAt, bestEpoch,
                best == null ? Double.NaN : Math.sqrt(bestLoss) * s.cap(), vx.size(), inner.size(), n, fitting.size(),
                (System.nanoTime() - started) / 1e9);
        if (best != null) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(best))) {
                model.getBlock().loadParameters(model.getNDManager(), in);
            } catch (IOException | ai.djl.MalformedModelException e) {
                throw new IllegalStateException("best CNN epoch cannot be restored", e);
            }
        }
        return new CnnRul(model, s.window(), s.cap(), means, stds, s.cnnFilters());
    }

    private static void windows(List<UnitHistory> units, RulSettings s, float[] means, float[] stds, List<float[]> xs,
            List<Float> ys) {
        for (UnitHistory u : units) {
            for (int end = 0; end < u.cycles(); end++) {
                xs.add(channelsFirst(u.rows(), end, s.window(), means, stds));
                ys.add((float) (RulTarget.capped(u.rul()[end], s.cap()) / s.cap()));
            }
        }
    }

    /** Mean squared error (in units of the cap squared) of the model on the held-out windows, dropout off. */
    private static double innerLoss(Model model, int d, int window, List<float[]> vx, List<Float> vy) {
        double sum = 0;
        try (Predictor<float[][], float[]> predictor = model.newPredictor(new WindowTranslator(d, window))) {
            for (int from = 0; from < vx.size(); from += 1024) {
                int to = Math.min(vx.size(), from + 1024);
                float[] p = predictor.predict(vx.subList(from, to).toArray(float[][]::new));
                for (int i = 0; i < p.length; i++) {
                    double e = p[i] - vy.get(from + i);
                    sum += e * e;
                }
            }
        } catch (TranslateException e) {
            throw new IllegalStateException("CNN validation failed", e);
        }
        return sum / vx.size();
    }

    private static byte[] parameters(Model model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            model.getBlock().saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void zeroGradients(Model model) {
        model.getBlock().getParameters().forEach(p -> {
            NDArray w = p.getValue().getArray();
            if (w.hasGradient()) {
                try (NDArray g = w.getGradient()) {
                    g.subi(g);
                } catch (IllegalStateException noGradientYet) {
                    // before the first backward pass there is nothing to zero
                }
            }
        });
    }

    static void normaliser(List<UnitHistory> units, float[] means, float[] stds) {
        int d = means.length;
        double[] sum = new double[d];
        double[] sq = new double[d];
        long n = 0;
        for (UnitHistory u : units) {
            for (double[] r : u.rows()) {
                for (int c = 0; c < d; c++) {
                    sum[c] += r[c];
                    sq[c] += r[c] * r[c];
                }
                n++;
            }
        }
        for (int c = 0; c < d; c++) {
            double mean = sum[c] / n;
            double var = Math.max(0, sq[c] / n - mean * mean);
            means[c] = (float) mean;
            stds[c] = (float) (var > 0 ? Math.sqrt(var) : 1);
        }
    }

    /** The window as [sensor][time] (Conv1d's NCW layout), z-scored, flattened. */
    static float[] channelsFirst(double[][] rows, int end, int window, float[] means, float[] stds) {
        float[][] seq = WindowFeatures.sequence(rows, end, window);
        int d = means.length;
        float[] out = new float[d * window];
        for (int c = 0; c < d; c++) {
            for (int t = 0; t < window; t++) {
                out[c * window + t] = (seq[t][c] - means[c]) / stds[c];
            }
        }
        return out;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public double[] predict(List<RulWindow> windows) {
        int d = means.length;
        double[] out = new double[windows.size()];
        int chunk = 1024;
        // a predictor is never shared between threads: one per call
        try (Predictor<float[][], float[]> predictor = model.newPredictor(new WindowTranslator(d, window))) {
            for (int from = 0; from < windows.size(); from += chunk) {
                int to = Math.min(windows.size(), from + chunk);
                float[][] batch = new float[to - from][];
                for (int i = from; i < to; i++) {
                    batch[i - from] = channelsFirst(windows.get(i).rows(), windows.get(i).end(), window, means, stds);
                }
                float[] p = predictor.predict(batch);
                for (int i = 0; i < p.length; i++) {
                    out[from + i] = Math.max(0, p[i] * cap);
                }
            }
        } catch (TranslateException e) {
            throw new IllegalStateException("CNN prediction failed", e);
        }
        return out;
    }

    /** All tensor code of inference: flattened [sensor][time] windows in, RUL / cap out. */
    static final class WindowTranslator implements Translator<float[][], float[]> {
        private final int d;
        private final int window;

        WindowTranslator(int d, int window) {
            this.d = d;
            this.window = window;
        }

        @Override
        public NDList processInput(TranslatorContext ctx, float[][] batch) {
            float[] flat = new float[batch.length * d * window];
            for (int i = 0; i < batch.length; i++) {
                System.arraycopy(batch[i], 0, flat, i * d * window, d * window);
            }
            return new NDList(ctx.getNDManager().create(flat, new Shape(batch.length, d, window)));
        }

        @Override
        public float[] processOutput(TranslatorContext ctx, NDList list) {
            return list.singletonOrThrow().toFloatArray();
        }

        @Override
        public Batchifier getBatchifier() {
            return null;
        }
    }

    @Override
    public byte[] bytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(window);
            out.writeInt(cap);
            out.writeInt(filters);
            out.writeInt(means.length);
            for (int c = 0; c < means.length; c++) {
                out.writeFloat(means[c]);
                out.writeFloat(stds[c]);
            }
            model.getBlock().saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static CnnRul load(byte[] bytes, Device device) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int window = in.readInt();
            int cap = in.readInt();
            int filters = in.readInt();
            int d = in.readInt();
            float[] means = new float[d];
            float[] stds = new float[d];
            for (int c = 0; c < d; c++) {
                means[c] = in.readFloat();
                stds[c] = in.readFloat();
            }
            Model model = Model.newInstance("rul-cnn", device, "PyTorch");
            SequentialBlock block = block(filters);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, d, window));
            block.loadParameters(model.getNDManager(), in);
            model.setBlock(block);
            return new CnnRul(model, window, cap, means, stds, filters);
        } catch (IOException | ai.djl.MalformedModelException e) {
            throw new IllegalStateException("stored CNN cannot be read", e);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
