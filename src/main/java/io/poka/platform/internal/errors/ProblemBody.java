package io.poka.platform.internal.errors;

import io.poka.platform.Problems;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds RFC 9457 problem documents; every error response of Poka goes through here. */
final class ProblemBody {
    private ProblemBody() {
    }

    static Response response(int status, String type, String title, String detail, String instance,
            Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        body.putAll(extensions);
        return Response.status(status).type(Problems.MEDIA_TYPE).entity(body).build();
    }
}
