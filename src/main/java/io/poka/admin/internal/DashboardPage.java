package io.poka.admin.internal;

import io.poka.alerts.AlertView;
import io.poka.alerts.AlertsApi;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** The shift's first screen: what is out of control, what is held, and how capable and watched the processes are. */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
public class DashboardPage {

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance dashboard(List<AlertView> openAlerts);
    }

    @Inject
    AlertsApi alerts;

    @GET
    @RolesAllowed("**")
    @Operation(hidden = true)
    public TemplateInstance dashboard() {
        return Templates.dashboard(alerts.unresolved());
    }
}
