package io.poka.telemetry;

import java.util.Set;

/**
 * Fired synchronously inside an ingestion transaction, before {@link ReadingsStored}, when the batch held readings
 * that were already stored: another consumer (the previous owner of a moved partition) or an earlier attempt stored
 * them, so whatever an observer keeps in memory for these lines may lack them and must be rebuilt from the store.
 */
public record ReadingsRedelivered(Set<String> lines) {
}
