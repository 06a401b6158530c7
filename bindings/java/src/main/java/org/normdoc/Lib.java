package org.normdoc;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The C ABI (include/normdoc/normdoc.h) by JNA direct mapping: static natives, the fastest way
 * JNA calls C (no proxy, no reflection per call). Handles travel as {@code long} (the address;
 * LP64 only), strings in as NUL-terminated UTF-8 {@code byte[]}, outputs as one-element arrays or
 * a per-thread scratch block, so that a call allocates nothing on the native heap.
 *
 * The library is found, in this order, at the path of the system property {@code normdoc.library},
 * of the environment variable {@code NORMDOC_C_LIBRARY} (as the Python binding), or as {@code libnormdoc_c.so} on
 * {@code jna.library.path} and the system's library path.
 */
final class Lib {
    private Lib() {}

    static final int ABI_VERSION = 1;  // ND_ABI_VERSION this binding is written against

    static {
        if (Native.POINTER_SIZE != 8 || Native.LONG_SIZE != 8)
            throw new UnsupportedOperationException("normdoc: the Java binding needs a 64-bit (LP64) platform");
        String path = System.getProperty("normdoc.library");
        if (path == null || path.isEmpty()) path = System.getenv("NORMDOC_C_LIBRARY");
        NativeLibrary library = NativeLibrary.getInstance(path != null && !path.isEmpty() ? path : "normdoc_c");
        Native.register(Lib.class, library);
        int abi = nd_abi_version();
        if (abi != ABI_VERSION)
            throw new UnsatisfiedLinkError("normdoc: " + library.getFile() + " has C ABI version " + abi
                    + ", this binding needs " + ABI_VERSION);
    }

    // ---- status codes (nd_status) -----------------------------------------------------------
    static final int ND_OK = 0;

    // ---- struct layouts (LP64): byte offsets of the fields the binding reads ------------------
    static final int ERROR_SIZE = 4 + 1024;                 // nd_error: code, message[1024]
    static final int STRING_COLUMN_SIZE = 32;               // nd_string_column: data, offsets, count, data_size
    static final int PROBLEM_SIZE = 48;                     // nd_problem
    static final int STATUS_COLUMNS_SIZE = 104;             // nd_status_columns
    static final int CLEANUP_COLUMNS_SIZE = 160;            // nd_cleanup_columns
    static final int IMPACT_COLUMNS_SIZE = 88;              // nd_impact_columns
    static final int ACTION_COUNTS_SIZE = 40;               // nd_action_counts
    static final int DECISION_SIZE = 56;                    // nd_decision

    // ---- version, enums, dates ---------------------------------------------------------------
    static native String nd_version();
    static native int nd_abi_version();
    static native String nd_status_name(int code);
    static native int nd_exit_code(int code);
    static native int nd_date_parse(byte[] text, int[] day, Pointer err);
    static native int nd_today();
    static native void nd_string_free(Pointer s);

    // ---- problems ----------------------------------------------------------------------------
    static native void nd_problems_free(long problems);
    static native int nd_problems_count(long problems, long[] count, Pointer err);
    static native int nd_problems_get(long problems, long index, Pointer out, Pointer err);

    // ---- corpus ------------------------------------------------------------------------------
    static native int nd_corpus_open(byte[] path, long[] corpus, long[] problems, Pointer err);
    static native int nd_corpus_open_buffer(byte[] data, long size, byte[] fileName, long[] corpus, long[] problems,
                                            Pointer err);
    static native void nd_corpus_free(long corpus);
    static native int nd_corpus_document_count(long corpus, long[] count, Pointer err);
    static native int nd_corpus_authority_count(long corpus, long[] count, Pointer err);
    static native int nd_corpus_resolve(long corpus, byte[] idOrNumber, long[] id, Pointer err);
    static native int nd_corpus_write(long corpus, long[] out, long[] size, Pointer err);
    static native int nd_corpus_save(long corpus, byte[] path, Pointer err);
    static native int nd_corpus_dot(long corpus, byte[] asOf, byte[] root, int depth, long[] out, long[] size,
                                    Pointer err);

    // ---- status ------------------------------------------------------------------------------
    static native int nd_corpus_status_of(long corpus, byte[] id, byte[] asOf, int[] out, Pointer err);
    static native int nd_status_all(long corpus, byte[] asOf, long[] out, Pointer err);
    static native void nd_status_list_free(long list);
    static native int nd_status_list_columns(long list, Pointer out, Pointer err);
    static native int nd_status_all_into(long corpus, byte[] asOf, int[] status, int[] lastDay, int[] ended,
                                         byte[] amended, long count, Pointer err);

    // ---- clean-up ----------------------------------------------------------------------------
    static native int nd_cleanup_run(long corpus, byte[] asOf, byte[] scope, long[] out, Pointer err);
    static native void nd_cleanup_free(long cleanup);
    static native int nd_cleanup_columns_get(long cleanup, Pointer out, Pointer err);
    static native int nd_cleanup_columns_without_details(long cleanup, Pointer out, Pointer err);
    static native int nd_cleanup_numeric_columns(long cleanup, Pointer out, Pointer err);
    static native int nd_cleanup_ranks(long cleanup, int[] ranks, long count, Pointer err);
    static native int nd_cleanup_summary_count(long cleanup, long[] count, Pointer err);
    static native int nd_cleanup_summary(long cleanup, long index, Pointer out, Pointer err);
    static native int nd_cleanup_plan_xml(long cleanup, long[] out, long[] size, Pointer err);
    static native int nd_cleanup_apply(long corpus, long cleanup, Pointer decision, int flags, long[] out,
                                       long[] problems, Pointer err);

    // ---- impact ------------------------------------------------------------------------------
    static native int nd_impact_run(long corpus, byte[] doc, byte[] asOf, long[] out, Pointer err);
    static native void nd_impact_free(long impact);
    static native int nd_impact_columns_get(long impact, Pointer out, Pointer err);
    static native int nd_impact_numeric_columns(long impact, Pointer out, Pointer err);
    static native int nd_impact_ranks(long impact, int[] ranks, long count, Pointer err);

    // ---- plans -------------------------------------------------------------------------------
    static native int nd_plan_read_buffer(byte[] data, long size, byte[] fileName, long[] out, long[] problems,
                                          Pointer err);
    static native void nd_plan_free(long plan);
    static native int nd_plan_apply(long corpus, long plan, Pointer decision, int flags, long[] out, long[] problems,
                                    Pointer err);

    // ---- builder -----------------------------------------------------------------------------
    static native int nd_builder_new(long[] out, Pointer err);
    static native void nd_builder_free(long builder);
    static native int nd_builder_profile(long b, int years, int trialYears, int consultationMinDays,
                                         int filingWithinDays, int expiryReviewMonths, Pointer err);
    static native int nd_builder_authority(long b, byte[] id, byte[] name, byte[] kind, byte[] level, byte[] parent,
                                           byte[] abolished, byte[] successor, Pointer err);
    static native int nd_builder_document(long b, byte[] id, byte[] kind, byte[] title, Pointer err);
    static native int nd_builder_doc_number(long b, byte[] number, Pointer err);
    static native int nd_builder_doc_trial(long b, int trial, Pointer err);
    static native int nd_builder_doc_issuer(long b, byte[] authority, Pointer err);
    static native int nd_builder_doc_drafter(long b, byte[] authority, Pointer err);
    static native int nd_builder_doc_subject(long b, byte[] subject, Pointer err);
    static native int nd_builder_doc_dates(long b, byte[] published, byte[] effective, byte[] expires, Pointer err);
    static native int nd_builder_doc_relation(long b, byte[] kind, byte[] target, byte[] date, byte[] until, Pointer err);
    static native int nd_builder_doc_step(long b, byte[] step, byte[] date, Pointer err);
    static native int nd_builder_doc_consultation(long b, byte[] from, byte[] to, Pointer err);
    static native int nd_builder_doc_legality_review(long b, byte[] date, byte[] outcome, byte[] by, Pointer err);
    static native int nd_builder_doc_collective_decision(long b, byte[] date, byte[] outcome, byte[] body, Pointer err);
    static native int nd_builder_doc_filing(long b, byte[] date, byte[] with, Pointer err);
    static native int nd_builder_doc_event(long b, byte[] type, byte[] date, byte[] source, Pointer err);
    static native int nd_builder_build(long b, long[] corpus, long[] problems, Pointer err);
}
