package io.poka.telemetry.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poka.platform.CsvReader;
import io.poka.platform.ValidationProblem;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an uploaded CSV (a header row naming schema fields; delimiter detected by the shared {@link CsvReader}) into
 * the same JSON objects the Kafka path sees, so one validator judges both. An empty cell is an absent field; the value
 * cell is a number when it parses as one. Rows stream from the request body; past {@code maxRows} reading stops.
 */
final class CsvReadings {

    private CsvReadings() {
    }

    static List<ObjectNode> parse(Reader body, int maxRows) {
        try (CsvReader reader = CsvReader.open(body)) {
            if (!reader.hasNext()) {
                throw new ValidationProblem("body", "a header row is required");
            }
            CsvReader.Row first = reader.next();
            if (CsvReader.allNumeric(first.cells())) {
                throw new ValidationProblem("body", "missing header: the first line (" + reader.delimiter().label()
                        + "-separated) holds numbers; it must name schema fields such as readingId, line, variable, "
                        + "value, unit, timestamp");
            }
            List<String> header = first.cells();
            List<ObjectNode> out = new ArrayList<>();
            while (reader.hasNext()) {
                if (out.size() == maxRows) {
                    throw new ValidationProblem("body", "at most " + maxRows + " rows per request");
                }
                out.add(node(header, reader.next().cells()));
            }
            return out;
        }
    }

    private static ObjectNode node(List<String> header, List<String> row) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < row.size(); i++) {
            String name = i < header.size() ? header.get(i) : "column" + (i + 1);
            String cell = row.get(i);
            if (cell.isEmpty()) {
                continue;
            }
            if (name.equals("value")) {
                try {
                    node.put(name, Double.parseDouble(cell));
                } catch (NumberFormatException e) {
                    node.put(name, cell);
                }
            } else {
                node.put(name, cell);
            }
        }
        return node;
    }
}
