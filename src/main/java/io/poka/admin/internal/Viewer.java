package io.poka.admin.internal;

import io.poka.platform.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Set;
import java.util.TreeSet;

/**
 * The signed-in user as the templates see it ({@code {cdi:viewer...}}), so every page offers only what the
 * user's roles allow; the REST endpoints still enforce the same roles on every action.
 */
@RequestScoped
@Named("viewer")
public class Viewer {

    @Inject
    SecurityIdentity identity;

    public String getName() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    public Set<String> getRoles() {
        return new TreeSet<>(identity.getRoles());
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    /** Release, reject, dispositions, alert resolution, model promotion: the QA manager's (or admin's) decisions. */
    public boolean isQaManager() {
        return has(Roles.QA_MANAGER) || has(Roles.ADMIN);
    }

    /** Acknowledging alerts: what the floor (inspectors) may do too; holds stay with the QA managers (LotResource). */
    public boolean isFloor() {
        return isQaManager() || has(Roles.INSPECTOR);
    }

    public boolean isAuditor() {
        return has(Roles.AUDITOR) || has(Roles.ADMIN);
    }

    /** Any role that works in the UI; an integration (ERP/MES machine) account alone is not offered the pages. */
    public boolean isReader() {
        return isFloor() || has(Roles.AUDITOR);
    }

    public boolean isAdmin() {
        return has(Roles.ADMIN);
    }
}
