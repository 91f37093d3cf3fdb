package io.poka.audit.internal;

import io.poka.audit.internal.chain.EntryContent;

/** An entry as read from the database: its hashed content and the hash stored beside it. */
record StoredEntry(EntryContent content, String hash) {
}
