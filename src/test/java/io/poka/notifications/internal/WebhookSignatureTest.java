package io.poka.notifications.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Poka-Signature header is t=<seconds>,v1=<hex HMAC-SHA256(secret, "<seconds>." + body)>, as documented. */
class WebhookSignatureTest {
    private static final String SECRET = "whsec-test-0123456789abcdef";
    private static final byte[] BODY = "{\"kind\":\"OPENED\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSignatureIsTheHmacOfTimeAndBodyAsOpensslComputesIt() {
        // reference: printf '%s' '1733368800.{"kind":"OPENED"}' | openssl dgst -sha256 -hmac 'whsec-test-0123456789abcdef'
        assertEquals("t=1733368800,v1=25fcb4773488ccc92d3b070dc287395ac9c7ffdfa3622aef930a5c5cedd43ad1",
                WebhookSignature.header(SECRET, 1733368800L, BODY));
    }

    @Test
    void anotherTimeOrSecretGivesAnotherSignature() {
        String signed = WebhookSignature.header(SECRET, 1733368800L, BODY);
        assertNotEquals(signed.substring(signed.indexOf("v1=")),
                WebhookSignature.header(SECRET, 1733368801L, BODY).substring(signed.indexOf("v1=")));
        assertNotEquals(signed, WebhookSignature.header(SECRET + "x", 1733368800L, BODY));
    }
}
