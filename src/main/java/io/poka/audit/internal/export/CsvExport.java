package io.poka.audit.internal.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.audit.AuditEntry;
import io.poka.audit.internal.chain.HashChain;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Audit entries as RFC 4180 CSV (UTF-8, CRLF, every field quoted), one row per entry, JSON states in cells, written
 * row by row to a stream.
 */
public final class CsvExport {
    static final List<String> HEADER = List.of("sequence", "recordedAt", "userId", "printedName", "entityType",
            "entityId", "action", "reason", "signer", "signerPrintedName", "signatureMeaning", "signedAt", "before",
            "after", "changes", "previousHash", "hash");

    private final Writer out;
    private final ObjectMapper json;

    public CsvExport(Writer out, ObjectMapper json) throws IOException {
        this.out = out;
        this.json = json;
        row(HEADER);
    }

    public void add(AuditEntry e) throws IOException {
        var s = e.signature();
        row(List.of(Long.toString(e.sequence()), HashChain.timestamp(e.recordedAt()), e.userId(), e.printedName(),
                e.entityType(), e.entityId(), e.action(), nz(e.reason()), s == null ? "" : s.username(),
                s == null ? "" : s.printedName(), s == null ? "" : s.meaning().name(),
                s == null ? "" : HashChain.timestamp(s.signedAt()), jsonText(e.before()), jsonText(e.after()),
                jsonText(e.changes()), e.previousHash(), e.hash()));
    }

    private void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write('"');
            out.write(cells.get(i).replace("\"", "\"\""));
            out.write('"');
        }
        out.write("\r\n");
    }

    private String jsonText(Object value) {
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
