package io.poka.platform.internal.openapi;

import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Declares on every operation the error statuses the platform answers for any operation of its shape (authentication,
 * roles, parameter and body conversion, media types, size limits, If-Match) and gives every error response the Problem
 * schema under application/problem+json, so a generated client can read every error as one typed object.
 */
final class ProblemResponses {
    static final String PROBLEM_JSON = "application/problem+json";

    private ProblemResponses() {
    }

    static void apply(OpenAPI openApi) {
        openApi.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            declare(path, operation);
            if (method != PathItem.HttpMethod.GET) {
                // Business rules (ConflictProblem) and concurrent changes (optimistic locking) answer 409 on any write.
                add(operation.getResponses(), "409", "The request conflicts with the record's current state");
            }
            if (refersToRecords(openApi, operation)) {
                add(operation.getResponses(), "404", "A record the body refers to does not exist");
            }
            sortAndType(operation.getResponses());
        }));
    }

    /** Whether the JSON body names other records by id (lotId, planId, datasetId, ...). */
    private static boolean refersToRecords(OpenAPI openApi, Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return false;
        }
        MediaType json = operation.getRequestBody().getContent().getMediaType("application/json");
        Schema schema = json == null ? null : json.getSchema();
        if (schema != null && schema.getRef() != null && openApi.getComponents().getSchemas() != null) {
            schema = openApi.getComponents().getSchemas().get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1));
        }
        return schema != null && schema.getProperties() != null
                && schema.getProperties().keySet().stream().anyMatch(n -> n.endsWith("Id") || n.endsWith("Ids"));
    }

    private static void declare(String path, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        add(responses, "401", "Not signed in, or the credentials are wrong (WWW-Authenticate: Basic)");
        add(responses, "403", "The user's roles do not allow this operation, or the password must be changed first");
        add(responses, "406", "The Accept header allows none of the media types this operation sends");
        add(responses, "500", "Unexpected error; nothing was changed");
        // RequestGate answers 400 to a malformed request target (not RFC 3986, NUL) whatever the operation takes.
        add(responses, "400", body || parameters
                ? "A parameter or the body is malformed or invalid ('errors' names the fields)"
                : "The request target is malformed (not a valid URI, or a NUL character)");
        if (path.contains("{")) {
            add(responses, "404", "No such resource");
        }
        if (body) {
            add(responses, "413", "The request body is larger than the server accepts");
            add(responses, "415", "The body's Content-Type is not one this operation reads");
        }
        Parameter ifMatch = header(operation, "If-Match");
        if (ifMatch != null) {
            add(responses, "412", "If-Match does not match the record's current version (ETag): read it again");
            if (Boolean.TRUE.equals(ifMatch.getRequired())) {
                add(responses, "428", "If-Match is required and was not sent");
            }
        }
    }

    private static void sortAndType(APIResponses responses) {
        Map<String, APIResponse> sorted = new TreeMap<>(responses.getAPIResponses());
        sorted.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                problemContent(response);
            }
        });
        responses.setAPIResponses(sorted);
    }

    static Parameter header(Operation operation, String name) {
        if (operation.getParameters() == null) {
            return null;
        }
        return operation.getParameters().stream()
                .filter(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()))
                .findFirst().orElse(null);
    }

    private static void add(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    /** Error bodies are problem documents whatever the operation produces otherwise. */
    private static void problemContent(APIResponse response) {
        MediaType problem = null;
        if (response.getContent() != null && response.getContent().getMediaTypes() != null) {
            problem = response.getContent().getMediaType(PROBLEM_JSON);
            // Only problem+json is sent for errors: other media types listed on an error response are wrong.
            response.getContent().getMediaTypes().keySet().stream().filter(k -> !k.equals(PROBLEM_JSON)).toList()
                    .forEach(response.getContent()::removeMediaType);
        }
        if (problem == null) {
            problem = OASFactory.createMediaType();
            if (response.getContent() == null) {
                response.setContent(OASFactory.createContent());
            }
            response.getContent().addMediaType(PROBLEM_JSON, problem);
        }
        problem.setSchema(OASFactory.createSchema().ref(SharedComponents.ref(SharedComponents.PROBLEM)));
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription("Problem");
        }
    }
}
