package io.poka.inspections.internal;

import java.util.Optional;

/**
 * The image formats a tablet camera produces that a browser can show, recognised by their leading bytes (the
 * signatures of the JPEG/JFIF, PNG and WebP/RIFF specifications), so a declared Content-Type is never trusted alone.
 */
enum ImageType {
    JPEG("image/jpeg"), PNG("image/png"), WEBP("image/webp");

    final String mediaType;

    ImageType(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The format the bytes are in, if one of ours. */
    static Optional<ImageType> of(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == '\r'
                && b[5] == '\n' && b[6] == 0x1a && b[7] == '\n') {
            return Optional.of(PNG);
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }
}
