package io.poka.platform.internal.errors;

import io.poka.platform.JsonProblems;
import io.poka.platform.ValidationProblem.FieldError;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the query parameter whose value could not be converted. JAX-RS answers such a failure with 404 (the spec's
 * rule for query and path parameters) and without the parameter's name; a client needs 400 naming it.
 */
final class QueryParameterProblems {
    private QueryParameterProblems() {
    }

    static Optional<FieldError> firstUnconvertible(ResourceInfo resource, UriInfo uri) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || uri == null) {
            return Optional.empty();
        }
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        for (Parameter p : method.getParameters()) {
            String name = queryName(p);
            if (name == null || !query.containsKey(name)) {
                continue;
            }
            for (String value : query.get(name)) {
                if (!converts(p.getType(), value)) {
                    return Optional.of(new FieldError(name, "must be " + JsonProblems.expected(p.getType())));
                }
            }
        }
        return Optional.empty();
    }

    private static String queryName(Parameter p) {
        for (Annotation a : p.getAnnotations()) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof HeaderParam) {
                return null;
            }
        }
        return null;
    }

    private static boolean converts(Class<?> type, String value) {
        try {
            if (type == Integer.class || type == int.class) {
                Integer.parseInt(value.strip());
            } else if (type == Long.class || type == long.class) {
                Long.parseLong(value.strip());
            } else if (type == Double.class || type == double.class) {
                Double.parseDouble(value.strip());
            } else if (type == BigDecimal.class) {
                new BigDecimal(value.strip());
            } else if (type == UUID.class) {
                UUID.fromString(value.strip());
            } else if (type == Instant.class) {
                Instant.parse(value.strip());
            } else if (type == LocalDate.class) {
                LocalDate.parse(value.strip());
            } else if (type.isEnum()) {
                for (Object c : type.getEnumConstants()) {
                    if (((Enum<?>) c).name().equals(value)) {
                        return true;
                    }
                }
                return false;
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
