package io.poka.platform.internal.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginCheckTest {
    private final OriginCheck check = new OriginCheck(List.of("https://poka.example.com"));

    @Test
    void theServersOwnHostAndPortIsTheSameOrigin() {
        assertTrue(check.sameOrigin("http://localhost:8080", null, "localhost:8080"));
        assertTrue(check.sameOrigin("http://LOCALHOST:8080", null, "localhost:8080"));
        assertTrue(check.sameOrigin(null, "http://localhost:8080/ui/lots/1", "localhost:8080"));
        // behind a TLS-terminating proxy that keeps the Host header
        assertTrue(check.sameOrigin("https://qms.plant.example", null, "qms.plant.example"));
        assertTrue(check.sameOrigin("http://qms.plant.example", null, "qms.plant.example"));
    }

    @Test
    void anotherHostOrPortOrNoOriginAtAllIsRefused() {
        assertFalse(check.sameOrigin("https://evil.example", null, "localhost:8080"));
        assertFalse(check.sameOrigin("http://localhost:9090", null, "localhost:8080"));
        assertFalse(check.sameOrigin("http://localhost.evil.example:8080", null, "localhost:8080"));
        assertFalse(check.sameOrigin("https://qms.plant.example:8443", null, "qms.plant.example"));
        assertFalse(check.sameOrigin("null", null, "localhost:8080"));
        assertFalse(check.sameOrigin(null, null, "localhost:8080"));
        // an Origin header wins over a Referer that would match
        assertFalse(check.sameOrigin("https://evil.example", "http://localhost:8080/ui", "localhost:8080"));
    }

    @Test
    void aConfiguredTrustedOriginIsAccepted() {
        assertTrue(check.sameOrigin("https://poka.example.com", null, "poka-internal:8080"));
        assertFalse(check.sameOrigin("http://poka.example.com:8080", null, "poka-internal:8080"));
    }
}
