package io.poka.contract;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A RestAssured filter that checks every answer it sees against the OpenAPI document and remembers which operation
 * answered which status, so a test can drive real flows and then assert that the server and the document agree.
 */
final class ContractCheck implements Filter {
    private final OpenApiContract contract;
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> answered = Collections.synchronizedSet(new TreeSet<>());

    ContractCheck(OpenApiContract contract) {
        this.contract = contract;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        Response answer = context.next(request, response);
        String path = URI.create(request.getURI()).getRawPath();
        Map<String, String> headers = new LinkedHashMap<>();
        answer.getHeaders().forEach(h -> headers.putIfAbsent(h.getName(), h.getValue()));
        List<String> found = contract.violations(request.getMethod(), path, answer.getStatusCode(),
                answer.getContentType(), headers, answer.asByteArray());
        violations.addAll(found);
        contract.match(request.getMethod(), path).ifPresent(op -> {
            answered.add(op.id() + " " + answer.getStatusCode());
            if (found.isEmpty() && answer.getStatusCode() < 300) {
                RecordedExamples.offer(op.id(), answer.getStatusCode(), answer.getContentType(), request.getBody(),
                        answer.asByteArray());
            }
        });
        return answer;
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    /** "operationId status" of every answer seen. */
    Set<String> answered() {
        return Set.copyOf(answered);
    }

    boolean answered(String operationId, int status) {
        return answered.contains(operationId + " " + status);
    }
}
