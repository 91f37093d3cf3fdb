package io.poka.platform.internal.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.poka.platform.ProblemException;
import io.poka.platform.JsonProblems;
import io.poka.platform.Problems;
import io.poka.platform.ValidationProblem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.StaleObjectStateException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every exception that leaves a resource into application/problem+json with a stable type. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String CHALLENGE = "Basic realm=\"Poka\", charset=\"UTF-8\"";

    @ServerExceptionMapper
    public Response business(ProblemException e, UriInfo uri) {
        return ProblemBody.response(e.status(), e.type(), e.title(), e.getMessage(), path(uri), e.extensions());
    }

    @ServerExceptionMapper
    public Response beanValidation(ConstraintViolationException e, UriInfo uri) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> Map.of("field", field(v), "message", v.getMessage()))
                .toList();
        String detail = errors.stream().map(m -> m.get("field") + ": " + m.get("message")).collect(Collectors.joining("; "));
        return ProblemBody.response(400, Problems.VALIDATION, "Invalid request", detail, path(uri), Map.of("errors", errors));
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class, InvalidFormatException.class})
    public Response malformedJson(Exception e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping) {
            return fieldProblem(JsonProblems.describe(mapping), uri);
        }
        String detail = e instanceof JsonProcessingException j ? JsonProblems.sanitize(j.getOriginalMessage())
                : JsonProblems.sanitize(e.getMessage());
        return ProblemBody.response(400, Problems.MALFORMED, "Malformed request body", detail, path(uri), Map.of());
    }

    private static Response fieldProblem(ValidationProblem.FieldError error, UriInfo uri) {
        return ProblemBody.response(400, Problems.VALIDATION, "Invalid request", error.field() + ": " + error.message(),
                path(uri), Map.of("errors", List.of(Map.of("field", error.field(), "message", error.message()))));
    }

    @ConfigProperty(name = "quarkus.http.auth.form.login-page", defaultValue = "/ui/login")
    String signInPage;

    @ConfigProperty(name = "quarkus.http.auth.form.error-page", defaultValue = "/ui/login?error=true")
    String signInFailedPage;

    @ConfigProperty(name = "quarkus.http.auth.form.location-cookie", defaultValue = "quarkus-redirect-location")
    String locationCookie;

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        // A browser is sent to the sign-in form; machines get problem+json with a Basic challenge.
        String requested = path(uri);
        if ("/j_security_check".equals(requested)) {
            return Response.seeOther(URI.create(signInFailedPage)).build();
        }
        if (requested != null && (requested.equals("/ui") || requested.startsWith("/ui/"))) {
            if (headers.getAcceptableMediaTypes().stream().noneMatch(t -> "html".equals(t.getSubtype()))) {
                return Response.seeOther(URI.create(signInPage)).build();
            }
            // The form sign-in returns to the page asked for, named by this cookie (same origin only, checked there).
            jakarta.ws.rs.core.NewCookie location = new jakarta.ws.rs.core.NewCookie.Builder(locationCookie)
                    .value(uri.getRequestUri().toString()).path("/").httpOnly(true)
                    .sameSite(jakarta.ws.rs.core.NewCookie.SameSite.STRICT).build();
            return Response.seeOther(URI.create(signInPage)).cookie(location).build();
        }
        Response problem = ProblemBody.response(401, Problems.UNAUTHORIZED, "Authentication required",
                "Sign in with HTTP Basic credentials of an enabled, unlocked Poka user", path(uri), Map.of());
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        String detail = e.getMessage() != null ? e.getMessage() : "Your roles do not allow this operation";
        return ProblemBody.response(403, Problems.FORBIDDEN, "Forbidden", detail, path(uri), Map.of());
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
    public Response staleVersion(RuntimeException e, UriInfo uri) {
        return ProblemBody.response(409, Problems.CONFLICT, "Conflict",
                "The record was changed by someone else; read it again and retry", path(uri), Map.of());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri, ResourceInfo resource) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        if ((status == 404 || status == 400) && e.getCause() != null) {
            // A query parameter that did not convert (JAX-RS says 404); a path parameter stays 404: no such resource.
            var parameter = QueryParameterProblems.firstUnconvertible(resource, uri);
            if (parameter.isPresent()) {
                return fieldProblem(parameter.get(), uri);
            }
            if (status == 400) {
                return ProblemBody.response(400, Problems.MALFORMED, "Bad request",
                        JsonProblems.sanitize(e.getCause().getMessage()), path(uri), Map.of());
            }
            return ProblemBody.response(404, Problems.NOT_FOUND, "Not Found",
                    "No such resource: a path parameter is malformed", path(uri), Map.of());
        }
        String type = switch (status) {
            case 400 -> Problems.MALFORMED;
            case 401 -> Problems.UNAUTHORIZED;
            case 403 -> Problems.FORBIDDEN;
            case 404 -> Problems.NOT_FOUND;
            case 409 -> Problems.CONFLICT;
            default -> Problems.type("http-" + status);
        };
        Response.StatusType info = e.getResponse().getStatusInfo();
        return ProblemBody.response(status, type, info.getReasonPhrase(), JsonProblems.sanitize(e.getMessage()),
                path(uri), Map.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                return malformedJson(json, uri);
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                // PostgreSQL data exception (class 22: out of range, NUL in text, bad escape): the input is at fault.
                LOG.warnf("Refused input the database cannot store (SQLSTATE %s): %s", sql.getSQLState(), sql.getMessage());
                return ProblemBody.response(400, Problems.VALIDATION, "Invalid request",
                        "A value cannot be stored (out of range or containing characters such as NUL); nothing was changed",
                        path(uri), Map.of("sqlState", sql.getSQLState()));
            }
        }
        LOG.error("Unexpected error", e);
        return ProblemBody.response(500, Problems.INTERNAL, "Internal error",
                "An unexpected error occurred; nothing was changed. The server log has the details.", path(uri), Map.of());
    }

    private static String field(ConstraintViolation<?> v) {
        String p = v.getPropertyPath().toString();
        int dot = p.indexOf('.');
        // Drop the method name of parameter violations ("create.body.name" -> "body.name").
        return dot >= 0 && p.indexOf('.', dot + 1) >= 0 ? p.substring(p.indexOf('.', dot + 1) + 1) : p;
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
