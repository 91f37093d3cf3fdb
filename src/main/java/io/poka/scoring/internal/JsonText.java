package io.poka.scoring.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.platform.JsonColumns;
import jakarta.enterprise.context.ApplicationScoped;

/** The module's jsonb columns as text (the platform's JsonColumns), one shared bean for the module's classes. */
@ApplicationScoped
public class JsonText extends JsonColumns {

    /** For the CDI client proxy only (it delegates every call to the bean). */
    JsonText() {
        super(null);
    }

    @jakarta.inject.Inject
    JsonText(ObjectMapper json) {
        super(json);
    }
}
