package io.poka.admin.internal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;

/**
 * Sign-in and sign-out for the web UI. The form posts to Quarkus' form authentication ({@code j_security_check}),
 * which checks the same user accounts, lockout and roles as HTTP Basic; the session lives in an encrypted,
 * HTTP-only, same-site cookie.
 */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance signIn(boolean failed, boolean signedOut, boolean cookieNeedsHttps);
    }

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
    String cookieName;

    /** The platform's setting: a Secure session cookie is dropped by browsers on plain HTTP to another host. */
    @ConfigProperty(name = "poka.platform.web.secure-session-cookie", defaultValue = "true")
    boolean secureCookie;

    @GET
    @Path("/login")
    @PermitAll
    @Operation(hidden = true)
    public TemplateInstance signIn(@QueryParam("error") boolean failed, @QueryParam("signed-out") boolean signedOut,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        URI page = uri.getRequestUri();
        boolean local = java.util.Set.of("localhost", "127.0.0.1", "[::1]").contains(page.getHost());
        return Templates.signIn(failed, signedOut, secureCookie && "http".equals(page.getScheme()) && !local);
    }

    @POST
    @Path("/logout")
    @PermitAll
    @Operation(hidden = true)
    public Response signOut() {
        NewCookie expired = new NewCookie.Builder(cookieName).path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).value("").build();
        return Response.seeOther(URI.create("/ui/login?signed-out=true")).cookie(expired).build();
    }
}
