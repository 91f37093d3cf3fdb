package io.poka.admin.internal;

import io.poka.platform.NotFoundProblem;
import io.poka.scoring.ActiveModel;
import io.poka.scoring.DatasetInfo;
import io.poka.scoring.ModelVersion;
import io.poka.scoring.ScoringApi;
import io.poka.scoring.TrainingJob;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The VAE-GAN model registry: versions per line, training with live progress, and one version's metrics next to the
 * anomaly monitors of the baselines module on its own training data (stored comparisons, and a new one run from the
 * page), with promotion and rollback (both done through the scoring REST API, under an e-signature).
 */
@Path("/ui/models")
@Produces(MediaType.TEXT_HTML)
public class ModelsPage {
    /** Jobs shown under the training form. */
    static final int RECENT_JOBS = 8;

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance models(List<ActiveModel> activeModels, List<ModelVersion> models,
                List<DatasetInfo> datasets, List<TrainingJob> jobs);

        static native TemplateInstance model(ModelVersion model, List<ModelVersion> lineVersions,
                List<DatasetInfo> faultCandidates);
    }

    private final ScoringApi scoring;

    ModelsPage(ScoringApi scoring) {
        this.scoring = scoring;
    }

    @GET
    @RolesAllowed("**")
    @Operation(hidden = true)
    public TemplateInstance list() {
        List<TrainingJob> jobs = scoring.trainingJobs(null);
        return Templates.models(scoring.activeModels(), scoring.models(null), scoring.datasets(),
                jobs.subList(0, Math.min(RECENT_JOBS, jobs.size())));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("**")
    @Operation(hidden = true)
    public TemplateInstance detail(@PathParam("id") UUID id) {
        ModelVersion model = scoring.model(id).orElseThrow(() -> new NotFoundProblem("Model", id));
        // any other registry data set may be scored as a fault run; the baselines module checks its columns
        List<DatasetInfo> faultCandidates = scoring.datasets().stream()
                .filter(d -> !d.id().equals(model.datasetId())).toList();
        return Templates.model(model, scoring.models(model.line()), faultCandidates);
    }
}
