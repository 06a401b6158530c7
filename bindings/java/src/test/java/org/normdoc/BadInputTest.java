package org.normdoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input across the boundary (issue 16 §7): each a clear exception or result, never a crash. */
class BadInputTest {
    static final LocalDate DAY = LocalDate.of(2018, 11, 30);

    // SPEC §7: every problem, with file and line, in line order; no corpus.
    @Test
    void invalidCorpusIsAResultWithItsProblems() throws IOException {
        LoadResult r = Corpus.open(TestData.bindings("invalid.xml"));
        assertFalse(r.isValid());
        assertTrue(r.corpus().isEmpty());
        List<Problem> p = r.problems();
        assertEquals(2, p.size());
        assertEquals("UNKNOWN_REF", p.get(0).code());
        assertEquals(9, p.get(0).line());
        assertEquals(Severity.ERROR, p.get(0).severity());
        assertTrue(p.get(0).file().endsWith("invalid.xml"));
        assertEquals("BAD_DATE", p.get(1).code());
        assertEquals(10, p.get(1).line());
        assertTrue(p.get(1).toString().matches(".*invalid\\.xml:10: error: BAD_DATE: .*2018-02-30.*"), p.get(1).toString());
        InvalidCorpusException e = assertThrows(InvalidCorpusException.class, r::orElseThrow);
        assertEquals(p, e.problems());
    }

    @Test
    void malformedXmlIsXmlSyntaxWhereTheParserStopped() throws IOException {
        LoadResult r = Corpus.open(TestData.bindings("malformed.xml"));
        assertFalse(r.isValid());
        assertEquals("XML_SYNTAX", r.problems().get(0).code());
        assertEquals(5, r.problems().get(0).line());
    }

    @Test
    void bufferProblemsNameTheGivenFile() {
        LoadResult r = Corpus.fromXml("<corpus xmlns=\"urn:normdoc:corpus:1\"><documents><document/></documents></corpus>", "mem.xml");
        assertFalse(r.isValid());
        for (Problem p : r.problems()) assertEquals("mem.xml", p.file());
        assertFalse(Corpus.fromXml(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}, "junk").isValid());
        assertFalse(Corpus.fromXml(new byte[0], "empty").isValid());
    }

    // Invalid UTF-8 bytes inside a buffer are the corpus's problem, not a crash.
    @Test
    void invalidUtf8InACorpusIsAProblem() {
        byte[] xml = ("<corpus xmlns=\"urn:normdoc:corpus:1\"><authorities><authority id=\"a\" name=\"\u00ff\" kind=\"government\"/>"
                + "</authorities></corpus>").getBytes(StandardCharsets.ISO_8859_1);
        LoadResult r = Corpus.fromXml(xml, "latin1.xml");
        assertFalse(r.isValid(), r.problemsText());
    }

    @Test
    void missingFileIsAnIOException() {
        IOException e = assertThrows(IOException.class, () -> Corpus.open(TestData.bindings("no-such.xml")));
        assertTrue(e.getMessage().contains("no-such.xml"), e.getMessage());
        assertThrows(IOException.class, () -> Corpus.open(TestData.bindings("")));  // a directory
    }

    @Test
    void badDatesAreRefused() {
        assertEquals(ErrorCode.BAD_DATE, assertThrows(NormDocArgumentException.class, () -> NormDoc.parseDate("2018-02-30")).code());
        assertEquals(ErrorCode.BAD_DATE, assertThrows(NormDocArgumentException.class, () -> NormDoc.parseDate("2018-1-30")).code());
        assertEquals(ErrorCode.BAD_DATE, assertThrows(NormDocArgumentException.class, () -> NormDoc.parseDate("1899-12-31")).code());
        assertEquals(2, assertThrows(NormDocArgumentException.class, () -> NormDoc.parseDate("")).exitCode());
        assertEquals(LocalDate.of(2020, 2, 29), NormDoc.parseDate("2020-02-29"));
        assertEquals(LocalDate.of(2199, 12, 31), NormDoc.parseDate("2199-12-31"));
    }

    @Test
    void unknownIdsAndScopesAreRefused() throws Exception {
        try (Corpus c = TestData.open(TestData.jiangyin())) {
            assertEquals(ErrorCode.UNKNOWN_ID, assertThrows(NormDocArgumentException.class, () -> c.status("nope", DAY)).code());
            assertEquals(ErrorCode.UNKNOWN_ID, assertThrows(NormDocArgumentException.class, () -> c.impact("nope", DAY)).code());
            assertEquals(ErrorCode.UNKNOWN_SCOPE, assertThrows(NormDocArgumentException.class, () -> c.cleanup(DAY, "nope")).code());
            assertEquals(ErrorCode.BAD_DATE,
                    assertThrows(NormDocArgumentException.class, () -> c.statusAll(LocalDate.of(1899, 12, 31))).code());
            assertEquals(ErrorCode.BAD_DATE,
                    assertThrows(NormDocArgumentException.class, () -> c.cleanup(LocalDate.of(2200, 1, 1))).code());
        }
    }

    // SPEC §10: a 发文字号 held by several documents is refused, listing them.
    @Test
    void ambiguousNumberIsRefused() throws Exception {
        String xml = "<corpus xmlns=\"urn:normdoc:corpus:1\"><authorities>"
                + "<authority id=\"a\" name=\"A\" kind=\"government\"/><authority id=\"b\" name=\"B\" kind=\"government\"/>"
                + "</authorities><documents>"
                + "<document id=\"d1\" kind=\"normative\" number=\"N1\"><title>一</title><issuer ref=\"a\"/><dates published=\"2018-01-01\"/></document>"
                + "<document id=\"d2\" kind=\"normative\" number=\"N1\"><title>二</title><issuer ref=\"b\"/><dates published=\"2018-01-01\"/></document>"
                + "</documents></corpus>";
        try (Corpus c = Corpus.fromXml(xml, "two.xml").orElseThrow()) {
            NormDocArgumentException e = assertThrows(NormDocArgumentException.class, () -> c.status("N1", DAY));
            assertEquals(ErrorCode.AMBIGUOUS_ID, e.code());
            assertTrue(e.getMessage().contains("d1") && e.getMessage().contains("d2"), e.getMessage());
        }
    }

    // A Java string with an unpaired surrogate has no UTF-8 form (the C ABI's ND_E_BAD_UTF8).
    @Test
    void unpairedSurrogateIsBadUtf8() throws Exception {
        try (Corpus c = TestData.open(TestData.jiangyin())) {
            assertEquals(ErrorCode.BAD_UTF8, assertThrows(NormDocArgumentException.class, () -> c.status("x\uD800", DAY)).code());
            assertEquals(ErrorCode.BAD_UTF8, assertThrows(NormDocArgumentException.class, () -> c.cleanup(DAY, "\uDC00")).code());
            assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(NormDocArgumentException.class, () -> c.status("a\0b", DAY)).code());
        }
    }

    // Use after close(): IllegalStateException from every call, never a crash; close is idempotent.
    @Test
    void useAfterCloseIsIllegalState() throws Exception {
        Corpus c = TestData.open(TestData.jiangyin());
        c.close();
        c.close();
        assertTrue(c.isClosed());
        List<Executable> calls = List.of(
                () -> c.status("jy-kjj-2018-5", DAY), () -> c.statusAll(DAY), () -> c.cleanup(DAY),
                () -> c.cleanup(DAY, "jy-kjj"), () -> c.impact("prc-law-2007-82", DAY), c::documentCount,
                c::authorityCount, () -> c.resolve("x"), c::toXml, () -> c.dot(DAY, null, 0),
                () -> c.cleanupPlanXml(DAY, null), () -> c.save(TestData.scratch("closed").resolve("c.xml")));
        for (Executable call : calls) {
            IllegalStateException e = assertThrows(IllegalStateException.class, call);
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
        }
    }

    // close() while other threads query: each query either completes or is IllegalStateException.
    @Test
    void closeWhileQueriesRun() throws Exception {
        for (int round = 0; round < 5; ++round) {
            Corpus c = TestData.open(TestData.jiangyin());
            AtomicInteger done = new AtomicInteger(), refused = new AtomicInteger();
            List<Throwable> other = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 3; ++t) {
                Thread th = new Thread(() -> {
                    for (int i = 0; i < 200; ++i) {
                        try {
                            c.cleanup(DAY);
                            c.status("jy-kjj-2018-5", DAY);
                            done.incrementAndGet();
                        } catch (IllegalStateException e) {
                            refused.incrementAndGet();
                        } catch (Throwable e) {
                            other.add(e);
                        }
                    }
                });
                threads.add(th);
                th.start();
            }
            Thread.sleep(5);
            c.close();
            for (Thread th : threads) th.join();
            assertEquals(List.of(), other);
            assertEquals(600, done.get() + refused.get());
        }
    }

    @Test
    void closedBuilderIsIllegalState() {
        CorpusBuilder b = new CorpusBuilder();
        b.close();
        assertThrows(IllegalStateException.class, () -> b.document("x", "normative", "t"));
        assertThrows(IllegalStateException.class, b::build);
    }
}
