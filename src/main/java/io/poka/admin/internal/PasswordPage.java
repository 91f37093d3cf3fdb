package io.poka.admin.internal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Where users choose their own password: every page leads here while the password is one an administrator set (or
 * generated), since nothing may be done or signed under a password someone else knows (21 CFR 11.300).
 */
@Path("/ui/password")
@Produces(MediaType.TEXT_HTML)
public class PasswordPage {

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance password(boolean required);
    }

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    @GET
    @RolesAllowed("**")
    @Operation(hidden = true)
    public TemplateInstance password() {
        return Templates.password(identity.getAttribute("poka.passwordChangeRequired") != null);
    }
}
