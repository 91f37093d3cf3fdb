package io.poka.admin.internal;

import io.poka.audit.AuditApi;
import io.poka.audit.AuditEntry;
import io.poka.audit.AuditQuery;
import io.poka.audit.ChainPoint;
import io.poka.audit.ChainVerification;
import io.poka.platform.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The auditor's screen: the chain's head and verification, the newest entries, and the signed export (downloaded from
 * the audit module's own export endpoint with the session cookie, so the export is recorded as usual).
 */
@Path("/ui/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditPage {
    /** Entries shown, newest first. */
    static final int RECENT = 50;
    /** Entries verified when the page opens; the whole chain is one click away. */
    static final int VERIFIED_ON_OPEN = 1000;

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance audit(ChainPoint head, ChainVerification verification, List<AuditEntry> recent);
    }

    @Inject
    AuditApi audit;

    @GET
    @RolesAllowed({ Roles.AUDITOR, Roles.ADMIN })
    @Operation(hidden = true)
    public TemplateInstance audit() {
        ChainPoint head = audit.head();
        ChainVerification verification = audit.verify(Math.max(1, head.sequence() - VERIFIED_ON_OPEN + 1), null);
        List<AuditEntry> recent = new ArrayList<>(audit.search(AuditQuery.all(), Math.max(0, head.sequence() - RECENT),
                RECENT));
        Collections.reverse(recent);
        return Templates.audit(head, verification, recent);
    }
}
