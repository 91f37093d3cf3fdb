package io.poka.admin.internal;

import io.poka.baselines.BaselinesApi;
import io.poka.baselines.BuiltInDataset;
import io.poka.scoring.DatasetInfo;
import io.poka.scoring.ScoringApi;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Baseline models on any data set: a data scientist picks a built-in, uploaded or telemetry-built data set, the
 * target, features, split and trainer, and reads the evaluation and permutation importance; training goes through the
 * baselines REST API, so the page adds no rules of its own.
 */
@Path("/ui/baselines")
@Produces(MediaType.TEXT_HTML)
public class BaselinesPage {

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance baselines(List<BuiltInDataset> builtIn, List<DatasetInfo> datasets);
    }

    private final BaselinesApi baselines;
    private final ScoringApi scoring;

    BaselinesPage(BaselinesApi baselines, ScoringApi scoring) {
        this.baselines = baselines;
        this.scoring = scoring;
    }

    @GET
    @RolesAllowed("**")
    @Operation(hidden = true)
    public TemplateInstance page() {
        return Templates.baselines(baselines.builtInDatasets(), scoring.datasets());
    }
}
