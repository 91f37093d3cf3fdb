package io.poka.inspections.internal.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Table 1 "Sample size code letters" of ISO 2859-1:1999 (= ANSI/ASQ Z1.4-2008 Table I), checked at both
 * ends of every lot-size range for every inspection level. The expected letters are written per level
 * (one letter per range, top to bottom), i.e. column-wise, while the resource file is row-wise.
 */
class CodeLetterTableTest {

    private static final SamplingTables TABLES = SamplingTables.iso2859_1_1999();

    /** Lower and upper end of each lot-size range of Table 1; the last range has no upper end. */
    private static final int[][] RANGES = {
            {2, 8}, {9, 15}, {16, 25}, {26, 50}, {51, 90}, {91, 150}, {151, 280}, {281, 500}, {501, 1200},
            {1201, 3200}, {3201, 10000}, {10001, 35000}, {35001, 150000}, {150001, 500000}, {500001, Integer.MAX_VALUE}};

    /** Column of Table 1 per level, one letter per range. */
    private static final String[][] COLUMNS = {
            {"S-1", "AAAABBBBCCCCDDD"},
            {"S-2", "AAABBBCCCDDDEEE"},
            {"S-3", "AABBCCDDEEFFGGH"},
            {"S-4", "AABCCDEEFGGHJJK"},
            {"I", "AABCCDEFGHJKLMN"},
            {"II", "ABCDEFGHJKLMNPQ"},
            {"III", "BCDEFGHJKLMNPQR"}};

    @TestFactory
    Stream<DynamicTest> everyLevelGivesThePrintedLetterAtBothEndsOfEveryLotSizeRange() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] column : COLUMNS) {
            InspectionLevel level = InspectionLevel.ofLabel(column[0]);
            for (int r = 0; r < RANGES.length; r++) {
                CodeLetter expected = CodeLetter.valueOf(String.valueOf(column[1].charAt(r)));
                for (int lot : RANGES[r]) {
                    tests.add(DynamicTest.dynamicTest("level " + column[0] + ", lot " + lot + " -> " + expected,
                            () -> assertEquals(expected, TABLES.codeLetter(lot, level))));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void theLetterChangesExactlyAtTheRangeBoundaries() {
        for (InspectionLevel level : InspectionLevel.values()) {
            for (int r = 1; r < RANGES.length; r++) {
                int firstOfRange = RANGES[r][0];
                CodeLetter below = TABLES.codeLetter(firstOfRange - 1, level);
                CodeLetter at = TABLES.codeLetter(firstOfRange, level);
                // a letter never goes back, and never jumps more than one letter between adjacent ranges
                int step = at.ordinal() - below.ordinal();
                assertEquals(true, step == 0 || step == 1, level + " at " + firstOfRange + ": " + below + " -> " + at);
            }
        }
    }

    @Test
    void generalLevelsAreOrderedIbelowIIbelowIII() {
        for (int[] range : RANGES) {
            int lot = range[0];
            int i = TABLES.codeLetter(lot, InspectionLevel.I).ordinal();
            int ii = TABLES.codeLetter(lot, InspectionLevel.II).ordinal();
            int iii = TABLES.codeLetter(lot, InspectionLevel.III).ordinal();
            assertEquals(true, i <= ii && ii < iii, "lot " + lot);
        }
    }

    @Test
    void lotsSmallerThanTwoAreNotInTable1() {
        assertThrows(IllegalArgumentException.class, () -> TABLES.codeLetter(1, InspectionLevel.II));
        assertThrows(IllegalArgumentException.class, () -> TABLES.codeLetter(0, InspectionLevel.II));
    }
}
