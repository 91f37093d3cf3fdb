package io.poka.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of every module's business exceptions: it carries what an RFC 9457 problem document needs, so the
 * platform renders all of them as application/problem+json with a stable {@code type}.
 */
public abstract class ProblemException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    /**
     * @param status HTTP status
     * @param typeSlug stable, module-qualified identifier such as {@code lots/illegal-transition}; the
     *        problem's {@code type} becomes {@code urn:poka:problem:<slug>}
     */
    protected ProblemException(int status, String typeSlug, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = Problems.type(typeSlug);
        this.title = title;
    }

    /** Adds a machine-readable member to the problem document (e.g. the allowed transitions). */
    protected ProblemException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extensions() {
        return Map.copyOf(extensions);
    }
}
