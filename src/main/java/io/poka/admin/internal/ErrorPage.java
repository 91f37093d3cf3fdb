package io.poka.admin.internal;

import io.poka.platform.Problems;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A person who opens a page that fails (no such lot, a role that may not see it) gets a page, not a JSON document:
 * a problem answered to a browser's page request under /ui is rendered as HTML with the same status. The API and the
 * pages' own fetch calls (Accept: application/json) keep application/problem+json.
 */
public class ErrorPage {

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail);
    }

    @ServerResponseFilter
    public void renderForBrowsers(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!(path.equals("/ui") || path.startsWith("/ui/")) || !(response.getEntity() instanceof Map<?, ?> problem)
                || response.getMediaType() == null || !Problems.MEDIA_TYPE.equals(response.getMediaType().toString())
                || request.getAcceptableMediaTypes().stream().noneMatch(t -> "html".equals(t.getSubtype()))) {
            return;
        }
        String html = Templates.error(response.getStatus(), String.valueOf(problem.get("title")),
                problem.get("detail") == null ? null : String.valueOf(problem.get("detail"))).render();
        response.getHeaders().putSingle("Content-Type", MediaType.TEXT_HTML + ";charset=UTF-8");
        response.setEntity(html, null, MediaType.TEXT_HTML_TYPE);
    }
}
