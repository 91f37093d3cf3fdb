package io.poka.platform.internal.security;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a browser request comes from a page of this server: the Origin header (or, without it, the
 * Referer's origin) must name the host and port the request was sent to, or a configured trusted origin. The scheme
 * is not compared, so a TLS-terminating proxy that forwards plain HTTP with the original Host still matches.
 */
final class OriginCheck {
    private final Set<String> trusted;

    OriginCheck(List<String> trustedOrigins) {
        this.trusted = trustedOrigins.stream().map(OriginCheck::hostAndPort).filter(h -> h != null)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @param origin the Origin header, may be null (or "null" from privacy-sensitive contexts, which never matches)
     * @param referer the Referer header, used only when there is no Origin
     * @param host the Host header the request was sent with
     */
    boolean sameOrigin(String origin, String referer, String host) {
        String source = origin != null ? origin : referer;
        String from = source == null ? null : hostAndPort(source);
        if (from == null) {
            return false;
        }
        if (trusted.contains(from)) {
            return true;
        }
        if (host == null || host.isBlank()) {
            return false;
        }
        String target = host.toLowerCase(Locale.ROOT);
        // Host without a port: the default port of whatever scheme the browser used.
        return from.equals(target) || from.equals(target + ":80") && source.startsWith("http:")
                || from.equals(target + ":443") && source.startsWith("https:");
    }

    /** "host:port" of an absolute http(s) URL, the port made explicit; null when it is not one. */
    static String hostAndPort(String url) {
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                return null;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(scheme) ? 443 : 80;
            return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
