package io.poka.scoring.internal.data;

import com.fasterxml.jackson.core.type.TypeReference;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.RecordChanged;
import io.poka.platform.ValidationProblem;
import io.poka.scoring.internal.JsonText;
import io.poka.scoring.internal.ScoringConfig;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Stores uploaded data sets with their fingerprint and gives them back as numeric tables. */
@ApplicationScoped
public class Datasets {

    /** A data set as the API shows it (without its rows). */
    public record DatasetView(UUID id, String name, String fingerprint, List<String> variables, int rowCount,
            Instant createdAt, String createdBy) {
    }

    private final JsonText json;
    private final Clock clock;
    private final ScoringConfig config;
    private final Event<RecordChanged> changes;

    Datasets(JsonText json, Clock clock, ScoringConfig config, Event<RecordChanged> changes) {
        this.json = json;
        this.clock = clock;
        this.config = config;
        this.changes = changes;
    }

    /** The outcome of an upload: the data set, and whether it was created now or already held the same numbers. */
    public record Upload(DatasetView dataset, boolean created) {
    }

    /**
     * Parses and stores a CSV upload; rejects empty, ragged and non-numeric content before anything is stored. Content
     * whose fingerprint is already stored gives back that data set (its name unchanged) instead of a second copy; a
     * transaction-scoped advisory lock on the fingerprint keeps two simultaneous uploads of it from both storing.
     */
    @Transactional
    public Upload upload(String name, String csv, String actor) {
        checkName(name);
        NumericTable table = CsvTables.parse(csv);
        String fingerprint = table.fingerprint();
        DatasetRecord.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "scoring.dataset:" + fingerprint).getSingleResult();
        DatasetRecord existing = DatasetRecord.<DatasetRecord>find("fingerprint", Sort.by("createdAt"), fingerprint)
                .firstResult();
        if (existing != null) {
            return new Upload(view(existing), false);
        }
        return new Upload(store(name, table, actor), true);
    }

    /** Stores a parsed table as a data set, with the same checks whatever its origin (CSV upload or telemetry). */
    @Transactional
    public DatasetView store(String name, NumericTable table, String actor) {
        checkName(name);
        if (table.rowCount() < 2) {
            throw new UnusableData("too-few-rows", "A data set needs at least 2 rows; got " + table.rowCount())
                    .at("rows", table.rowCount());
        }
        if (table.rowCount() > config.maxDatasetRows()) {
            throw new UnusableData("too-many-rows", "A data set may have at most " + config.maxDatasetRows() + " rows")
                    .at("rows", table.rowCount());
        }
        String canonical = table.canonicalCsv();
        DatasetRecord r = new DatasetRecord();
        r.id = UUID.randomUUID();
        r.name = name.strip();
        r.fingerprint = NumericTable.sha256(canonical.getBytes(StandardCharsets.UTF_8));
        r.variables = json.write(table.variables());
        r.rowCount = table.rowCount();
        r.content = gzip(canonical);
        r.createdAt = clock.instant();
        r.createdBy = actor;
        r.persist();
        DatasetView view = view(r);
        changes.fire(new RecordChanged("ScoringDataset", r.id.toString(), "CREATED", null, view, null));
        return view;
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new ValidationProblem("name", "must be 1-200 characters");
        }
    }

    @Transactional
    public List<DatasetView> list() {
        return DatasetRecord.<DatasetRecord>listAll(Sort.by("createdAt").descending()).stream().map(this::view).toList();
    }

    @Transactional
    public DatasetView get(UUID id) {
        return view(find(id));
    }

    /** The stored rows; the fingerprint is checked again, so silently altered content is never trained on. */
    @Transactional
    public NumericTable table(UUID id) {
        DatasetRecord r = find(id);
        NumericTable table = CsvTables.parseCanonical(gunzip(r.content));
        if (!table.fingerprint().equals(r.fingerprint)) {
            throw new IllegalStateException("data set " + id + " no longer matches its fingerprint");
        }
        return table;
    }

    @Transactional
    public java.util.Optional<DatasetRecord> findOptional(UUID id) {
        return DatasetRecord.findByIdOptional(id);
    }

    private DatasetRecord find(UUID id) {
        return DatasetRecord.<DatasetRecord>findByIdOptional(id).orElseThrow(() -> new NotFoundProblem("Dataset", id));
    }

    private DatasetView view(DatasetRecord r) {
        return new DatasetView(r.id, r.name, r.fingerprint, json.read(r.variables, new TypeReference<List<String>>() {
        }), r.rowCount, r.createdAt, r.createdBy);
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
