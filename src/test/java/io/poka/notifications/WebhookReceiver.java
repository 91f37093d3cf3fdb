package io.poka.notifications;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real HTTP receiver on 127.0.0.1 (JDK HttpServer, random port) that verifies each call's Poka-Signature as
 * docs/notifications.md tells receivers to (its own HMAC code, not Poka's), answers 401 to a bad signature, and can be
 * told to answer 500 a number of times to exercise retries and dead-lettering.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** One call as received. */
    public record Call(String deliveryId, String body, boolean signatureValid, int answered) {
    }

    private final HttpServer server;
    private final String secret;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    public WebhookReceiver(String secret) throws IOException {
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            boolean valid = verify(exchange.getRequestHeaders().getFirst("Poka-Signature"), body);
            int status = !valid ? 401 : failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 204;
            calls.add(new Call(exchange.getRequestHeaders().getFirst("Poka-Delivery-Id"),
                    new String(body, StandardCharsets.UTF_8), valid, status));
            if (status == 500) {
                byte[] answer = "receiver down for maintenance".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(500, answer.length);
                exchange.getResponseBody().write(answer);
            } else {
                exchange.sendResponseHeaders(status, -1);
            }
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next {@code n} calls are answered 500. */
    public void failNext(int n) {
        failuresLeft.set(n);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Calls answered 2xx (delivered). */
    public List<Call> accepted() {
        return calls.stream().filter(c -> c.answered() / 100 == 2).toList();
    }

    /** t=<seconds>,v1=<hex HMAC-SHA256(secret, "<seconds>." + body)>, at most 5 minutes old, compared in constant time. */
    private boolean verify(String header, byte[] body) {
        if (header == null) {
            return false;
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                v1 = part.substring(3);
            }
        }
        if (t == null || v1 == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            // the application's clock may run ahead in these tests, so only the signature's freshness window is
            // checked against the time in the header, not against this JVM's real time
            long age = Instant.now().getEpochSecond() - Long.parseLong(t);
            return age < 300 && MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
