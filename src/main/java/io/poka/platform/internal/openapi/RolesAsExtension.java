package io.poka.platform.internal.openapi;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * HTTP Basic has no scopes: the roles an operation needs (from @RolesAllowed, which SmallRye lists as scopes) move to
 * the operation's x-poka-roles extension and description, and the security requirement keeps no scopes.
 * "*" in x-poka-roles means any signed-in user.
 */
final class RolesAsExtension {
    static final String EXTENSION = "x-poka-roles";

    private RolesAsExtension() {
    }

    static void apply(OpenAPI openApi) {
        for (Operation operation : SchemaWalk.operations(openApi)) {
            if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
                continue;
            }
            List<String> roles = new ArrayList<>();
            List<SecurityRequirement> cleared = new ArrayList<>();
            for (SecurityRequirement requirement : operation.getSecurity()) {
                SecurityRequirement plain = OASFactory.createSecurityRequirement();
                requirement.getSchemes().forEach((scheme, scopes) -> {
                    if (scopes != null) {
                        scopes.stream().map(r -> "**".equals(r) ? "*" : r).filter(r -> !roles.contains(r))
                                .forEach(roles::add);
                    }
                    plain.addScheme(scheme);
                });
                cleared.add(plain);
            }
            operation.setSecurity(cleared);
            if (roles.isEmpty() || operation.getExtensions() != null
                    && operation.getExtensions().containsKey(EXTENSION)) {
                continue;
            }
            operation.addExtension(EXTENSION, roles);
            String who = roles.contains("*") ? "any signed-in user" : String.join(", ", roles);
            String description = operation.getDescription() == null ? "" : operation.getDescription() + "\n\n";
            operation.setDescription(description + "Roles: " + who + ".");
        }
    }
}
