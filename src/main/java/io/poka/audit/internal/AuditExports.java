package io.poka.audit.internal;

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
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds signed audit exports: the selected entries as CSV, JSON and PDF, a SHA256SUMS file, and a manifest (query,
 * row count, file hashes, chain head) signed with the server's Ed25519 key, all in one ZIP. Each export is itself
 * recorded in the trail (AuditExport EXPORTED) with the manifest's hash.
 */
@ApplicationScoped
class AuditExports {
    static final String MANIFEST = "manifest.json";
    static final String MANIFEST_SIGNATURE = "manifest.sig";
    static final String PUBLIC_KEY = "public-key.pem";
    static final String CHECKSUMS = "SHA256SUMS";
    private static final List<String> FORMATS = List.of("csv", "json", "pdf");

    /** A finished export. */
    record Bundle(String fileName, byte[] zip, String manifestSha256) {
    }

    private final AuditStore store;
    private final Actors actors;
    private final ServerSigningKey key;
    private final AuditConfig config;
    private final Clock clock;
    private final ObjectMapper json;
    private final Event<RecordChanged> changes;

    AuditExports(AuditStore store, Actors actors, ServerSigningKey key, AuditConfig config, Clock clock,
            ObjectMapper json, Event<RecordChanged> changes) {
        this.store = store;
        this.actors = actors;
        this.key = key;
        this.config = config;
        this.clock = clock;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        this.changes = changes;
    }

    @Transactional
    @TransactionConfiguration(timeout = AuditService.LONG_READ_SECONDS)
    Bundle export(ExportRequest request) {
        List<String> formats = formats(request.formats());
        if (request.from() != null && request.to() != null && !request.from().isBefore(request.to())) {
            throw new ValidationProblem("to", "must be after from");
        }
        AuditQuery query = new AuditQuery(request.from(), request.to(), blank(request.entityType()),
                blank(request.entityId()), blank(request.lot()), blank(request.user()));
        ChainPoint head = store.head();
        List<AuditEntry> entries = store.find(query, 0, head.sequence(), config.exportMaxRows() + 1).stream()
                .map(AuditService::view).toList();
        if (entries.size() > config.exportMaxRows()) {
            throw new TooLarge(config.exportMaxRows());
        }
        String exportId = UUID.randomUUID().toString();
        Instant createdAt = clock.instant();
        Actor actor = actors.current();
        Map<String, Object> queryView = queryView(query, formats);

        Map<String, byte[]> files = new LinkedHashMap<>();
        if (formats.contains("csv")) {
            files.put("entries.csv", CsvExport.write(entries, json));
        }
        if (formats.contains("json")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("query", queryView);
            body.put("entries", entries);
            files.put("entries.json", bytes(body));
        }
        if (formats.contains("pdf")) {
            files.put("entries.pdf", PdfExport.write(List.of("Poka audit trail export " + exportId,
                    "Created " + HashChain.timestamp(createdAt) + " by " + actor.printedName() + " (" + actor.userId()
                            + ")",
                    "Query: " + queryView, "Entries: " + entries.size() + "   Chain head at export: #" + head.sequence()
                            + " " + head.hash()),
                    entries));
        }
        StringBuilder sums = new StringBuilder();
        files.forEach((name, content) -> sums.append(HashChain.sha256Hex(content)).append("  ").append(name)
                .append('\n'));
        files.put(CHECKSUMS, sums.toString().getBytes(StandardCharsets.UTF_8));

        List<Map<String, Object>> fileList = new ArrayList<>();
        files.forEach((name, content) -> fileList.add(ordered("name", name, "bytes", content.length, "sha256",
                HashChain.sha256Hex(content))));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", "poka-audit-export/1");
        manifest.put("exportId", exportId);
        manifest.put("createdAt", HashChain.timestamp(createdAt));
        manifest.put("createdBy", ordered("userId", actor.userId(), "printedName", actor.printedName()));
        manifest.put("query", queryView);
        manifest.put("rowCount", entries.size());
        manifest.put("firstSequence", entries.isEmpty() ? null : entries.get(0).sequence());
        manifest.put("lastSequence", entries.isEmpty() ? null : entries.get(entries.size() - 1).sequence());
        manifest.put("chainHead", ordered("sequence", head.sequence(), "hash", head.hash()));
        manifest.put("files", fileList);
        manifest.put("signature", ordered("algorithm", "Ed25519", "file", MANIFEST_SIGNATURE, "publicKeySha256",
                HashChain.sha256Hex(key.keys().getPublic().getEncoded())));
        byte[] manifestBytes = bytes(manifest);
        String manifestSha256 = HashChain.sha256Hex(manifestBytes);

        Map<String, byte[]> zip = new LinkedHashMap<>();
        zip.put(MANIFEST, manifestBytes);
        zip.put(MANIFEST_SIGNATURE, key.sign(manifestBytes));
        zip.put(PUBLIC_KEY, key.publicKeyPem().getBytes(StandardCharsets.US_ASCII));
        zip.putAll(files);

        Map<String, Object> audited = new LinkedHashMap<>();
        audited.put("query", queryView);
        audited.put("rowCount", entries.size());
        audited.put("chainHead", head);
        audited.put("manifestSha256", manifestSha256);
        changes.fire(new RecordChanged("AuditExport", exportId, "EXPORTED", null, audited, null));
        return new Bundle("poka-audit-export-" + exportId + ".zip", zip(zip), manifestSha256);
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

    private static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
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
