package io.poka.ncr.internal;

import java.util.Optional;

/**
 * Recognises the file types a report accepts by their leading bytes (magic numbers), not by the name or the client's
 * Content-Type: PNG, JPEG, WebP, GIF photos and PDF documents. Signatures from the format specifications: PNG
 * (RFC 2083, 89 50 4E 47 0D 0A 1A 0A), JPEG (ITU T.81 SOI FF D8 FF), GIF ("GIF87a"/"GIF89a"), WebP ("RIFF" size
 * "WEBP", RFC 9649) and PDF ("%PDF-", ISO 32000-1 7.5.2).
 */
public final class AttachmentTypes {
    private AttachmentTypes() {
    }

    /** The media type the content is, or empty when it is none of the accepted types. */
    public static Optional<String> detect(byte[] b) {
        if (starts(b, new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return Optional.of("image/png");
        }
        if (starts(b, new int[] {0xFF, 0xD8, 0xFF})) {
            return Optional.of("image/jpeg");
        }
        if (starts(b, new int[] {'G', 'I', 'F', '8', '7', 'a'}) || starts(b, new int[] {'G', 'I', 'F', '8', '9', 'a'})) {
            return Optional.of("image/gif");
        }
        if (b.length >= 12 && starts(b, new int[] {'R', 'I', 'F', 'F'}) && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
                && b[11] == 'P') {
            return Optional.of("image/webp");
        }
        if (starts(b, new int[] {'%', 'P', 'D', 'F', '-'})) {
            return Optional.of("application/pdf");
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] b, int[] magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
