package io.poka.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a webhook receiver checks: HMAC-SHA256 with the subscription's secret over
 * {@code <unix seconds>.<raw body>}, sent as {@code Poka-Signature: t=<unix seconds>,v1=<hex>}. Binding the time
 * into the signature lets a receiver refuse replays of old messages (docs/notifications.md, "Verifying a webhook").
 */
public final class WebhookSignature {
    /** Header carrying the time and the signature. */
    public static final String HEADER = "Poka-Signature";
    /** Header carrying the delivery id, the same on every retry of one message (receivers deduplicate on it). */
    public static final String DELIVERY_HEADER = "Poka-Delivery-Id";

    private WebhookSignature() {
    }

    /** The value of {@link #HEADER} for a body sent at {@code epochSeconds}. */
    public static String header(String secret, long epochSeconds, byte[] body) {
        return "t=" + epochSeconds + ",v1=" + hmacHex(secret, epochSeconds, body);
    }

    static String hmacHex(String secret, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
