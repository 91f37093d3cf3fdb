package io.poka.telemetry.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poka.platform.ValidationProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns text/csv (RFC 4180: a header row naming schema fields, quoted cells with doubled quotes) into the same JSON
 * objects the Kafka path sees, so one validator judges both. An empty cell is an absent field; the value cell is a
 * number when it parses as one.
 */
final class CsvReadings {

    private CsvReadings() {
    }

    static List<ObjectNode> parse(String text) {
        List<List<String>> rows = rows(text == null ? "" : text);
        if (rows.isEmpty()) {
            throw new ValidationProblem("body", "a header row is required");
        }
        List<String> header = rows.get(0);
        List<ObjectNode> out = new ArrayList<>(rows.size() - 1);
        for (List<String> row : rows.subList(1, rows.size())) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            for (int i = 0; i < row.size(); i++) {
                String name = i < header.size() ? header.get(i).trim() : "column" + (i + 1);
                String cell = row.get(i);
                if (cell.isEmpty()) {
                    continue;
                }
                if (name.equals("value")) {
                    try {
                        node.put(name, Double.parseDouble(cell.trim()));
                    } catch (NumberFormatException e) {
                        node.put(name, cell);
                    }
                } else {
                    node.put(name, cell);
                }
            }
            out.add(node);
        }
        return out;
    }

    private static List<List<String>> rows(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || cell.length() > 0) {
                    row.add(cell.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                cell.setLength(0);
                any = false;
            } else {
                cell.append(c);
                any = true;
            }
        }
        if (any || cell.length() > 0) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
