package io.poka.platform.internal.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Remembers the ports the embedded services got, so a restart reuses them when they are still free and
 * picks a free one otherwise.
 */
final class PortBook {
    private final Path file;
    private final Properties ports = new Properties();

    private PortBook(Path file) {
        this.file = file;
    }

    static PortBook open(Path file) {
        PortBook book = new PortBook(file);
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                book.ports.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return book;
    }

    int port(String service) {
        String known = ports.getProperty(service);
        if (known != null && isFree(Integer.parseInt(known))) {
            return Integer.parseInt(known);
        }
        int fresh = freePort();
        ports.setProperty(service, Integer.toString(fresh));
        return fresh;
    }

    void save() {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                ports.store(out, "Ports of Poka's embedded services");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }
}
