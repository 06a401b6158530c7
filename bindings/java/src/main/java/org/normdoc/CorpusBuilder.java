package org.normdoc;

import com.sun.jna.Pointer;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.time.LocalDate;

/**
 * Builds a corpus in code (the C++ CorpusBuilder's calls). Enumerations are given by their SPEC
 * names ({@code "government"}, {@code "normative"}, {@code "based-on"}, {@code "lawful"}); a wrong
 * one is a NormDocArgumentException at once. The {@code doc*} calls apply to the document added
 * last. {@link #build()} validates: a corpus, or the problems. Used by one thread at a time.
 *
 * <pre>{@code
 * try (CorpusBuilder b = new CorpusBuilder()) {
 *     b.authority("gov", "某市人民政府", "government", "municipal", null, null, null);
 *     b.document("gov-2018-1", "normative", "关于…的通知").docIssuer("gov")
 *      .docDates(LocalDate.of(2018, 5, 10), LocalDate.of(2018, 6, 1), null);
 *     try (Corpus c = b.build().orElseThrow()) { … }
 * }
 * }</pre>
 */
public final class CorpusBuilder implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    private static final class Handle implements Runnable {
        long address;

        Handle(long address) { this.address = address; }

        @Override
        public synchronized void run() {
            if (address != 0) Lib.nd_builder_free(address);
            address = 0;
        }
    }

    private final Handle handle;
    private final Cleaner.Cleanable cleanable;

    public CorpusBuilder() {
        Pointer err = Abi.err();
        long[] out = new long[1];
        Abi.check(Lib.nd_builder_new(out, err), err);
        handle = new Handle(out[0]);
        cleanable = CLEANER.register(this, handle);
    }

    @Override
    public void close() { cleanable.clean(); }

    private long h() {
        synchronized (handle) {
            if (handle.address == 0) throw new IllegalStateException("normdoc: the builder is closed");
            return handle.address;
        }
    }

    private static byte[] s(String x) { return Abi.utf8z(x); }
    private static byte[] d(LocalDate x) { return Abi.optionalDate(x); }

    private CorpusBuilder done(int status, Pointer err) {
        Abi.check(status, err);
        return this;
    }

    /** The rules profile (SPEC §3). */
    public CorpusBuilder profile(int years, int trialYears, int consultationMinDays, int filingWithinDays,
                                 int expiryReviewMonths) {
        Pointer err = Abi.err();
        return done(Lib.nd_builder_profile(h(), years, trialYears, consultationMinDays, filingWithinDays,
                expiryReviewMonths, err), err);
    }

    /** An authority; level, parent, abolished and successor may be null. */
    public CorpusBuilder authority(String id, String name, String kind, String level, String parent,
                                   LocalDate abolished, String successor) {
        Pointer err = Abi.err();
        return done(Lib.nd_builder_authority(h(), s(id), s(name), s(kind), s(level), s(parent), d(abolished),
                s(successor), err), err);
    }

    public CorpusBuilder document(String id, String kind, String title) {
        Pointer err = Abi.err();
        return done(Lib.nd_builder_document(h(), s(id), s(kind), s(title), err), err);
    }

    public CorpusBuilder docNumber(String number) {
        Pointer err = Abi.err();
        return done(Lib.nd_builder_doc_number(h(), s(number), err), err);
    }

    public CorpusBuilder docTrial(boolean trial) {
        Pointer err = Abi.err();
        return done(Lib.nd_builder_doc_trial(h(), trial ? 1 : 0, err), err);
    }

    public CorpusBuilder docIssuer(String authority) {
        Pointer err = Abi.err();
        return done(Lib.nd_builder_doc_issuer(h(), s(authority), err), err);
    }

    public CorpusBuilder docDrafter(String authority) {
        Pointer err = Abi.err();
        return done(Lib.nd_builder_doc_drafter(h(), s(authority), err), err);
    }

    public CorpusBuilder docSubject(String subject) {
        Pointer err = Abi.err();
        return done(Lib.nd_builder_doc_subject(h(), s(subject), err), err);
    }

    /** Published, effective, expires; each may be null. */
    public CorpusBuilder docDates(LocalDate published, LocalDate effective, LocalDate expires) {
        Pointer err = Abi.err();
        return done(Lib.nd_builder_doc_dates(h(), d(published), d(effective), d(expires), err), err);
    }

    /** A relation ({@code "based-on"}, {@code "repeals"} …); date and until may be null. */
    public CorpusBuilder docRelation(String kind, String target, LocalDate date, LocalDate until) {
        Pointer err = Abi.err();
        return done(Lib.nd_builder_doc_relation(h(), s(kind), s(target), d(date), d(until), err), err);
    }

    /** A procedure step: {@code "assessment"}, {@code "expert-review"}, {@code "risk-assessment"}. */
    public CorpusBuilder docStep(String step, LocalDate date) {
        Pointer err = Abi.err();
        return done(Lib.nd_builder_doc_step(h(), s(step), d(date), err), err);
    }

    public CorpusBuilder docConsultation(LocalDate from, LocalDate to) {
        Pointer err = Abi.err();
        return done(Lib.nd_builder_doc_consultation(h(), d(from), d(to), err), err);
    }

    public CorpusBuilder docLegalityReview(LocalDate date, String outcome, String by) {
        Pointer err = Abi.err();
        return done(Lib.nd_builder_doc_legality_review(h(), d(date), s(outcome), s(by), err), err);
    }

    public CorpusBuilder docCollectiveDecision(LocalDate date, String outcome, String body) {
        Pointer err = Abi.err();
        return done(Lib.nd_builder_doc_collective_decision(h(), d(date), s(outcome), s(body), err), err);
    }

    public CorpusBuilder docFiling(LocalDate date, String with) {
        Pointer err = Abi.err();
        return done(Lib.nd_builder_doc_filing(h(), d(date), s(with), err), err);
    }

    /** An explicit event: {@code "repeal"}, {@code "invalidation"}, {@code "amendment"}. */
    public CorpusBuilder docEvent(String type, LocalDate date, String source) {
        Pointer err = Abi.err();
        return done(Lib.nd_builder_doc_event(h(), s(type), d(date), s(source), err), err);
    }

    /** Validates and builds; the builder may go on and build again. */
    public LoadResult build() {
        Pointer err = Abi.err();
        long[] corpus = new long[1], problems = new long[1];
        int status = Lib.nd_builder_build(h(), corpus, problems, err);
        try {
            return Corpus.loaded(status, err, corpus[0], problems[0]);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
