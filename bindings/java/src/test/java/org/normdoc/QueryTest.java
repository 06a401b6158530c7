package org.normdoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Status, clean-up and impact through the binding, on the example and the edge-case corpora. */
class QueryTest {
    static Corpus jiangyin;
    static Corpus edge;
    static final LocalDate DAY = LocalDate.of(2018, 11, 30);
    static final LocalDate MID_2020 = LocalDate.of(2020, 6, 30);

    @BeforeAll
    static void open() throws Exception {
        jiangyin = TestData.open(TestData.jiangyin());
        edge = TestData.open(TestData.bindings("edge.xml"));
    }

    @AfterAll
    static void close() {
        jiangyin.close();
        edge.close();
    }

    // SPEC §4: last day of a trial document = anniv(effective, 2 years) - 1 day (README's example).
    @Test
    void statusOfOneDocumentHasItsLastDay() {
        DocumentStatus s = jiangyin.status("jy-kjj-2018-5", DAY);
        assertEquals("jy-kjj-2018-5", s.id());
        assertEquals(Status.IN_FORCE, s.status());
        assertEquals(Optional.of(LocalDate.of(2020, 7, 31)), s.lastDay());
    }

    // SPEC §10: a 发文字号 held by exactly one document is taken wherever an id is.
    @Test
    void statusByNumberIsTheStatusOfItsDocument() {
        DocumentStatus byNumber = edge.status("某科规〔2016〕2号", MID_2020);
        assertEquals("q\"uote", byNumber.id());
        assertEquals(edge.status("q\"uote", MID_2020), byNumber);
    }

    // SPEC §2: a law has no last day unless expires gives one; SPEC §5: no published → draft.
    @Test
    void lawHasNoLastDayAndUnpublishedIsDraft() {
        assertEquals(Optional.empty(), edge.status("law", MID_2020).lastDay());
        assertEquals(Status.DRAFT, edge.status("draft", MID_2020).status());
    }

    @Test
    void statusAllIsEveryDocumentByIdWithTheStatusOfEach() {
        List<DocumentStatus> all = edge.statusAll(MID_2020);
        assertEquals(edge.documentCount(), all.size());
        List<String> ids = new ArrayList<>();
        for (DocumentStatus s : all) {
            ids.add(s.id());
            assertEquals(edge.status(s.id(), MID_2020), s);
        }
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(Csv::compareBytes);  // byte order of UTF-8: 😀 after Ａ
        assertEquals(sorted, ids);
        assertEquals("Ａ-fullwidth", ids.get(ids.size() - 2));
        assertEquals("\uD83D\uDE00-emoji", ids.get(ids.size() - 1));
    }

    // SPEC §5: repealed by a relation in effect (repealer published 2019-06-01).
    @Test
    void repealedByARelationInEffect() {
        assertEquals(Status.IN_FORCE, edge.status("Ａ-fullwidth", LocalDate.of(2019, 5, 31)).status());
        assertEquals(Status.REPEALED, edge.status("Ａ-fullwidth", LocalDate.of(2019, 6, 1)).status());
    }

    // SPEC §6: a basis that has ended → BASIS_TERMINATED, repeal when no basis is left; its
    // dependents are judged in the same run (BASIS_TO_BE_TERMINATED).
    @Test
    void cleanupCascadesOverBases() {
        CleanupReport r = edge.cleanup(MID_2020);
        CleanupItem dependent = item(r, "dependent");
        assertEquals(Action.REPEAL, dependent.action());
        assertTrue(dependent.has(FindingCode.BASIS_TERMINATED));
        CleanupItem next = item(r, "文件-甲");  // implements q"uote, which this plan repeals
        assertEquals(Action.REPEAL, next.action());
        assertTrue(next.has(FindingCode.BASIS_TO_BE_TERMINATED));
        assertEquals(Action.DECLARE_INVALID, item(r, "a,b").action());  // expired 2020-06-01
        assertTrue(item(r, "a,b").has(FindingCode.EXPIRED));
        for (CleanupItem i : r.items())
            for (Finding f : i.findings()) {
                assertFalse(f.detail().isEmpty(), i.id() + " " + f.code());
                assertTrue(f.action().compareTo(i.action()) <= 0, "the item's action is the strongest");
            }
    }

    // SPEC §6: the repealed document is not looked at; the draft neither.
    @Test
    void cleanupLooksOnlyAtDocumentsInForcePendingOrExpired() {
        List<String> ids = new ArrayList<>();
        for (CleanupItem i : edge.cleanup(MID_2020).items()) ids.add(i.id());
        assertFalse(ids.contains("Ａ-fullwidth"));
        assertFalse(ids.contains("draft"));
        assertTrue(ids.contains("law"));
    }

    // SPEC §6: scope = an issuer or the drafter is exactly the authority.
    @Test
    void cleanupScopeIsIssuerOrDrafter() {
        CleanupReport r = edge.cleanup(MID_2020, "dept");
        assertEquals(Optional.of("dept"), r.scope());
        List<String> ids = new ArrayList<>();
        for (CleanupItem i : r.items()) ids.add(i.id());
        assertTrue(ids.contains("a,b"), "drafted by dept");
        assertFalse(ids.contains("law"), "issued by gov");
    }

    @Test
    void summaryByIssuerEndsWithTheTotal() {
        CleanupReport r = jiangyin.cleanup(DAY);
        List<IssuerSummary> s = r.summaryByIssuer();
        IssuerSummary total = s.get(s.size() - 1);
        assertTrue(total.isTotal());
        assertEquals(r.items().size(), total.total());
        for (Action a : Action.values()) assertEquals(r.count(a), total.count(a));
    }

    // SPEC §10 impact: every dependent, transitively, with its shortest depth; by depth, then id.
    @Test
    void impactFollowsBasesTransitively() {
        List<ImpactEntry> e = edge.impact("law", MID_2020);
        assertEquals(List.of(new ImpactEntry("a,b", 1, Status.EXPIRED), new ImpactEntry("q\"uote", 2, Status.IN_FORCE),
                new ImpactEntry("文件-甲", 3, Status.IN_FORCE), new ImpactEntry("\uD83D\uDE00-emoji", 4, Status.IN_FORCE)), e);
        assertEquals(e, edge.impact("主席令第1号", MID_2020));
    }

    @Test
    void resultsAreImmutable() {
        List<DocumentStatus> all = edge.statusAll(MID_2020);
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> all.remove(0));
        CleanupReport r = edge.cleanup(MID_2020);
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> r.items().get(0).findings().clear());
    }

    @Test
    void queriesFromManyThreadsAgree() throws Exception {
        List<DocumentStatus> expected = jiangyin.statusAll(DAY);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; ++t) {
            Thread th = new Thread(() -> {
                try {
                    for (int i = 0; i < 50; ++i) {
                        if (!expected.equals(jiangyin.statusAll(DAY))) throw new AssertionError("differs");
                        jiangyin.cleanup(DAY);
                    }
                } catch (Throwable x) {
                    failures.add(x);
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) th.join();
        assertEquals(List.of(), failures);
    }

    @Test
    void versionIsTheLibrarys() {
        assertEquals(1, NormDoc.abiVersion());
        assertTrue(NormDoc.version().matches("\\d+\\.\\d+\\.\\d+.*"), NormDoc.version());
    }

    private static CleanupItem item(CleanupReport r, String id) {
        for (CleanupItem i : r.items())
            if (i.id().equals(id)) return i;
        throw new AssertionError("no item " + id);
    }
}
