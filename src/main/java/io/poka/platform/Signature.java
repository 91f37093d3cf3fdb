package io.poka.platform;

import java.time.Instant;

/**
 * The manifestation of an electronic signature (21 CFR 11.50): who signed (user name and printed name), when,
 * and what the signature means. Modules obtain one from {@link Signatures#sign} and attach it to the
 * {@link RecordChanged} of the signed change; the audit trail binds it to the hash of that record (11.70).
 */
public record Signature(String username, String printedName, Meaning meaning, Instant signedAt) {

    /** What the signer declares by signing. */
    public enum Meaning {
        APPROVAL, REVIEW, RESPONSIBILITY, AUTHORSHIP
    }
}
