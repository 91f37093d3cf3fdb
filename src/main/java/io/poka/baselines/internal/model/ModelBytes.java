package io.poka.baselines.internal.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;
import org.tribuo.Model;

/**
 * Java serialization of Tribuo models (every Tribuo model is Serializable) and of anomaly monitors for the
 * model_bytes column. Classes resolve
 * through this module's class loader, which also sees Tribuo under Quarkus's class loaders.
 */
public final class ModelBytes {
    private ModelBytes() {
    }

    public static byte[] write(Model<?> model) {
        return writeObject(model);
    }

    /** Any serializable model (an anomaly monitor with its standardisation and limit). */
    public static byte[] writeObject(java.io.Serializable model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(out)) {
            o.writeObject(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Reads a model written by {@link #write}; the bytes come only from this module's own table. */
    public static Model<?> read(byte[] bytes) {
        return (Model<?>) readObject(bytes);
    }

    /** Reads an object written by {@link #writeObject}; the bytes come only from this module's own table. */
    public static Object readObject(byte[] bytes) {
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class LoaderObjectInputStream extends ObjectInputStream {
        LoaderObjectInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, ModelBytes.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
