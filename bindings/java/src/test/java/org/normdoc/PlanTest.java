package org.normdoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plans, applying them, writing corpora (SPEC §6, §7, §8). */
class PlanTest {
    static final LocalDate MID_2020 = LocalDate.of(2020, 6, 30);
    static final Decision DECISION = new Decision("gov-2020-99", "某政发〔2020〕99号", "关于清理规范性文件的决定",
            List.of("gov"), MID_2020);

    @Test
    void planXmlListsEveryItemLookedAt() throws Exception {
        try (Corpus c = TestData.open(TestData.bindings("edge.xml"))) {
            String plan = c.cleanupPlanXml(MID_2020, null);
            assertTrue(plan.contains("urn:normdoc:plan:1"), plan);
            assertTrue(plan.contains("as-of=\"2020-06-30\""), plan);
            for (CleanupItem i : c.cleanup(MID_2020).items())
                assertTrue(plan.contains("action=\"" + i.action().text() + "\""), i.id());
        }
    }

    // SPEC §6: after a plan is applied on its as-of date, a clean-up of the result proposes no
    // ending for any of its repeal / declare-invalid items.
    @Test
    void appliedPlanEndsItsItems() throws Exception {
        try (Corpus c = TestData.open(TestData.bindings("edge.xml"))) {
            CleanupReport before = c.cleanup(MID_2020);
            LoadResult applied = c.apply(c.cleanupPlanXml(MID_2020, null), "plan.xml", DECISION, false);
            assertTrue(applied.isValid(), applied.problemsText());
            try (Corpus after = applied.orElseThrow()) {
                assertEquals(c.documentCount() + 1, after.documentCount());
                for (CleanupItem i : before.items()) {
                    if (!i.action().isEnding()) continue;
                    // ended (an expired one stays expired: SPEC §5, the earliest ending wins)
                    Status s = after.status(i.id(), MID_2020).status();
                    assertTrue(s.hasEnded(), i.id() + " " + s);
                    if (i.action() == Action.REPEAL) assertEquals(Status.REPEALED, s, i.id());
                }
                for (CleanupItem i : after.cleanup(MID_2020).items())
                    assertFalse(i.action().isEnding() && before.items().stream().anyMatch(
                            b -> b.id().equals(i.id()) && b.action().isEnding()), i.id());
            }
            LoadResult same = c.applyCleanup(MID_2020, null, DECISION, false);
            assertTrue(same.isValid(), same.problemsText());
            same.corpus().get().close();
        }
    }

    // SPEC §6: all or nothing: a new id already in use is a problem and no corpus.
    @Test
    void applyIsAllOrNothing() throws Exception {
        try (Corpus c = TestData.open(TestData.bindings("edge.xml"))) {
            Decision taken = new Decision("law", "X", "Y", List.of("gov"), MID_2020);
            LoadResult r = c.apply(c.cleanupPlanXml(MID_2020, null), "plan.xml", taken, false);
            assertFalse(r.isValid());
            assertFalse(r.problems().isEmpty());
            LoadResult bad = c.apply("<cleanup-plan", "broken.xml", DECISION, false);
            assertFalse(bad.isValid());
            assertEquals("broken.xml", bad.problems().get(0).file());
        }
    }

    // SPEC §7: writing and reading back gives an equal corpus.
    @Test
    void writtenCorpusReadsBackEqual() throws Exception {
        try (Corpus c = TestData.open(TestData.jiangyin())) {
            LocalDate day = LocalDate.of(2018, 11, 30);
            try (Corpus again = Corpus.fromXml(c.toXml(), "again.xml").orElseThrow()) {
                assertEquals(c.statusAll(day), again.statusAll(day));
                assertEquals(c.cleanup(day).items(), again.cleanup(day).items());
            }
            Path out = TestData.scratch("written").resolve("jiangyin.xml");
            c.save(out);
            try (Corpus saved = TestData.open(out)) {
                assertEquals(c.statusAll(day), saved.statusAll(day));
            }
            // SPEC §7: an existing target that is not a regular file is refused.
            Path dir = TestData.scratch("written").resolve("a-directory");
            Files.createDirectories(dir);
            assertThrows(IOException.class, () -> c.save(dir));
            assertThrows(IOException.class, () -> c.save(TestData.scratch("written").resolve("no/such/dir/x.xml")));
        }
    }

    @Test
    void dotIsAGraph() throws Exception {
        try (Corpus c = TestData.open(TestData.jiangyin())) {
            assertTrue(c.dot(LocalDate.of(2018, 11, 30), null, 0).startsWith("digraph"));
            assertTrue(c.dot(LocalDate.of(2018, 11, 30), "prc-law-2007-82", 1).contains("prc-law-2007-82"));
        }
    }
}
