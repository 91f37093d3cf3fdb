package io.poka.telemetry;

/** Fired inside the transaction that created, changed or deleted a catalogue entry. */
public record VariableCatalogueChanged(String line, String variable) {
}
