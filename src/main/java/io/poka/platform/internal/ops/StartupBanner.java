package io.poka.platform.internal.ops;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Tells the person who started Poka where to find it. */
@ApplicationScoped
public class StartupBanner {
    private static final Logger LOG = Logger.getLogger(StartupBanner.class);

    @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0")
    String host;

    @ConfigProperty(name = "quarkus.http.port")
    int port;

    void onStart(@Observes @jakarta.annotation.Priority(jakarta.interceptor.Interceptor.Priority.LIBRARY_AFTER + 1000) StartupEvent event) {
        String base = "http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + port;
        LOG.infof("%nPoka is running:%n  Web UI       %s/ui%n  API          %s/api/v1%n  API docs     %s/q/swagger-ui  (OpenAPI: %s/q/openapi)%n"
                + "  Health       %s/q/health  (live, ready, started)%n  Metrics      %s/q/metrics%n"
                + "  Sign in (web UI form or HTTP Basic) as 'admin' first.", base, base, base, base, base, base);
    }
}
