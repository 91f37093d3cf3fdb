package io.poka.audit.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.poka.audit.AuditEntry;
import io.poka.audit.AuditQuery;
import io.poka.audit.ChainPoint;
import io.poka.audit.internal.chain.HashChain;
import io.poka.audit.internal.export.CsvExport;
import io.poka.audit.internal.export.PdfExport;
import io.poka.audit.internal.keys.ServerSigningKey;
import io.poka.platform.ProblemException;
import io.poka.platform.RecordChanged;
import io.poka.platform.ValidationProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds signed audit exports: the selected entries as CSV, JSON and PDF, a SHA256SUMS file, and a manifest (query,
 * row count, file hashes, chain head) signed with the server's Ed25519 key, all in one ZIP. Entries are read a page at
 * a time, each page in its own short read-only transaction (entries up to the chain head captured at the start never
 * change, so the pages form one consistent selection), and written once to all formats on disk: time is linear and
 * memory bounded by one page. Each export is itself recorded in the trail with the manifest's hash.
 */
@ApplicationScoped
class AuditExports {
    static final String MANIFEST = "manifest.json";
    static final String MANIFEST_SIGNATURE = "manifest.sig";
    static final String PUBLIC_KEY = "public-key.pem";
    static final String CHECKSUMS = "SHA256SUMS";
    private static final List<String> FORMATS = List.of("csv", "json", "pdf");
    private static final int PAGE = 500;

    /** A validated export: what to select, up to which chain head, how many entries, for whom. */
    record Plan(String exportId, AuditQuery query, Map<String, Object> queryView, List<String> formats,
            ChainPoint head, long rows, Actor actor, Instant createdAt) {
    }

    /** A finished export: the ZIP on disk. */
    record Bundle(String exportId, String fileName, Path zip, String manifestSha256, long rows) {
    }

    private final AuditStore store;
    private final ChainSequencer sequencer;
    private final Actors actors;
    private final ServerSigningKey key;
    private final AuditConfig config;
    private final Clock clock;
    private final ObjectMapper json;
    private final Event<RecordChanged> changes;

    AuditExports(AuditStore store, ChainSequencer sequencer, Actors actors, ServerSigningKey key, AuditConfig config,
            Clock clock, ObjectMapper json, Event<RecordChanged> changes) {
        this.store = store;
        this.sequencer = sequencer;
        this.actors = actors;
        this.key = key;
        this.config = config;
        this.clock = clock;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        this.changes = changes;
    }

    /** Validates the request and counts the selection up to the current chain head (one short transaction). */
    @Transactional
    Plan plan(ExportRequest request) {
        List<String> formats = formats(request.formats());
        if (request.from() != null && request.to() != null && !request.from().isBefore(request.to())) {
            throw new ValidationProblem("to", "must be after from");
        }
        AuditQuery query = new AuditQuery(request.from(), request.to(), blank(request.entityType()),
                blank(request.entityId()), blank(request.lot()), blank(request.user()));
        sequencer.drain();
        ChainPoint head = store.head();
        long rows = store.count(query, 0, head.sequence());
        if (rows > config.exportMaxRows()) {
            throw new TooLarge(config.exportMaxRows());
        }
        return new Plan(UUID.randomUUID().toString(), query, queryView(query, formats), formats, head, rows,
                actors.current(), clock.instant());
    }

    /**
     * Writes the export's ZIP into {@code dir}; {@code progress} receives the number of entries written so far. Runs
     * outside any transaction; reads happen in short ones.
     */
    Bundle write(Plan plan, Path dir, LongConsumer progress) {
        Path work = dir.resolve(plan.exportId());
        try {
            Files.createDirectories(work);
            Map<String, Path> files = new LinkedHashMap<>();
            long[] range = new long[2];
            long written = writeEntries(plan, work, files, range, progress);
            StringBuilder sums = new StringBuilder();
            Map<String, String> hashes = new LinkedHashMap<>();
            for (Map.Entry<String, Path> f : files.entrySet()) {
                hashes.put(f.getKey(), sha256(f.getValue()));
                sums.append(hashes.get(f.getKey())).append("  ").append(f.getKey()).append('\n');
            }
            Path checksums = work.resolve(CHECKSUMS);
            Files.writeString(checksums, sums, StandardCharsets.UTF_8);
            files.put(CHECKSUMS, checksums);
            hashes.put(CHECKSUMS, sha256(checksums));

            List<Map<String, Object>> fileList = new ArrayList<>();
            for (Map.Entry<String, Path> f : files.entrySet()) {
                fileList.add(ordered("name", f.getKey(), "bytes", Files.size(f.getValue()), "sha256",
                        hashes.get(f.getKey())));
            }
            byte[] manifest = bytes(manifest(plan, written, range, fileList));
            String manifestSha256 = HashChain.sha256Hex(manifest);
            Path zip = dir.resolve("poka-audit-export-" + plan.exportId() + ".zip");
            try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
                put(z, MANIFEST, manifest);
                put(z, MANIFEST_SIGNATURE, key.sign(manifest));
                put(z, PUBLIC_KEY, key.publicKeyPem().getBytes(StandardCharsets.US_ASCII));
                for (Map.Entry<String, Path> f : files.entrySet()) {
                    z.putNextEntry(new ZipEntry(f.getKey()));
                    Files.copy(f.getValue(), z);
                    z.closeEntry();
                }
            }
            return new Bundle(plan.exportId(), zip.getFileName().toString(), zip, manifestSha256, written);
        } catch (IOException e) {
            throw new UncheckedIOException("audit export " + plan.exportId() + " failed", e);
        } finally {
            deleteTree(work);
        }
    }

    /** Records the export in the trail (AuditExport, action EXPORTED or REQUESTED) in its own transaction. */
    void record(Plan plan, String action, Bundle bundle) {
        Map<String, Object> audited = new LinkedHashMap<>();
        audited.put("query", plan.queryView());
        audited.put("rowCount", plan.rows());
        audited.put("chainHead", plan.head());
        audited.put("requestedBy", plan.actor().userId());
        if (bundle != null) {
            audited.put("manifestSha256", bundle.manifestSha256());
        }
        QuarkusTransaction.requiringNew().run(() -> changes.fire(new RecordChanged("AuditExport", plan.exportId(),
                action, null, audited, null)));
    }

    /**
     * One pass over the selection, a page per short transaction, each entry written to every chosen format;
     * {@code range} receives the first and last sequence written.
     */
    private long writeEntries(Plan plan, Path work, Map<String, Path> files, long[] range, LongConsumer progress)
            throws IOException {
        Path csvFile = work.resolve("entries.csv");
        Path jsonFile = work.resolve("entries.json");
        Path pdfFile = work.resolve("entries.pdf");
        boolean csv = plan.formats().contains("csv");
        boolean js = plan.formats().contains("json");
        boolean pdf = plan.formats().contains("pdf");
        long count = 0;
        try (BufferedWriter csvOut = csv ? Files.newBufferedWriter(csvFile, StandardCharsets.UTF_8) : null;
                OutputStream jsonOut = js ? Files.newOutputStream(jsonFile) : null;
                JsonGenerator g = js ? json.getFactory().createGenerator(jsonOut) : null;
                PdfExport pdfDoc = pdf ? new PdfExport(pdfHeader(plan)) : null) {
            CsvExport csvDoc = csv ? new CsvExport(csvOut, json) : null;
            if (g != null) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeFieldName("query");
                json.writeValue(g, plan.queryView());
                g.writeArrayFieldStart("entries");
            }
            long after = 0;
            while (after < plan.head().sequence()) {
                long from = after;
                List<AuditEntry> page = QuarkusTransaction.requiringNew().call(() -> store.find(plan.query(), from,
                        plan.head().sequence(), PAGE).stream().map(AuditService::view).toList());
                if (page.isEmpty()) {
                    break;
                }
                for (AuditEntry e : page) {
                    if (csvDoc != null) {
                        csvDoc.add(e);
                    }
                    if (g != null) {
                        json.writeValue(g, e);
                    }
                    if (pdfDoc != null) {
                        pdfDoc.add(e);
                    }
                }
                if (count == 0) {
                    range[0] = page.get(0).sequence();
                }
                range[1] = page.get(page.size() - 1).sequence();
                count += page.size();
                progress.accept(count);
                after = page.get(page.size() - 1).sequence();
            }
            if (g != null) {
                g.writeEndArray();
                g.writeEndObject();
            }
            if (pdfDoc != null) {
                try (OutputStream out = Files.newOutputStream(pdfFile)) {
                    pdfDoc.finish(out);
                }
            }
        }
        if (csv) {
            files.put("entries.csv", csvFile);
        }
        if (js) {
            files.put("entries.json", jsonFile);
        }
        if (pdf) {
            files.put("entries.pdf", pdfFile);
        }
        return count;
    }

    private List<String> pdfHeader(Plan plan) {
        return List.of("Poka audit trail export " + plan.exportId(),
                "Created " + HashChain.timestamp(plan.createdAt()) + " by " + plan.actor().printedName() + " ("
                        + plan.actor().userId() + ")",
                "Query: " + plan.queryView(), "Entries: " + plan.rows() + "   Chain head at export: #"
                        + plan.head().sequence() + " " + plan.head().hash());
    }

    private Map<String, Object> manifest(Plan plan, long rows, long[] range, List<Map<String, Object>> fileList) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", "poka-audit-export/1");
        manifest.put("exportId", plan.exportId());
        manifest.put("createdAt", HashChain.timestamp(plan.createdAt()));
        manifest.put("createdBy", ordered("userId", plan.actor().userId(), "printedName", plan.actor().printedName()));
        manifest.put("query", plan.queryView());
        manifest.put("rowCount", rows);
        manifest.put("firstSequence", rows == 0 ? null : range[0]);
        manifest.put("lastSequence", rows == 0 ? null : range[1]);
        manifest.put("chainHead", ordered("sequence", plan.head().sequence(), "hash", plan.head().hash()));
        manifest.put("files", fileList);
        manifest.put("signature", ordered("algorithm", "Ed25519", "file", MANIFEST_SIGNATURE, "publicKeySha256",
                HashChain.sha256Hex(key.keys().getPublic().getEncoded())));
        return manifest;
    }

    private static Map<String, Object> queryView(AuditQuery q, List<String> formats) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("from", q.from() == null ? null : q.from().toString());
        view.put("to", q.to() == null ? null : q.to().toString());
        view.put("entityType", q.entityType());
        view.put("entityId", q.entityId());
        view.put("lot", q.lot());
        view.put("user", q.user());
        view.put("formats", formats);
        return view;
    }

    /** A JSON object whose members keep the given order (name, value, name, value, ...). */
    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private static List<String> formats(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return FORMATS;
        }
        Set<String> wanted = Set.copyOf(requested.stream().map(f -> f == null ? "" : f.toLowerCase()).toList());
        if (!FORMATS.containsAll(wanted)) {
            throw new ValidationProblem("formats", "any of " + FORMATS);
        }
        return FORMATS.stream().filter(wanted::contains).toList();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(ZipOutputStream z, String name, byte[] content) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(content);
        z.closeEntry();
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                d.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover temporary file holds nothing the trail does not
        }
    }

    /** The selection holds more entries than one export may. */
    static final class TooLarge extends ProblemException {
        TooLarge(int max) {
            super(422, "audit/export-too-large", "Export too large",
                    "The query selects more than " + max + " entries; narrow it (date range, entity or user)");
            with("maxRows", max);
        }
    }
}
