package io.poka.scoring.internal.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The VAE-GAN's three networks in one block so their parameters are saved, loaded and cached together: an encoder
 * to mean and log-variance of the latent code, a decoder back to the input space, and a discriminator that tells
 * real input vectors from reconstructed or generated ones (one logit). Its forward pass is the deterministic scoring
 * pass (latent mean, no sampling): reconstruction, discriminator logit of the input.
 */
public final class VaeGanBlock extends AbstractBlock {
    private final int inputSize;
    private final int latentSize;
    private final SequentialBlock encoder;
    private final SequentialBlock decoder;
    private final SequentialBlock discriminator;

    public VaeGanBlock(int inputSize, Hyperparameters h) {
        super((byte) 1);
        this.inputSize = inputSize;
        this.latentSize = h.latentSize();
        SequentialBlock enc = new SequentialBlock();
        for (int size : h.hiddenSizes()) {
            enc.add(Linear.builder().setUnits(size).build()).add(Activation.reluBlock());
        }
        enc.add(Linear.builder().setUnits(2L * latentSize).build());
        SequentialBlock dec = new SequentialBlock();
        for (int i = h.hiddenSizes().size() - 1; i >= 0; i--) {
            dec.add(Linear.builder().setUnits(h.hiddenSizes().get(i)).build()).add(Activation.reluBlock());
        }
        dec.add(Linear.builder().setUnits(inputSize).build());
        SequentialBlock disc = new SequentialBlock()
                .add(Linear.builder().setUnits(h.discriminatorHidden()).build())
                .add(Activation.leakyReluBlock(0.2f))
                .add(Linear.builder().setUnits(Math.max(2, h.discriminatorHidden() / 2)).build())
                .add(Activation.leakyReluBlock(0.2f))
                .add(Linear.builder().setUnits(1).build());
        this.encoder = addChildBlock("encoder", enc);
        this.decoder = addChildBlock("decoder", dec);
        this.discriminator = addChildBlock("discriminator", disc);
    }

    public Block encoder() {
        return encoder;
    }

    public Block decoder() {
        return decoder;
    }

    public Block discriminator() {
        return discriminator;
    }

    public int latentSize() {
        return latentSize;
    }

    /** Splits the encoder output into (mean, log-variance). */
    public NDList encode(ParameterStore ps, NDArray x, boolean training) {
        NDArray out = encoder.forward(ps, new NDList(x), training).singletonOrThrow();
        NDList halves = out.split(2, 1);
        return new NDList(halves.get(0), halves.get(1).clip(-10f, 10f));
    }

    public NDArray decode(ParameterStore ps, NDArray z, boolean training) {
        return decoder.forward(ps, new NDList(z), training).singletonOrThrow();
    }

    public NDArray discriminate(ParameterStore ps, NDArray x, boolean training) {
        return discriminator.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray mean = encode(ps, x, training).get(0);
        return new NDList(decode(ps, mean, training), discriminate(ps, x, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long n = inputShapes[0].get(0);
        return new Shape[] {new Shape(n, inputSize), new Shape(n, 1)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long n = inputShapes[0].get(0);
        encoder.initialize(manager, dataType, inputShapes[0]);
        decoder.initialize(manager, dataType, new Shape(n, latentSize));
        discriminator.initialize(manager, dataType, inputShapes[0]);
    }
}
