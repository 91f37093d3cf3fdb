package io.poka.telemetry;

import java.util.List;

/**
 * Fired synchronously inside the transaction that stored new readings (duplicates left out), oldest first per
 * variable, so observers (spc) commit or roll back together with the readings.
 */
public record ReadingsStored(List<StoredReading> readings) {
}
