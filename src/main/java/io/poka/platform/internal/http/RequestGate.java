package io.poka.platform.internal.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.poka.platform.Problems;
import io.poka.platform.internal.PlatformConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses, before any resource runs, what no endpoint can accept: a URI or headers over the limits, a body over
 * quarkus.http.limits.max-body-size, malformed percent-encoding and NUL characters (PostgreSQL cannot store them) in
 * the path or query. It also gives the status-only failures of the HTTP layer (400, 413, ...) a problem+json body:
 * Vert.x answers them with an empty one. Vert.x's own hard limits (quarkus.http.limits.max-initial-line-length,
 * max-header-size) are set far above these, so that this gate, not the codec, answers.
 */
@ApplicationScoped
public class RequestGate {
    private final PlatformConfig.Requests limits;
    private final long maxBody;

    RequestGate(PlatformConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody) {
        this.limits = config.requests();
        this.maxBody = maxBody.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(this::check);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::statusOnlyFailure);
    }

    private void check(RoutingContext ctx) {
        var request = ctx.request();
        String uri = request.uri();
        if (uri == null || !validUri(uri)) {
            refuse(ctx, 400, "malformed-request", "Bad Request", "The request URI is not a valid URI (RFC 3986)");
            return;
        }
        if (uri.length() > limits.maxUriLength()) {
            refuse(ctx, 414, "uri-too-long", "URI Too Long",
                    "The request URI is longer than " + limits.maxUriLength() + " characters");
            return;
        }
        int headerSize = 0;
        for (Map.Entry<String, String> h : request.headers()) {
            headerSize += h.getKey().length() + h.getValue().length();
        }
        if (headerSize > limits.maxHeaderSize()) {
            refuse(ctx, 431, "headers-too-large", "Request Header Fields Too Large",
                    "The request headers are larger than " + limits.maxHeaderSize() + " characters");
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null) {
            long bytes;
            try {
                bytes = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                refuse(ctx, 400, "malformed-request", "Bad Request", "Content-Length is not a number");
                return;
            }
            if (bytes > maxBody) {
                refuse(ctx, 413, "body-too-large", "Content Too Large",
                        "The request body is larger than " + maxBody + " bytes");
                return;
            }
        }
        String problem = uriProblem(request.path(), request.query());
        if (problem != null) {
            refuse(ctx, 400, "malformed-request", "Bad Request", problem);
            return;
        }
        ctx.next();
    }

    /** The check Quarkus makes before routing (disabled by vertx.disableURIValidation so that this gate answers). */
    private static boolean validUri(String uri) {
        try {
            new java.net.URI(uri);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** What is wrong with the path or query (raw, as sent), or null. */
    static String uriProblem(String path, String query) {
        try {
            if (path != null && QueryStringDecoder.decodeComponent(path, StandardCharsets.UTF_8).indexOf('\0') >= 0) {
                return "The path contains the NUL character (U+0000)";
            }
            if (query != null) {
                for (String pair : query.split("&")) {
                    int eq = pair.indexOf('=');
                    String name = QueryStringDecoder.decodeComponent(eq < 0 ? pair : pair.substring(0, eq),
                            StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : QueryStringDecoder.decodeComponent(pair.substring(eq + 1),
                            StandardCharsets.UTF_8);
                    if (name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
                        return "Query parameter " + name.replace('\0', '?')
                                + " contains the NUL character (U+0000)";
                    }
                }
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "The URI has malformed percent-encoding";
        }
    }

    private void statusOnlyFailure(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (ctx.failure() != null || ctx.response().headWritten() || status < 400 || status == 401 || status == 403) {
            ctx.next();
            return;
        }
        String type = switch (status) {
            case 404 -> "not-found";
            case 413 -> "body-too-large";
            case 414 -> "uri-too-long";
            case 431 -> "headers-too-large";
            default -> status >= 500 ? "internal" : "malformed-request";
        };
        var reason = io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase();
        String detail = status == 413 ? "The request body is larger than " + maxBody + " bytes" : reason;
        refuse(ctx, status, type, reason, detail);
    }

    private static void refuse(RoutingContext ctx, int status, String slug, String title, String detail) {
        JsonObject body = new JsonObject().put("type", Problems.type(slug)).put("title", title).put("status", status)
                .put("detail", detail);
        String path = ctx.request().path();
        if (path != null && path.length() <= 200 && path.indexOf('\0') < 0) {
            body.put("instance", path);
        }
        var response = ctx.response().setStatusCode(status).putHeader("Content-Type", Problems.MEDIA_TYPE);
        if (status == 413 || status == 414 || status == 431) {
            // The unread rest of the request cannot be trusted: close once the answer is out.
            response.putHeader("Connection", "close");
            response.endHandler(done -> ctx.request().connection().close());
        }
        response.end(body.encode());
    }
}
