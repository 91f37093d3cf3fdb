package io.poka.lots.internal;

import io.poka.platform.ProblemException;
import java.util.List;

/** The problems of the lots API beyond the platform's ready ones, each with a stable type. */
public final class LotProblems {
    private LotProblems() {
    }

    /** A create repeated for an existing (sourceSystem, externalId) with different content. */
    public static class ContentConflict extends ProblemException {
        public ContentConflict(String sourceSystem, String externalId, java.util.UUID existing, List<String> fields) {
            super(409, "lots/content-conflict", "Lot exists with different content",
                    "Lot " + sourceSystem + "/" + externalId + " exists with different " + String.join(", ", fields)
                            + "; update it with PUT or PATCH instead");
            with("differingFields", fields);
            with("existingLotId", existing.toString());
        }
    }

    /** If-Match did not match the current version. */
    public static class StaleVersion extends ProblemException {
        public StaleVersion(long current, String ifMatch) {
            super(412, "lots/stale-version", "Precondition failed",
                    "If-Match " + ifMatch + " does not match the current version \"" + current
                            + "\"; read the lot again and retry");
            with("currentVersion", current);
        }

        /** If-Match is not an ETag this API issued. */
        public StaleVersion(String ifMatch) {
            super(412, "lots/stale-version", "Precondition failed",
                    "If-Match " + ifMatch + " is not an ETag of a lot (expected e.g. \"3\"); read the lot again and retry");
        }
    }

    /** A change needs If-Match. */
    public static class IfMatchRequired extends ProblemException {
        public IfMatchRequired() {
            super(428, "lots/if-match-required", "Precondition required",
                    "Send If-Match with the ETag of the lot you read (optimistic concurrency)");
        }
    }

    /** A genealogy link would make a lot its own ancestor. */
    public static class GenealogyCycle extends ProblemException {
        public GenealogyCycle(java.util.UUID parent, java.util.UUID child) {
            super(409, "lots/genealogy-cycle", "Genealogy cycle",
                    "Lot " + child + " is already upstream of " + parent + "; linking it as child would make a cycle");
        }
    }
}
