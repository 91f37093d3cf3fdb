package io.poka.scoring.internal.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Trains a {@link VaeGanBlock} with alternating updates (Larsen et al., "Autoencoding beyond pixels using a learned
 * similarity metric", ICML 2016): first the discriminator on real vs reconstructed and prior-generated vectors,
 * then encoder and decoder on MSE reconstruction + beta * KL + lambda * non-saturating adversarial loss. Two Adam
 * optimisers; gradients are zeroed explicitly because the PyTorch engine accumulates them across backward calls.
 * An attempt that diverges (a non-finite loss or weight) is restarted from scratch with the same seed at a tenth of
 * the learning rate (at most the default rate), at most {@link #MAX_RESTARTS} times, and every restart is returned with the result: an adversarial game can blow up
 * on rare batches, and a plant training with the defaults must get finite scores, not a failure at random.
 */
public final class VaeGanTraining {

    /** Mean losses of one epoch. */
    public record EpochLoss(int epoch, double reconstruction, double kl, double adversarial, double discriminator) {
    }

    /** Called after every epoch; may be called from the training thread only. */
    @FunctionalInterface
    public interface Progress {
        void epochDone(EpochLoss loss, int epochs);
    }

    /** Thrown when the caller's cancellation flag was seen between two batches. */
    public static final class Cancelled extends RuntimeException {
        public Cancelled() {
            super("training cancelled");
        }
    }

    /** The trained parameters (DJL's block format) and the loss history. */
    public record Result(byte[] parameters, List<EpochLoss> history, List<Restart> restarts) {
    }

    /**
     * A restart after a diverged attempt, kept in the model's metadata.
     *
     * @param attempt the attempt that starts here (1 = the first restart)
     * @param epoch the epoch in which the previous attempt diverged
     * @param reason which value became non-finite
     * @param learningRate the learning rate of the new attempt
     * @param seed the seed of the new attempt (the training's own: the restart is as deterministic as the first try)
     * @param at when the restart was decided
     */
    public record Restart(int attempt, int epoch, String reason, double learningRate, long seed, Instant at) {
    }

    /** Restarts after the first attempt when attempts diverge. */
    static final int MAX_RESTARTS = 3;
    /** Each restart's learning rate is the previous one times this, and at most the default rate. */
    static final double RESTART_RATE_FACTOR = 0.1;
    /** Elementwise bound on the gradient Adam sees: one overflowing gradient must not throw the weights far. */
    static final float CLIP_GRADIENT = 10f;

    /** An attempt produced a non-finite loss or weight. */
    private static final class Diverged extends RuntimeException {
        private final int epoch;

        Diverged(int epoch, String reason) {
            super(reason, null, false, false);
            this.epoch = epoch;
        }
    }

    private VaeGanTraining() {
    }

    /**
     * Trains, restarting a diverged attempt at a lower learning rate; fails (IllegalStateException naming the value)
     * only when {@link #MAX_RESTARTS} restarts diverged too. Progress starts again at epoch 1 after a restart.
     */
    public static Result train(float[][] x, Hyperparameters h, Device device, Progress progress, BooleanSupplier cancelled) {
        return train(x, List.of(), h, device, progress, cancelled);
    }

    /**
     * Trains like {@link #train(float[][], Hyperparameters, Device, Progress, BooleanSupplier)}, each minibatch taken
     * from {@code x} or from one of {@code copies} (the same rows as if recorded in other runs, aligned with x: row i
     * of every copy is row i's version), chosen uniformly per minibatch with its own seeded generator; an epoch still
     * passes over n rows, so the training costs the same as without copies.
     */
    public static Result train(float[][] x, List<float[][]> copies, Hyperparameters h, Device device,
            Progress progress, BooleanSupplier cancelled) {
        for (float[][] copy : copies) {
            if (copy.length != x.length) {
                throw new IllegalArgumentException("a training copy has " + copy.length + " rows, not " + x.length);
            }
        }
        List<Restart> restarts = new ArrayList<>();
        double rate = h.learningRate();
        for (int attempt = 0;; attempt++) {
            try {
                Result done = attempt(x, copies, h, rate, device, progress, cancelled);
                return new Result(done.parameters(), done.history(), List.copyOf(restarts));
            } catch (Diverged e) {
                if (attempt == MAX_RESTARTS) {
                    throw new IllegalStateException("training diverged in " + (attempt + 1) + " attempts (the last at "
                            + "learning rate " + rate + "): " + e.getMessage() + "; lower the learning rate");
                }
                rate = Math.min(rate * RESTART_RATE_FACTOR, Hyperparameters.DEFAULTS.learningRate());
                restarts.add(new Restart(attempt + 1, e.epoch, e.getMessage(), rate, h.seed(), Instant.now()));
            }
        }
    }

    private static Result attempt(float[][] x, List<float[][]> copies, Hyperparameters h, double learningRate,
            Device device, Progress progress, BooleanSupplier cancelled) {
        int n = x.length;
        int d = x[0].length;
        int batch = Math.min(h.batchSize(), n);
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed((int) (long) h.seed());
        Random shuffle = new Random(h.seed());
        // a generator of its own: without copies the shuffle (and so the model) is exactly as before
        Random source = new Random(h.seed() * 31 + 7);
        try (NDManager manager = NDManager.newBaseManager(device, "PyTorch")) {
            VaeGanBlock block = new VaeGanBlock(d, h);
            block.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            block.initialize(manager, DataType.FLOAT32, new Shape(batch, d));
            ParameterStore ps = new ParameterStore(manager, false);
            List<Parameter> generator = new ArrayList<>();
            block.encoder().getParameters().forEach(p -> generator.add(p.getValue()));
            block.decoder().getParameters().forEach(p -> generator.add(p.getValue()));
            List<Parameter> critic = new ArrayList<>();
            block.discriminator().getParameters().forEach(p -> critic.add(p.getValue()));
            List<Parameter> all = new ArrayList<>(generator);
            all.addAll(critic);
            Optimizer genOpt = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) learningRate))
                    .optClipGrad(CLIP_GRADIENT).build();
            Optimizer discOpt = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) learningRate))
                    .optClipGrad(CLIP_GRADIENT).build();
            float beta = h.beta().floatValue();
            float lambda = h.lambda().floatValue();

            List<EpochLoss> history = new ArrayList<>();
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int epoch = 1; epoch <= h.epochs(); epoch++) {
                shuffle(order, shuffle);
                double rec = 0;
                double kl = 0;
                double adv = 0;
                double dis = 0;
                int batches = 0;
                for (int start = 0; start < n; start += batch) {
                    if (cancelled.getAsBoolean()) {
                        throw new Cancelled();
                    }
                    int b = Math.min(batch, n - start);
                    int from = copies.isEmpty() ? 0 : source.nextInt(copies.size() + 1);
                    float[][] version = from == 0 ? x : copies.get(from - 1);
                    float[][] rows = new float[b][];
                    for (int i = 0; i < b; i++) {
                        rows[i] = version[order[start + i]];
                    }
                    try (NDManager bm = manager.newSubManager()) {
                        NDArray xb = bm.create(rows);
                        zeroGradients(all);
                        try (GradientCollector gc = engine.newGradientCollector()) {
                            NDList enc = block.encode(ps, xb, true);
                            NDArray recon = block.decode(ps, sample(enc, bm), true).stopGradient();
                            NDArray gen = block.decode(ps, bm.randomNormal(new Shape(b, block.latentSize())), true).stopGradient();
                            NDArray lossD = Activation.softPlus(block.discriminate(ps, xb, true).neg()).mean()
                                    .add(Activation.softPlus(block.discriminate(ps, recon, true)).mean().mul(0.5f))
                                    .add(Activation.softPlus(block.discriminate(ps, gen, true)).mean().mul(0.5f));
                            gc.backward(lossD);
                            dis += finite(lossD.getFloat(), "discriminator loss", epoch);
                        }
                        update(discOpt, critic);
                        zeroGradients(all);
                        try (GradientCollector gc = engine.newGradientCollector()) {
                            NDList enc = block.encode(ps, xb, true);
                            NDArray mean = enc.get(0);
                            NDArray logVar = enc.get(1);
                            NDArray recon = block.decode(ps, sample(enc, bm), true);
                            NDArray gen = block.decode(ps, bm.randomNormal(new Shape(b, block.latentSize())), true);
                            NDArray mse = recon.sub(xb).square().mean();
                            // KL(N(mean, exp(logVar)) || N(0, I)) per row, averaged, per input dimension
                            NDArray klTerm = logVar.add(1).sub(mean.square()).sub(logVar.exp()).sum(new int[] {1})
                                    .mean().mul(-0.5f / d);
                            NDArray advTerm = Activation.softPlus(block.discriminate(ps, recon, true).neg()).mean()
                                    .add(Activation.softPlus(block.discriminate(ps, gen, true).neg()).mean()).mul(0.5f);
                            NDArray lossG = mse.add(klTerm.mul(beta)).add(advTerm.mul(lambda));
                            gc.backward(lossG);
                            rec += finite(mse.getFloat(), "reconstruction loss", epoch);
                            kl += finite(klTerm.getFloat(), "KL term", epoch);
                            adv += finite(advTerm.getFloat(), "adversarial loss", epoch);
                        }
                        update(genOpt, generator);
                    }
                    batches++;
                }
                requireFiniteWeights(all, epoch);
                EpochLoss loss = new EpochLoss(epoch, rec / batches, kl / batches, adv / batches, dis / batches);
                history.add(loss);
                progress.epochDone(loss, h.epochs());
            }
            zeroGradients(all);
            return new Result(save(block), history, List.of());
        }
    }

    private static float finite(float value, String what, int epoch) {
        if (!Float.isFinite(value)) {
            throw new Diverged(epoch, "non-finite " + what + " (" + value + ") in epoch " + epoch);
        }
        return value;
    }

    /** Fails the attempt when a weight is NaN or infinite (the last batch's update is not seen by any loss). */
    private static void requireFiniteWeights(List<Parameter> parameters, int epoch) {
        for (Parameter p : parameters) {
            NDArray w = p.getArray();
            try (NDArray nan = w.isNaN(); NDArray inf = w.isInfinite(); NDArray bad = nan.logicalOr(inf);
                    NDArray any = bad.any()) {
                if (any.getBoolean()) {
                    throw new Diverged(epoch, "non-finite weight in " + p.getName() + " after epoch " + epoch);
                }
            }
        }
    }

    /** Reparameterisation: z = mean + exp(logVar / 2) * eps, eps ~ N(0, I). */
    private static NDArray sample(NDList enc, NDManager bm) {
        NDArray eps = bm.randomNormal(enc.get(0).getShape());
        return enc.get(0).add(enc.get(1).mul(0.5f).exp().mul(eps));
    }

    private static void update(Optimizer optimizer, List<Parameter> parameters) {
        for (Parameter p : parameters) {
            NDArray w = p.getArray();
            try (NDArray g = w.getGradient()) {
                optimizer.update(p.getId(), w, g);
            }
        }
    }

    static void zeroGradients(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            NDArray w = p.getArray();
            if (w.hasGradient()) {
                try (NDArray g = w.getGradient()) {
                    // fill with 0, not g - g: an infinite gradient would leave NaN behind and poison every later step
                    g.set(new NDIndex(":"), 0);
                } catch (IllegalStateException noGradientYet) {
                    // before the first backward pass there is nothing to zero
                }
            }
        }
    }

    private static void shuffle(int[] a, Random r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static byte[] save(VaeGanBlock block) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
