package io.poka.inspections.internal;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer shapes of inspection photos. */
public final class PhotoDtos {
    private PhotoDtos() {
    }

    /** A stored photo, without its bytes (GET …/photos/{photoId}/content has them). */
    @Schema(name = "InspectionPhoto")
    public record PhotoView(UUID id, UUID inspectionId,
            @Schema(description = "SHA-256 of the bytes, hex", example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
            @Schema(example = "image/jpeg") String contentType, @Schema(example = "1843302") int sizeBytes,
            @Schema(example = "IMG_0042.jpg") String fileName, String uploadedBy, Instant uploadedAt) {
    }
}
