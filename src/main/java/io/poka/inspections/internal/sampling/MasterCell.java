package io.poka.inspections.internal.sampling;

/**
 * One cell of a master table as printed: a plan (Ac/Re), an arrow, or no entry. Kept separate from the
 * resolved plan so that tests can check the printed layout itself.
 */
public record MasterCell(Kind kind, int acceptanceNumber, int rejectionNumber) {

    /** What the cell shows. */
    public enum Kind { PLAN, ARROW_DOWN, ARROW_UP, NONE }

    static final MasterCell DOWN = new MasterCell(Kind.ARROW_DOWN, -1, -1);
    static final MasterCell UP = new MasterCell(Kind.ARROW_UP, -1, -1);
    static final MasterCell EMPTY = new MasterCell(Kind.NONE, -1, -1);

    static MasterCell plan(int ac, int re) {
        if (ac < 0 || re <= ac) {
            throw new IllegalArgumentException("need 0 <= Ac < Re, got " + ac + "/" + re);
        }
        return new MasterCell(Kind.PLAN, ac, re);
    }

    static MasterCell parse(String text) {
        String t = text.trim();
        switch (t) {
            case "↓": return DOWN;
            case "↑": return UP;
            case "-": return EMPTY;
            default:
                int slash = t.indexOf('/');
                if (slash < 0) {
                    throw new IllegalArgumentException("bad master table cell: '" + text + "'");
                }
                return plan(Integer.parseInt(t.substring(0, slash)), Integer.parseInt(t.substring(slash + 1)));
        }
    }

    public boolean isPlan() {
        return kind == Kind.PLAN;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case PLAN -> acceptanceNumber + "/" + rejectionNumber;
            case ARROW_DOWN -> "↓";
            case ARROW_UP -> "↑";
            case NONE -> "-";
        };
    }
}
