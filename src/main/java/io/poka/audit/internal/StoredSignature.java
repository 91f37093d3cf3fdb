package io.poka.audit.internal;

import io.poka.platform.Signature;

/** A row of audit.signature: the signature and the entry (sequence and hash) it is bound to. */
record StoredSignature(long id, long entrySequence, String entryHash, Signature signature) {
}
