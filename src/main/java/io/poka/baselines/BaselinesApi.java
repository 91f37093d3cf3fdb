package io.poka.baselines;

import io.poka.baselines.internal.BaselinesService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What other modules (the admin UI, reports) may ask of the baselines module: the stored models of a data set. */
@ApplicationScoped
public class BaselinesApi {
    private final BaselinesService service;

    BaselinesApi(BaselinesService service) {
        this.service = service;
    }

    /** Every stored model of a built-in data set, oldest first, with headline metrics and costs. */
    public List<BaselineModel> models(String dataset) {
        return service.compare(dataset).models();
    }
}
