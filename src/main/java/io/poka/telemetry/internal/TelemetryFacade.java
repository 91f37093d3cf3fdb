package io.poka.telemetry.internal;

import io.poka.telemetry.ReadingSeries;
import io.poka.telemetry.StoredReading;
import io.poka.telemetry.TelemetryApi;
import io.poka.telemetry.VariableDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The telemetry module's public face for other modules. */
@ApplicationScoped
public class TelemetryFacade implements TelemetryApi {
    private final CatalogueService catalogue;
    private final ReadingStore store;
    private final ReadingSeriesQuery series;

    TelemetryFacade(CatalogueService catalogue, ReadingStore store, ReadingSeriesQuery series) {
        this.catalogue = catalogue;
        this.store = store;
        this.series = series;
    }

    @Override
    public Optional<VariableDefinition> variable(String line, String variable) {
        return catalogue.lookup(line, variable);
    }

    @Override
    public List<StoredReading> readings(String line, String variable, Instant from, Instant to, int limit) {
        try {
            return store.find(line, variable, from, to, limit).stream().map(Reading::stored).toList();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<StoredReading> latestReadings(String line, String variable, Instant before, int limit) {
        try {
            return store.latest(line, variable, before, limit).stream().map(Reading::stored).toList();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public ReadingSeries series(String line, String variable, Instant from, Instant to) {
        try {
            return series.series(line, variable, from, to);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<VariableDefinition> variables(String line) {
        return catalogue.list(line);
    }
}
