package io.poka.capa.internal;

import io.poka.capa.CapaStatus;
import io.poka.capa.EffectivenessCriterion;
import io.poka.platform.Signature;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** Request bodies of the CAPA API. */
final class CapaRequests {
    private CapaRequests() {
    }

    /**
     * A new action: linked to an NCR ({@code ncrId}) or standalone; the owner is a known user; the criterion may be
     * given now or when the effectiveness window starts.
     */
    record NewCapa(@NotNull @Pattern(regexp = "CORRECTIVE|PREVENTIVE") String kind,
            @NotBlank @Size(max = 200) String title, @Size(max = 4000) String description, UUID ncrId,
            @NotBlank @Size(max = 100) String owner, @NotNull Instant dueAt, EffectivenessCriterion criterion) {
    }

    /**
     * A status move: IN_PROGRESS, IMPLEMENTED, EFFECTIVENESS_PENDING (starts the window; may set or replace the
     * criterion) or REOPENED (by hand, with a reason). {@code version} guards against a concurrent change.
     */
    record Transition(@NotNull CapaStatus to, @Size(max = 2000) String reason, EffectivenessCriterion criterion,
            Long version) {
    }

    /** The QA manager's signed closure: the reason and the password re-entered for the e-signature. */
    record Closure(@NotBlank @Size(max = 2000) String reason, @NotNull SignatureInput signature) {
    }

    /** The password re-entered at signing (21 CFR 11.200) and what the signature means (APPROVAL when absent). */
    record SignatureInput(@NotBlank String password, Signature.Meaning meaning) {
    }
}
