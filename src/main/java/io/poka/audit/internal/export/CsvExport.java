package io.poka.audit.internal.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.audit.AuditEntry;
import io.poka.audit.internal.chain.HashChain;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Audit entries as RFC 4180 CSV (UTF-8, CRLF, every field quoted), one row per entry, JSON states in cells. */
public final class CsvExport {
    static final List<String> HEADER = List.of("sequence", "recordedAt", "userId", "printedName", "entityType",
            "entityId", "action", "reason", "signer", "signerPrintedName", "signatureMeaning", "signedAt", "before",
            "after", "changes", "previousHash", "hash");

    private CsvExport() {
    }

    public static byte[] write(List<AuditEntry> entries, ObjectMapper json) {
        StringBuilder out = new StringBuilder();
        row(out, HEADER);
        for (AuditEntry e : entries) {
            var s = e.signature();
            row(out, List.of(Long.toString(e.sequence()), HashChain.timestamp(e.recordedAt()), e.userId(),
                    e.printedName(), e.entityType(), e.entityId(), e.action(), nz(e.reason()),
                    s == null ? "" : s.username(), s == null ? "" : s.printedName(),
                    s == null ? "" : s.meaning().name(), s == null ? "" : HashChain.timestamp(s.signedAt()),
                    jsonText(e.before(), json), jsonText(e.after(), json), jsonText(e.changes(), json),
                    e.previousHash(), e.hash()));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(cells.get(i).replace("\"", "\"\"")).append('"');
        }
        out.append("\r\n");
    }

    private static String jsonText(Object value, ObjectMapper json) {
        if (value == null) {
            return "";
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
