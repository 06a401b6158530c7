package org.normdoc;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.StampedLock;

/**
 * A validated, immutable corpus (SPEC §7, or a registry snapshot, §12) held by libnormdoc_c.
 * Queries may run from many threads at once. {@link #close()} frees it; a query after that is an
 * {@link IllegalStateException}, never a crash (a close waits for the queries under way). A corpus
 * that is never closed is freed when it becomes unreachable.
 *
 * <pre>{@code
 * LoadResult loaded = Corpus.open(Path.of("examples/jiangyin.xml"));
 * try (Corpus corpus = loaded.orElseThrow()) {
 *     for (CleanupItem item : corpus.cleanup(LocalDate.of(2018, 11, 30)).items())
 *         System.out.println(item.id() + " " + item.action());
 * }
 * }</pre>
 */
public final class Corpus implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    /** The handle and the lock that keeps it alive while a query uses it; what the Cleaner frees. */
    private static final class Handle implements Runnable {
        final StampedLock lock = new StampedLock();
        long address;

        Handle(long address) { this.address = address; }

        @Override
        public void run() {
            long stamp = lock.writeLock();
            try {
                if (address != 0) Lib.nd_corpus_free(address);
                address = 0;
            } finally {
                lock.unlockWrite(stamp);
            }
        }
    }

    @FunctionalInterface
    private interface Query<T, X extends Exception> {
        T run(long corpus) throws X;
    }

    private final Handle handle;
    private final Cleaner.Cleanable cleanable;
    // Document ids and numbers in byte order of ids (by rank), decoded once: every result names its
    // documents by rank (nd_cleanup_ranks …), so that no query copies or decodes a string.
    private volatile String[][] idsAndNumbers;

    private Corpus(long address) {
        handle = new Handle(address);
        cleanable = CLEANER.register(this, handle);
    }

    private <T, X extends Exception> T query(Query<T, X> q) throws X {
        long stamp = handle.lock.readLock();
        try {
            if (handle.address == 0) throw new IllegalStateException("normdoc: the corpus is closed");
            return q.run(handle.address);
        } finally {
            handle.lock.unlockRead(stamp);
            Reference.reachabilityFence(this);
        }
    }

    /** Frees the corpus (waiting for queries under way); closing again does nothing. */
    @Override
    public void close() { cleanable.clean(); }

    public boolean isClosed() {
        long stamp = handle.lock.readLock();
        try {
            return handle.address == 0;
        } finally {
            handle.lock.unlockRead(stamp);
        }
    }

    // ---- opening ---------------------------------------------------------------------------

    /**
     * Opens and validates corpus XML or a registry snapshot. An invalid corpus gives a result with
     * its problems; a file that cannot be read an IOException.
     */
    public static LoadResult open(Path path) throws IOException {
        Pointer err = Abi.err();
        long[] corpus = new long[1], problems = new long[1];
        int status = Lib.nd_corpus_open(Abi.utf8z(path.toString()), corpus, problems, err);
        return loaded(status, err, corpus[0], problems[0]);
    }

    /** The same from corpus XML in memory; {@code fileName} is what problems name. */
    public static LoadResult fromXml(byte[] xml, String fileName) {
        Pointer err = Abi.err();
        long[] corpus = new long[1], problems = new long[1];
        int status = Lib.nd_corpus_open_buffer(xml, xml.length, Abi.utf8z(fileName), corpus, problems, err);
        try {
            return loaded(status, err, corpus[0], problems[0]);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static LoadResult fromXml(String xml, String fileName) {
        return fromXml(xml.getBytes(StandardCharsets.UTF_8), fileName);
    }

    /** The outcome of a call that makes a corpus (open, build, apply). */
    static LoadResult loaded(int status, Pointer err, long corpus, long problems) throws IOException {
        if (status == Lib.ND_OK) return new LoadResult(new Corpus(corpus), Abi.takeProblems(problems));
        ErrorCode code = ErrorCode.of(status);
        if (code == ErrorCode.INVALID_CORPUS || code == ErrorCode.INVALID_PLAN) {
            if (corpus != 0) Lib.nd_corpus_free(corpus);
            return new LoadResult(null, Abi.takeProblems(problems));
        }
        if (problems != 0) Lib.nd_problems_free(problems);
        if (corpus != 0) Lib.nd_corpus_free(corpus);
        Abi.checkIo(status, err);
        throw new NormDocException(code, Abi.message(err));  // not reached: checkIo threw
    }

    // ---- facts -----------------------------------------------------------------------------

    public int documentCount() {
        return query(c -> {
            Pointer err = Abi.err();
            long[] n = new long[1];
            Abi.check(Lib.nd_corpus_document_count(c, n, err), err);
            return Abi.count(n[0]);
        });
    }

    public int authorityCount() {
        return query(c -> {
            Pointer err = Abi.err();
            long[] n = new long[1];
            Abi.check(Lib.nd_corpus_authority_count(c, n, err), err);
            return Abi.count(n[0]);
        });
    }

    /**
     * SPEC §10: the id of the document with this id, or of the one document holding this 发文字号.
     * A NormDocArgumentException (UNKNOWN_ID, AMBIGUOUS_ID) otherwise.
     */
    public String resolve(String idOrNumber) {
        byte[] id = Abi.utf8z(idOrNumber);
        return query(c -> {
            Pointer err = Abi.err();
            long[] out = new long[1];
            Abi.check(Lib.nd_corpus_resolve(c, id, out, err), err);
            return new Pointer(out[0]).getString(0, "UTF-8");
        });
    }

    // ---- status (SPEC §5) ------------------------------------------------------------------

    /**
     * The status as of {@code asOf} of the document with this id or 发文字号 (its
     * {@link DocumentStatus#id()} is the document's id). NormDocArgumentException: UNKNOWN_ID,
     * AMBIGUOUS_ID, BAD_DATE.
     */
    public DocumentStatus status(String idOrNumber, LocalDate asOf) {
        byte[] id = Abi.utf8z(idOrNumber), day = Abi.date(asOf);
        int[] out = new int[4];  // nd_doc_status: status, last_day, ended, amended
        String resolved = query(c -> {
            Pointer err = Abi.err();
            // An id is found in the ids this object holds (no string back from the library); a
            // 发文字号 is resolved by the library.
            String[] ids = names(c)[0];
            int rank = Arrays.binarySearch(ids, idOrNumber, Csv::compareBytes);
            String found;
            if (rank >= 0) {
                found = ids[rank];
            } else {
                long[] p = new long[1];
                Abi.check(Lib.nd_corpus_resolve(c, id, p, err), err);
                found = new Pointer(p[0]).getString(0, "UTF-8");
            }
            Abi.check(Lib.nd_corpus_status_of(c, id, day, out, err), err);
            return found;
        });
        return new DocumentStatus(resolved, Status.of(out[0]), Abi.day(out[1]), out[3] != 0);
    }

    /**
     * The status of every document as of {@code asOf}, by id in byte order (the CSV's rows): the
     * columns copied into Java in one call, each row's DocumentStatus made when asked for.
     */
    public StatusList statusAll(LocalDate asOf) {
        byte[] day = Abi.date(asOf);
        return query(c -> {
            String[][] names = names(c);
            int n = names[0].length;
            int[] status = new int[n], lastDay = new int[n];
            byte[] amended = new byte[n];
            Pointer err = Abi.err();
            Abi.check(Lib.nd_status_all_into(c, day, status, lastDay, null, amended, n, err), err);
            return new StatusList(names[0], status, lastDay, amended);
        });
    }

    /** The ids and numbers by rank, from the corpus's first status list (made once). */
    private String[][] names(long c) {
        String[][] names = idsAndNumbers;
        if (names != null) return names;
        Pointer err = Abi.err();
        long[] list = new long[1];
        Abi.check(Lib.nd_status_all(c, Abi.date(LocalDate.of(2000, 1, 1)), list, err), err);
        try {
            Memory cols = new Memory(Lib.STATUS_COLUMNS_SIZE);
            Abi.check(Lib.nd_status_list_columns(list[0], cols, err), err);
            names = new String[][] {Abi.strings(cols, 8), Abi.strings(cols, 40)};
        } finally {
            Lib.nd_status_list_free(list[0]);
        }
        idsAndNumbers = names;  // a benign race: equal values
        return names;
    }

    private static int[] ranks(long handle, int n, boolean cleanup) {
        int[] ranks = new int[n];
        Pointer err = Abi.err();
        Abi.check(cleanup ? Lib.nd_cleanup_ranks(handle, ranks, n, err) : Lib.nd_impact_ranks(handle, ranks, n, err), err);
        return ranks;
    }

    // ---- clean-up (SPEC §6) ----------------------------------------------------------------

    /** The clean-up of every document as of {@code asOf}, with the findings' details. */
    public CleanupReport cleanup(LocalDate asOf) { return cleanup(asOf, null, true); }

    /** The clean-up of the documents of authority {@code scope} (null for all), with the findings' details. */
    public CleanupReport cleanup(LocalDate asOf, String scope) { return cleanup(asOf, scope, true); }

    /**
     * The clean-up as of {@code asOf} of the documents of authority {@code scope} (its id; null
     * for all). An unknown authority is a NormDocArgumentException (UNKNOWN_SCOPE). Without
     * {@code details} every finding's {@link Finding#detail()} is "" and the library does not word
     * them (a third of the time at a million documents; the CSV does not show them).
     */
    public CleanupReport cleanup(LocalDate asOf, String scope, boolean details) {
        byte[] day = Abi.date(asOf), scopeId = Abi.utf8z(scope);
        return query(c -> {
            String[][] names = names(c);
            Pointer err = Abi.err();
            long[] run = new long[1];
            Abi.check(Lib.nd_cleanup_run(c, day, scopeId, run, err), err);
            try {
                return report(run[0], asOf, scope, details, names, err);
            } finally {
                Lib.nd_cleanup_free(run[0]);
            }
        });
    }

    private static CleanupReport report(long run, LocalDate asOf, String scope, boolean details, String[][] names,
                                        Pointer err) {
        Memory cols = new Memory(Lib.CLEANUP_COLUMNS_SIZE);
        // Numeric columns: no string is made or copied (the details, when wanted, are the only strings).
        Abi.check(details ? Lib.nd_cleanup_columns_get(run, cols, err) : Lib.nd_cleanup_numeric_columns(run, cols, err), err);
        int n = Abi.count(cols.getLong(0));
        int[] rank = ranks(run, n, true);
        int[] status = Abi.ints(cols, 72, n);
        int[] action = Abi.ints(cols, 80, n);
        int[] first = Abi.ints(cols, 88, n);
        int[] count = Abi.ints(cols, 96, n);
        int findings = Abi.count(cols.getLong(104));
        int[] code = Abi.ints(cols, 112, findings);
        int[] findingAction = Abi.ints(cols, 120, findings);
        String[] texts = details ? Abi.strings(cols, 128) : null;
        Finding[] all = new Finding[findings];
        for (int i = 0; i < findings; ++i)
            all[i] = texts != null ? new Finding(FindingCode.of(code[i]), Action.of(findingAction[i]), texts[i])
                                     : Finding.of(FindingCode.of(code[i]), Action.of(findingAction[i]));
        List<Finding> none = List.of();
        String[] ids = names[0], numbers = names[1];
        CleanupItem[] items = new CleanupItem[n];
        for (int i = 0; i < n; ++i)
            items[i] = new CleanupItem(ids[rank[i]], numbers[rank[i]], Status.of(status[i]), Action.of(action[i]),
                    count[i] == 0 ? none : new Slice<>(all, first[i], count[i]));

        long[] m = new long[1];
        Abi.check(Lib.nd_cleanup_summary_count(run, m, err), err);
        List<IssuerSummary> summary = new ArrayList<>(Abi.count(m[0]));
        Memory row = new Memory(Lib.ACTION_COUNTS_SIZE);
        for (long i = 0; i < m[0]; ++i) {
            Abi.check(Lib.nd_cleanup_summary(run, i, row, err), err);
            summary.add(new IssuerSummary(Abi.string(row, 0), Abi.string(row, 8), row.getIntArray(16, Action.values().length)));
        }
        return new CleanupReport(asOf, scope, new Slice<>(items), List.copyOf(summary));
    }

    /** {@code normdoc cleanup --format xml}: the plan (SPEC §8) of the clean-up, for people to edit. */
    public String cleanupPlanXml(LocalDate asOf, String scope) {
        byte[] day = Abi.date(asOf), scopeId = Abi.utf8z(scope);
        return query(c -> {
            Pointer err = Abi.err();
            long[] run = new long[1];
            Abi.check(Lib.nd_cleanup_run(c, day, scopeId, run, err), err);
            try {
                long[] out = new long[1], size = new long[1];
                Abi.check(Lib.nd_cleanup_plan_xml(run[0], out, size, err), err);
                return Abi.takeString(out[0], size[0]);
            } finally {
                Lib.nd_cleanup_free(run[0]);
            }
        });
    }

    // ---- impact ----------------------------------------------------------------------------

    /**
     * Every document that depends on {@code doc} (id or 发文字号) through based-on / implements,
     * transitively, with its shortest depth and its status as of {@code asOf}; by depth, then id.
     */
    public List<ImpactEntry> impact(String doc, LocalDate asOf) {
        byte[] id = Abi.utf8z(doc), day = Abi.date(asOf);
        return query(c -> {
            String[] ids = names(c)[0];
            Pointer err = Abi.err();
            long[] run = new long[1];
            Abi.check(Lib.nd_impact_run(c, id, day, run, err), err);
            try {
                Memory cols = new Memory(Lib.IMPACT_COLUMNS_SIZE);
                Abi.check(Lib.nd_impact_numeric_columns(run[0], cols, err), err);
                int n = Abi.count(cols.getLong(0));
                int[] rank = ranks(run[0], n, false);
                int[] depth = Abi.ints(cols, 72, n);
                int[] status = Abi.ints(cols, 80, n);
                ImpactEntry[] out = new ImpactEntry[n];
                for (int i = 0; i < n; ++i) out[i] = new ImpactEntry(ids[rank[i]], depth[i], Status.of(status[i]));
                return new Slice<>(out);
            } finally {
                Lib.nd_impact_free(run[0]);
            }
        });
    }

    // ---- applying a plan (SPEC §6) -----------------------------------------------------------

    /**
     * Applies plan XML (SPEC §8) with a new decision document: a new corpus (warnings in its
     * problems), or, all or nothing, no corpus and every reason as a problem. {@code onlyCompetent}
     * leaves out the items the issuers may not decide.
     */
    public LoadResult apply(String planXml, String planName, Decision decision, boolean onlyCompetent) {
        byte[] plan = planXml.getBytes(StandardCharsets.UTF_8);
        byte[] name = Abi.utf8z(planName);
        NativeDecision d = new NativeDecision(decision);
        return query(c -> {
            Pointer err = Abi.err();
            long[] handle = new long[1], problems = new long[1];
            int status = Lib.nd_plan_read_buffer(plan, plan.length, name, handle, problems, err);
            try {
                if (status != Lib.ND_OK) return loaded(status, err, 0, problems[0]);
                long[] out = new long[1];
                if (problems[0] != 0) Lib.nd_problems_free(problems[0]);  // a plan read without errors
                problems[0] = 0;
                status = Lib.nd_plan_apply(c, handle[0], d.memory, onlyCompetent ? 1 : 0, out, problems, err);
                Reference.reachabilityFence(d);
                return loaded(status, err, out[0], problems[0]);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                Lib.nd_plan_free(handle[0]);
            }
        });
    }

    /** Applies this corpus's own clean-up as of {@code asOf} (scope null for all), as written. */
    public LoadResult applyCleanup(LocalDate asOf, String scope, Decision decision, boolean onlyCompetent) {
        byte[] day = Abi.date(asOf), scopeId = Abi.utf8z(scope);
        NativeDecision d = new NativeDecision(decision);
        return query(c -> {
            Pointer err = Abi.err();
            long[] run = new long[1];
            Abi.check(Lib.nd_cleanup_run(c, day, scopeId, run, err), err);
            try {
                long[] out = new long[1], problems = new long[1];
                int status = Lib.nd_cleanup_apply(c, run[0], d.memory, onlyCompetent ? 1 : 0, out, problems, err);
                Reference.reachabilityFence(d);
                return loaded(status, err, out[0], problems[0]);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                Lib.nd_cleanup_free(run[0]);
            }
        });
    }

    // ---- writing -----------------------------------------------------------------------------

    /** Corpus XML format 1 (SPEC §7), as normdoc writes it. */
    public String toXml() {
        return query(c -> {
            Pointer err = Abi.err();
            long[] out = new long[1], size = new long[1];
            Abi.check(Lib.nd_corpus_write(c, out, size, err), err);
            return Abi.takeString(out[0], size[0]);
        });
    }

    /** Saves the corpus XML to {@code path} atomically (never a half-written file). */
    public void save(Path path) throws IOException {
        byte[] p = Abi.utf8z(path.toString());
        this.<Void, IOException>query(c -> {
            Pointer err = Abi.err();
            Abi.checkIo(Lib.nd_corpus_save(c, p, err), err);
            return null;
        });
    }

    /**
     * The relation graph in Graphviz DOT as of {@code asOf} (SPEC §10 graph): the whole corpus
     * when {@code root} is null, else {@code depth} steps (0: the default) around that document.
     */
    public String dot(LocalDate asOf, String root, int depth) {
        byte[] day = Abi.date(asOf), r = Abi.utf8z(root);
        return query(c -> {
            Pointer err = Abi.err();
            long[] out = new long[1], size = new long[1];
            Abi.check(Lib.nd_corpus_dot(c, day, r, depth, out, size, err), err);
            return Abi.takeString(out[0], size[0]);
        });
    }

    /** An nd_decision in native memory, with its strings, alive as long as this object. */
    private static final class NativeDecision {
        final Memory memory = new Memory(Lib.DECISION_SIZE);
        private final List<Memory> keep = new ArrayList<>();

        NativeDecision(Decision d) {
            memory.clear();
            memory.setPointer(0, text(d.id()));
            memory.setPointer(8, text(d.number()));
            memory.setPointer(16, text(d.title()));
            Memory issuers = new Memory(8L * Math.max(1, d.issuers().size()));
            keep.add(issuers);
            for (int i = 0; i < d.issuers().size(); ++i) issuers.setPointer(8L * i, text(d.issuers().get(i)));
            memory.setPointer(24, issuers);
            memory.setLong(32, d.issuers().size());
            memory.setPointer(40, text(d.date().toString()));
            memory.setPointer(48, d.kind() == null ? null : text(d.kind()));
        }

        private Memory text(String s) {
            byte[] b = Abi.utf8z(s);
            Memory m = new Memory(b.length);
            m.write(0, b, 0, b.length);
            keep.add(m);
            return m;
        }
    }
}
