package io.poka.platform;

/** Problem type URIs shared by all modules, so clients can branch on a stable identifier. */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String PREFIX = "urn:poka:problem:";

    public static final String VALIDATION = type("validation");
    public static final String MALFORMED = type("malformed-request");
    public static final String NOT_FOUND = type("not-found");
    public static final String CONFLICT = type("conflict");
    public static final String UNAUTHORIZED = type("unauthorized");
    public static final String FORBIDDEN = type("forbidden");
    public static final String INTERNAL = type("internal");
    /** The user's password was set by someone else (admin, first start, recovery) and must be changed first. */
    public static final String PASSWORD_CHANGE_REQUIRED = type("password-change-required");
    /** A state-changing request carrying the session cookie came from another site's page (CSRF). */
    public static final String CROSS_ORIGIN = type("cross-origin-request");

    private Problems() {
    }

    public static String type(String slug) {
        return PREFIX + slug;
    }
}
