package org.normdoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A corpus built in code (the CorpusBuilder's calls). */
class BuilderTest {
    private static CorpusBuilder base() {
        CorpusBuilder b = new CorpusBuilder();
        b.authority("gov", "某市人民政府", "government", "municipal", null, null, null);
        return b;
    }

    private static void doc(CorpusBuilder b, String id, LocalDate effective, boolean trial) {
        b.document(id, "normative", "文件 " + id).docIssuer("gov").docTrial(trial).docDates(effective, effective, null);
    }

    // SPEC §4's worked examples of the last day in force.
    @Test
    void lastDayInForceFollowsSpec4() throws Exception {
        try (CorpusBuilder b = base()) {
            doc(b, "a", LocalDate.of(2018, 6, 1), false);
            doc(b, "b", LocalDate.of(2019, 2, 28), false);
            doc(b, "c", LocalDate.of(2020, 2, 29), false);
            doc(b, "d", LocalDate.of(2018, 3, 1), true);
            try (Corpus c = b.build().orElseThrow()) {
                LocalDate day = LocalDate.of(2019, 6, 1);
                assertEquals(Optional.of(LocalDate.of(2023, 5, 31)), c.status("a", day).lastDay());
                assertEquals(Optional.of(LocalDate.of(2024, 2, 27)), c.status("b", day).lastDay());
                assertEquals(Optional.of(LocalDate.of(2025, 2, 28)), c.status("c", day).lastDay());
                assertEquals(Optional.of(LocalDate.of(2020, 2, 29)), c.status("d", day).lastDay());
                // SPEC §2: expires is the last day in force: expired the day after.
                assertEquals(Status.IN_FORCE, c.status("a", LocalDate.of(2023, 5, 31)).status());
                assertEquals(Status.EXPIRED, c.status("a", LocalDate.of(2023, 6, 1)).status());
            }
        }
    }

    @Test
    void unknownReferenceIsAProblemOfTheBuild() {
        try (CorpusBuilder b = base()) {
            b.document("x", "normative", "甲").docIssuer("nobody");
            LoadResult r = b.build();
            assertFalse(r.isValid());
            assertEquals("UNKNOWN_REF", r.problems().get(0).code());
        }
    }

    @Test
    void wrongEnumNameIsRefusedAtOnce() {
        try (CorpusBuilder b = base()) {
            assertThrows(NormDocArgumentException.class, () -> b.document("x", "decree", "甲"));
            assertThrows(NormDocArgumentException.class, () -> b.authority("y", "Y", "ministry", null, null, null, null));
        }
    }

    @Test
    void docCallWithoutDocumentIsRefused() {
        try (CorpusBuilder b = base()) {
            assertThrows(NormDocArgumentException.class, () -> b.docIssuer("gov"));
        }
    }
}
