package io.poka.ncr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Attachment types are judged by the leading bytes of the content, whatever the name or declared type says. */
class AttachmentTypesTest {

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length + 16];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    @Test
    void photosAndPdfAreRecognisedByTheirMagicNumbers() {
        assertEquals(Optional.of("image/png"), AttachmentTypes.detect(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)));
        assertEquals(Optional.of("image/jpeg"), AttachmentTypes.detect(bytes(0xFF, 0xD8, 0xFF, 0xE0)));
        assertEquals(Optional.of("image/gif"), AttachmentTypes.detect("GIF89a....".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of("image/webp"), AttachmentTypes.detect("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of("application/pdf"), AttachmentTypes.detect("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void scriptsExecutablesTextAndTruncatedHeadersAreNotAccepted() {
        assertEquals(Optional.empty(), AttachmentTypes.detect("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), AttachmentTypes.detect(bytes('M', 'Z', 0x90)));
        assertEquals(Optional.empty(), AttachmentTypes.detect(new byte[] {(byte) 0x89, 'P', 'N'}));
        assertEquals(Optional.empty(), AttachmentTypes.detect("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), AttachmentTypes.detect(new byte[0]));
    }
}
