package io.poka.platform;

import java.util.Set;

/** The roles every endpoint is guarded by; kept as constants so annotations and the user API agree. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String QA_MANAGER = "qa-manager";
    public static final String INSPECTOR = "inspector";
    public static final String AUDITOR = "auditor";
    /** ERP/MES machine clients. */
    public static final String INTEGRATION = "integration";

    public static final Set<String> ALL = Set.of(ADMIN, QA_MANAGER, INSPECTOR, AUDITOR, INTEGRATION);

    private Roles() {
    }
}
