package io.poka.scoring.internal.model;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * Starts the PyTorch engine the way Poka needs it: offline (the native library comes from the classpath), with the
 * configured thread counts (the engine's default of all cores slows training 10-60x on a busy host, STACK.md), on
 * the GPU when the engine sees one, else the CPU. System properties must be set before the engine's first use.
 */
public final class PyTorchRuntime {
    private PyTorchRuntime() {
    }

    /** Sets the engine's system properties unless the operator already set them on the command line. */
    public static void configure(int numThreads, int numInteropThreads) {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        setIfAbsent("ai.djl.pytorch.num_threads", numThreads);
        setIfAbsent("ai.djl.pytorch.num_interop_threads", numInteropThreads);
    }

    private static void setIfAbsent(String key, int value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, Integer.toString(value));
        }
    }

    public static Engine engine() {
        return Engine.getEngine("PyTorch");
    }

    /** The first GPU when the engine sees one, else the CPU. */
    public static Device device() {
        return engine().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    /** e.g. "PyTorch 2.7.1 (DJL 0.36.0)". */
    public static String engineDescription() {
        return engine().getEngineName() + " " + engine().getVersion() + " (DJL " + Engine.getDjlVersion() + ")";
    }
}
