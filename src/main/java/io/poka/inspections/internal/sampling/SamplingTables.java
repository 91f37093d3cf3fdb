package io.poka.inspections.internal.sampling;

import io.poka.platform.CsvReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The sampling tables of one standard (Table 1 and the normal, tightened and, where Poka has a verified one, reduced
 * master table) loaded once from the resource files beside this module, and the lookup that turns (lot size, level,
 * AQL, severity) into a plan; the numbers live in data files so that they can be reviewed cell by cell.
 */
public final class SamplingTables {

    private static final String DIR = "/io/poka/inspections/sampling/";
    private static final SamplingTables ISO_2859_1_1999 = new SamplingTables(SamplingStandard.ISO_2859_1_1999,
            DIR + "table-2c-reduced-iso-1999.csv");
    private static final SamplingTables ANSI_ASQ_Z1_4_2003 = new SamplingTables(SamplingStandard.ANSI_ASQ_Z1_4_2003,
            DIR + "z14-table-ii-c-reduced.csv");

    private final SamplingStandard standard;
    private final List<LotSizeRow> table1;
    private final Map<Severity, Master> masters = new EnumMap<>(Severity.class);

    private SamplingTables(SamplingStandard standard, String reducedTable) {
        this.standard = standard;
        table1 = loadTable1(DIR + "table-1-code-letters.csv");
        masters.put(Severity.NORMAL, loadMaster(DIR + "table-2a-normal.csv"));
        masters.put(Severity.TIGHTENED, loadMaster(DIR + "table-2b-tightened.csv"));
        if (reducedTable != null) {
            masters.put(Severity.REDUCED, loadMaster(reducedTable));
        }
    }

    /** The tables of ISO 2859-1:1999: Table 1, 2-A, 2-B and the reduced Table 2-C (no gap between Ac and Re). */
    public static SamplingTables iso2859_1_1999() {
        return ISO_2859_1_1999;
    }

    /** The tables of ANSI/ASQ Z1.4-2003: Tables I, II-A and II-B as ISO's, and the reduced Table II-C. */
    public static SamplingTables ansiAsqZ1_4_2003() {
        return ANSI_ASQ_Z1_4_2003;
    }

    /** The tables of {@code standard}. */
    public static SamplingTables of(SamplingStandard standard) {
        return standard == SamplingStandard.ANSI_ASQ_Z1_4_2003 ? ANSI_ASQ_Z1_4_2003 : ISO_2859_1_1999;
    }

    /** The standard these tables belong to. */
    public SamplingStandard standard() {
        return standard;
    }

    /** True when these tables have a master table for {@code severity} (reduced only where Poka has verified one). */
    public boolean offers(Severity severity) {
        return masters.containsKey(severity);
    }

    /** Table 1: the sample size code letter for a lot size (>= 2) and an inspection level. */
    public CodeLetter codeLetter(int lotSize, InspectionLevel level) {
        if (lotSize < 2) {
            throw new IllegalArgumentException("Table 1 starts at lot size 2, got " + lotSize);
        }
        for (LotSizeRow row : table1) {
            if (lotSize >= row.from && (row.to == null || lotSize <= row.to)) {
                return row.letters.get(level);
            }
        }
        throw new IllegalStateException("Table 1 has no row for lot size " + lotSize);
    }

    /** Code letters that have a row in the master table of {@code severity} (A..R, plus S when tightened). */
    public List<CodeLetter> codeLetters(Severity severity) {
        return List.copyOf(master(severity).rows.keySet());
    }

    /** The sample size printed for {@code letter} in the master table of {@code severity}. */
    public int sampleSize(CodeLetter letter, Severity severity) {
        return row(severity, letter).sampleSize;
    }

    /** The cell as printed in the master table of {@code severity}. */
    public MasterCell cell(Severity severity, CodeLetter letter, Aql aql) {
        return row(severity, letter).cells.get(aql);
    }

    /**
     * Resolves a plan: Table 1 gives the code letter, the master table of {@code severity} gives the cell,
     * arrows are followed to the first plan below or above, and the sample size is that of the row where the
     * plan is found. When that sample size equals or exceeds the lot size, every unit is inspected with the
     * same Ac/Re (ISO 2859-1:1999, note to Tables 2-A to 2-C).
     *
     * @throws IllegalArgumentException when these tables have no master table for {@code severity}
     */
    public TablePlan plan(int lotSize, InspectionLevel level, Aql aql, Severity severity) {
        CodeLetter letter = codeLetter(lotSize, level);
        CodeLetter used = followArrows(severity, letter, aql);
        MasterCell cell = cell(severity, used, aql);
        int n = sampleSize(used, severity);
        boolean full = n >= lotSize;
        return new TablePlan(lotSize, level, aql, severity, letter, used, n, full ? lotSize : n,
                cell.acceptanceNumber(), cell.rejectionNumber(), full);
    }

    /**
     * The code letter whose row holds the plan for ({@code letter}, {@code aql}) after following arrows.
     * The standards print "↑" in row A at AQL 10 of Tables 2-A and II-C (Z1.4) although no plan lies above; we read
     * such an arrow as pointing to the first plan below, the only plan the column offers for that letter.
     */
    public CodeLetter followArrows(Severity severity, CodeLetter letter, Aql aql) {
        Master master = master(severity);
        List<CodeLetter> letters = new ArrayList<>(master.rows.keySet());
        int i = letters.indexOf(letter);
        if (i < 0) {
            throw new IllegalArgumentException("no row " + letter + " in the " + severity + " table");
        }
        int step = 0;
        for (int guard = 0; guard <= letters.size() * 2; guard++) {
            MasterCell cell = master.rows.get(letters.get(i)).cells.get(aql);
            switch (cell.kind()) {
                case PLAN:
                    return letters.get(i);
                case ARROW_DOWN:
                    if (step < 0) {
                        throw new IllegalStateException("arrows loop at " + letters.get(i) + "/" + aql.label());
                    }
                    step = 1;
                    break;
                case ARROW_UP:
                    if (step > 0) {
                        throw new IllegalStateException("arrows loop at " + letters.get(i) + "/" + aql.label());
                    }
                    step = i == 0 ? 1 : -1;
                    break;
                default:
                    throw new IllegalStateException("no entry at " + letters.get(i) + "/" + aql.label()
                            + " of the " + severity + " table");
            }
            i += step;
            if (i < 0 || i >= letters.size()) {
                throw new IllegalStateException("arrow leaves the " + severity + " table at " + letter + "/" + aql.label());
            }
        }
        throw new IllegalStateException("arrows do not end at " + letter + "/" + aql.label());
    }

    /**
     * The acceptance number the same sample would have on normal inspection at the AQL one step tighter
     * (the cell left of the plan in Table 2-A), as needed for the switching score of ISO 2859-1:1999 9.3.3;
     * empty when the plan is not a normal plan, the AQL is already the smallest, or that cell holds an arrow.
     */
    public OptionalInt acceptanceNumberOneStepTighter(TablePlan plan) {
        if (plan.severity() != Severity.NORMAL) {
            return OptionalInt.empty();
        }
        Optional<Aql> tighter = plan.aql().oneStepTighter();
        if (tighter.isEmpty()) {
            return OptionalInt.empty();
        }
        MasterCell left = cell(Severity.NORMAL, plan.planCodeLetter(), tighter.get());
        return left.isPlan() ? OptionalInt.of(left.acceptanceNumber()) : OptionalInt.empty();
    }

    private Master master(Severity severity) {
        Master master = masters.get(severity);
        if (master == null) {
            throw new IllegalArgumentException(standard.label() + ": Poka has no verified " + severity
                    + " master table for this standard");
        }
        return master;
    }

    private MasterRow row(Severity severity, CodeLetter letter) {
        MasterRow row = master(severity).rows.get(letter);
        if (row == null) {
            throw new IllegalArgumentException("no row " + letter + " in the " + severity + " table");
        }
        return row;
    }

    private record LotSizeRow(int from, Integer to, Map<InspectionLevel, CodeLetter> letters) {
    }

    private record MasterRow(int sampleSize, Map<Aql, MasterCell> cells) {
    }

    private record Master(Map<CodeLetter, MasterRow> rows) {
    }

    private static List<LotSizeRow> loadTable1(String resource) {
        List<String[]> lines = readCsv(resource);
        String[] header = lines.get(0);
        List<LotSizeRow> rows = new ArrayList<>();
        for (String[] f : lines.subList(1, lines.size())) {
            Map<InspectionLevel, CodeLetter> letters = new EnumMap<>(InspectionLevel.class);
            for (int c = 2; c < header.length; c++) {
                letters.put(InspectionLevel.ofLabel(header[c]), CodeLetter.valueOf(f[c]));
            }
            rows.add(new LotSizeRow(Integer.parseInt(f[0]), f[1].isEmpty() ? null : Integer.valueOf(f[1]), letters));
        }
        return List.copyOf(rows);
    }

    private static Master loadMaster(String resource) {
        List<String[]> lines = readCsv(resource);
        String[] header = lines.get(0);
        Aql[] columns = new Aql[header.length];
        for (int c = 2; c < header.length; c++) {
            columns[c] = Aql.of(header[c]);
        }
        Map<CodeLetter, MasterRow> rows = new EnumMap<>(CodeLetter.class);
        for (String[] f : lines.subList(1, lines.size())) {
            if (f.length != header.length) {
                throw new IllegalStateException(resource + ": row " + f[0] + " has " + f.length + " fields");
            }
            Map<Aql, MasterCell> cells = new EnumMap<>(Aql.class);
            for (int c = 2; c < f.length; c++) {
                cells.put(columns[c], MasterCell.parse(f[c]));
            }
            rows.put(CodeLetter.valueOf(f[0]), new MasterRow(Integer.parseInt(f[1]), cells));
        }
        return new Master(rows);
    }

    private static List<String[]> readCsv(String resource) {
        InputStream in = SamplingTables.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        try (CsvReader reader = CsvReader.openWithComments(new InputStreamReader(in, StandardCharsets.UTF_8),
                CsvReader.Delimiter.COMMA)) {
            List<String[]> out = new ArrayList<>();
            reader.forEachRemaining(row -> out.add(row.cells().toArray(String[]::new)));
            return out;
        }
    }
}
