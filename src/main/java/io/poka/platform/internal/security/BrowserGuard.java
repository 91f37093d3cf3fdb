package io.poka.platform.internal.security;

import io.poka.platform.Problems;
import io.poka.platform.internal.PlatformConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What browsers need beyond authentication: a state-changing request that carries the session cookie must come
 * from Poka's own pages (Origin, else Referer; HTTP Basic clients are not exposed to CSRF and pass), every answer
 * carries the security headers, and the session cookie is Secure where configured.
 */
@ApplicationScoped
public class BrowserGuard {
    static final String UI_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    private static final Set<HttpMethod> STATE_CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private final OriginCheck origins;
    private final boolean secureCookie;
    private final String sessionCookie;
    private final Set<String> sessionCookies;
    private final String signInPost;

    BrowserGuard(PlatformConfig config,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential") String cookie,
            @ConfigProperty(name = "quarkus.http.auth.form.location-cookie", defaultValue = "quarkus-redirect-location")
            String locationCookie,
            @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check")
            String signInPost) {
        this.origins = new OriginCheck(config.web().trustedOrigins().orElse(List.of()));
        this.secureCookie = config.web().secureSessionCookie();
        this.sessionCookie = cookie;
        this.sessionCookies = Set.of(cookie, locationCookie);
        this.signInPost = signInPost;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 1000);
    }

    private void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        HttpServerResponse response = rc.response();
        String path = rc.normalizedPath();
        addHeaders(request, response, path);
        if (secureCookie) {
            rc.addHeadersEndHandler(v -> markSessionCookiesSecure(request, response));
        }
        if (STATE_CHANGING.contains(request.method()) && !fromOwnPage(request, path)) {
            String body = new JsonObject().put("type", Problems.CROSS_ORIGIN).put("title", "Cross-origin request refused")
                    .put("status", 403)
                    .put("detail", "A request that changes data with the session cookie must come from Poka's own pages "
                            + "(Origin or Referer of this server)")
                    .put("instance", path).encode();
            response.setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE).end(body);
            return;
        }
        rc.next();
    }

    /**
     * Browsers send the session cookie by themselves, so a request that relies on it must name one of Poka's pages
     * as its origin; an Authorization header is set only by a deliberate client. The sign-in post carries no session
     * yet: it is refused only when it names a foreign origin (login CSRF).
     */
    private boolean fromOwnPage(HttpServerRequest request, String path) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        String referer = request.getHeader(HttpHeaders.REFERER);
        String host = request.getHeader(HttpHeaders.HOST);
        if (path.equals(signInPost)) {
            return origin == null && referer == null || origins.sameOrigin(origin, referer, host);
        }
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getCookie(sessionCookie) == null) {
            return true;
        }
        return origins.sameOrigin(origin, referer, host);
    }

    private static void addHeaders(HttpServerRequest request, HttpServerResponse response, String path) {
        var headers = response.headers();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
        headers.set("X-Frame-Options", "DENY");
        if (path.equals("/ui") || path.startsWith("/ui/")) {
            headers.set("Content-Security-Policy", UI_POLICY);
        } else if (path.startsWith("/api/")) {
            headers.set("Content-Security-Policy", API_POLICY);
        }
        if (request.isSSL()) {
            headers.set("Strict-Transport-Security", "max-age=31536000");
        }
    }

    /**
     * Runs before the cookies are written: only cookies this response sets are changed, never echoed ones; those set
     * as plain Set-Cookie headers (by the REST layer) are rewritten.
     */
    private void markSessionCookiesSecure(HttpServerRequest request, HttpServerResponse response) {
        for (String name : sessionCookies) {
            for (Cookie cookie : request.cookies(name)) {
                if (cookie instanceof ServerCookie c && c.isChanged()) {
                    cookie.setSecure(true);
                }
            }
        }
        List<String> setCookies = response.headers().getAll(HttpHeaders.SET_COOKIE);
        if (!setCookies.isEmpty()) {
            response.headers().remove(HttpHeaders.SET_COOKIE);
            for (String header : setCookies) {
                boolean ours = sessionCookies.stream().anyMatch(name -> header.startsWith(name + "="));
                boolean secure = header.toLowerCase(java.util.Locale.ROOT).contains("; secure");
                response.headers().add(HttpHeaders.SET_COOKIE, ours && !secure ? header + "; Secure" : header);
            }
        }
    }
}
