package io.poka.scoring.internal.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Trains a {@link VaeGanBlock} with alternating updates (Larsen et al., "Autoencoding beyond pixels using a learned
 * similarity metric", ICML 2016): first the discriminator on real vs reconstructed and prior-generated vectors,
 * then encoder and decoder on MSE reconstruction + beta * KL + lambda * non-saturating adversarial loss. Two Adam
 * optimisers; gradients are zeroed explicitly because the PyTorch engine accumulates them across backward calls.
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
    public record Result(byte[] parameters, List<EpochLoss> history) {
    }

    private VaeGanTraining() {
    }

    public static Result train(float[][] x, Hyperparameters h, Device device, Progress progress, BooleanSupplier cancelled) {
        int n = x.length;
        int d = x[0].length;
        int batch = Math.min(h.batchSize(), n);
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed((int) (long) h.seed());
        Random shuffle = new Random(h.seed());
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
            Optimizer genOpt = Optimizer.adam().optLearningRateTracker(Tracker.fixed(h.learningRate().floatValue())).build();
            Optimizer discOpt = Optimizer.adam().optLearningRateTracker(Tracker.fixed(h.learningRate().floatValue())).build();
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
                    float[][] rows = new float[b][];
                    for (int i = 0; i < b; i++) {
                        rows[i] = x[order[start + i]];
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
                            dis += lossD.getFloat();
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
                            rec += mse.getFloat();
                            kl += klTerm.getFloat();
                            adv += advTerm.getFloat();
                        }
                        update(genOpt, generator);
                    }
                    batches++;
                }
                EpochLoss loss = new EpochLoss(epoch, rec / batches, kl / batches, adv / batches, dis / batches);
                history.add(loss);
                progress.epochDone(loss, h.epochs());
            }
            zeroGradients(all);
            return new Result(save(block), history);
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

    private static void zeroGradients(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            NDArray w = p.getArray();
            if (w.hasGradient()) {
                try (NDArray g = w.getGradient()) {
                    g.subi(g);
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
