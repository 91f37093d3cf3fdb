package io.poka.ncr.internal;

import io.poka.ncr.internal.NcrDetail.AttachmentView;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.RecordChanged;
import io.poka.platform.ValidationProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Photos and documents of a report: size-limited (poka.ncr.max-attachment-bytes), accepted only when the content's
 * own leading bytes say it is an allowed type (and agree with a declared Content-Type), stored with its SHA-256.
 */
@ApplicationScoped
public class AttachmentService {
    private final NcrService ncrs;
    private final NcrConfig config;
    private final Event<RecordChanged> changes;
    private final Clock clock;

    AttachmentService(NcrService ncrs, NcrConfig config, Event<RecordChanged> changes, Clock clock) {
        this.ncrs = ncrs;
        this.config = config;
        this.changes = changes;
        this.clock = clock;
    }

    /** A downloaded attachment. */
    public record Content(String fileName, String mediaType, String sha256, byte[] bytes) {
    }

    @Transactional
    public AttachmentView attach(UUID ncrId, String fileName, String declaredType, InputStream body) {
        NcrRecord n = ncrs.find(ncrId);
        if (n.status.isTerminal()) {
            throw new NcrProblems.NotReady("closed", n.number + " is " + n.status + "; nothing can be attached");
        }
        if (fileName == null || fileName.isBlank() || fileName.length() > 200 || fileName.contains("/")
                || fileName.contains("\\")) {
            throw new ValidationProblem("fileName", "a file name of 1 to 200 characters without a path");
        }
        byte[] bytes = readLimited(body, config.maxAttachmentBytes());
        if (bytes.length == 0) {
            throw new NcrProblems.AttachmentRefused(400, "empty", "the attachment is empty");
        }
        String type = AttachmentTypes.detect(bytes).orElseThrow(() -> new NcrProblems.AttachmentRefused(415,
                "type-not-allowed", "the content is not a PNG, JPEG, GIF or WebP photo nor a PDF document"));
        String declared = declaredType == null ? null : declaredType.split(";")[0].strip().toLowerCase();
        if (declared != null && !declared.isEmpty() && !declared.equals("application/octet-stream")
                && !declared.equals(type)) {
            throw new NcrProblems.AttachmentRefused(415, "type-mismatch",
                    "the content is " + type + " but was declared as " + declared);
        }
        Attachment a = new Attachment();
        a.id = UUID.randomUUID();
        a.ncrId = n.id;
        a.fileName = fileName.strip();
        a.mediaType = type;
        a.sizeBytes = bytes.length;
        a.sha256 = sha256(bytes);
        a.content = bytes;
        a.uploadedBy = ncrs.actor();
        a.uploadedAt = clock.instant();
        a.persist();
        AttachmentView view = view(a);
        changes.fire(new RecordChanged("NcrAttachment", a.id.toString(), "ATTACHED", null, view,
                "attached to " + n.number));
        return view;
    }

    @Transactional
    public List<AttachmentView> of(UUID ncrId) {
        return Attachment.<Attachment>list("ncrId", io.quarkus.panache.common.Sort.by("uploadedAt"), ncrId).stream()
                .map(AttachmentService::view).toList();
    }

    @Transactional
    public Content content(UUID ncrId, UUID attachmentId) {
        Attachment a = Attachment.findById(attachmentId);
        if (a == null || !a.ncrId.equals(ncrId)) {
            throw new NotFoundProblem("Attachment", attachmentId);
        }
        return new Content(a.fileName, a.mediaType, a.sha256, a.content);
    }

    static AttachmentView view(Attachment a) {
        return new AttachmentView(a.id, a.fileName, a.mediaType, a.sizeBytes, a.sha256, a.uploadedBy, a.uploadedAt);
    }

    private static byte[] readLimited(InputStream in, long max) {
        try {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new NcrProblems.AttachmentRefused(413, "too-large",
                        "an attachment may have at most " + max + " bytes (poka.ncr.max-attachment-bytes)");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
