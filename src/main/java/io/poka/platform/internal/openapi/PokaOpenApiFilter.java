package io.poka.platform.internal.openapi;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Makes the published OpenAPI document say what the server does for the concerns every resource shares (problem+json
 * errors, header schemas, nullability, roles), so the resources' annotations only carry what is specific to them.
 */
public class PokaOpenApiFilter implements OASFilter {
    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        SharedComponents.add(openApi);
        SchemaCleanup.apply(openApi);
        RequestLimits.apply(openApi);
        ProblemResponses.apply(openApi);
        HeaderSchemas.apply(openApi);
        RolesAsExtension.apply(openApi);
        RecordedExamples.apply(openApi);
    }
}
