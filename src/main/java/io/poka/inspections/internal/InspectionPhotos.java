package io.poka.inspections.internal;

import io.poka.inspections.internal.PhotoDtos.PhotoView;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.RecordChanged;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Stores the photos an inspector takes with an inspection: size-limited, checked to be an image by their bytes,
 * identified by SHA-256 so that a retried upload of the same photo stores it once, and audited.
 */
@ApplicationScoped
public class InspectionPhotos {
    static final String ENTITY = "InspectionPhoto";

    /** The outcome of an upload: the photo and whether it was new (201) or already stored (200). */
    public record Stored(PhotoView photo, boolean created) {
    }

    private final EntityManager em;
    private final InspectionsConfig config;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final Event<RecordChanged> changes;

    InspectionPhotos(EntityManager em, InspectionsConfig config, SecurityIdentity identity, Clock clock,
            Event<RecordChanged> changes) {
        this.em = em;
        this.config = config;
        this.identity = identity;
        this.clock = clock;
        this.changes = changes;
    }

    /** The most bytes an upload may have; the resource reads one more to tell a too-large body. */
    int maxBytes() {
        return config.maxPhotoBytes();
    }

    @Transactional
    public Stored add(UUID inspectionId, byte[] bytes, String declaredType, String fileName) {
        requireInspection(inspectionId);
        if (bytes.length > config.maxPhotoBytes()) {
            throw new InspectionProblems.PhotoTooLarge(bytes.length, config.maxPhotoBytes());
        }
        ImageType type = ImageType.of(bytes).orElseThrow(() -> new InspectionProblems.PhotoTypeUnsupported(
                declaredType == null ? "no Content-Type" : declaredType));
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:k, 0))")
                .setParameter("k", "photos:" + inspectionId).getSingleResult();
        String sha256 = sha256(bytes);
        InspectionPhoto existing = InspectionPhoto.<InspectionPhoto>find("inspectionId = ?1 and sha256 = ?2",
                inspectionId, sha256).firstResult();
        if (existing != null) {
            return new Stored(view(existing), false);
        }
        if (InspectionPhoto.count("inspectionId", inspectionId) >= config.maxPhotosPerInspection()) {
            throw new InspectionProblems.TooManyPhotos(config.maxPhotosPerInspection());
        }
        InspectionPhoto p = new InspectionPhoto();
        p.id = UUID.randomUUID();
        p.inspectionId = inspectionId;
        p.sha256 = sha256;
        p.contentType = type.mediaType;
        p.sizeBytes = bytes.length;
        p.fileName = fileName == null || fileName.isBlank() ? null : fileName.strip();
        p.bytes = bytes;
        p.uploadedBy = identity.getPrincipal().getName();
        p.uploadedAt = clock.instant();
        p.persist();
        PhotoView view = view(p);
        changes.fire(new RecordChanged(ENTITY, p.id.toString(), "CREATED", null, view, null));
        return new Stored(view, true);
    }

    @Transactional
    public List<PhotoView> of(UUID inspectionId) {
        requireInspection(inspectionId);
        return InspectionPhoto.<InspectionPhoto>list("inspectionId", Sort.by("uploadedAt").and("id"), inspectionId)
                .stream().map(InspectionPhotos::view).toList();
    }

    /** A photo's bytes as stored. */
    public record Content(String contentType, String sha256, byte[] bytes) {
    }

    @Transactional
    public Content content(UUID inspectionId, UUID photoId) {
        InspectionPhoto p = InspectionPhoto.findById(photoId);
        if (p == null || !p.inspectionId.equals(inspectionId)) {
            throw new NotFoundProblem(ENTITY, photoId);
        }
        return new Content(p.contentType, p.sha256, p.bytes);
    }

    private static void requireInspection(UUID inspectionId) {
        if (Inspection.findById(inspectionId) == null) {
            throw new NotFoundProblem(InspectionService.ENTITY, inspectionId);
        }
    }

    static PhotoView view(InspectionPhoto p) {
        return new PhotoView(p.id, p.inspectionId, p.sha256, p.contentType, p.sizeBytes, p.fileName, p.uploadedBy,
                p.uploadedAt);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
