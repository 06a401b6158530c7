/* normdoc's C ABI (SPEC §14): the one interface that C, Java, Python and C# link against.
 *
 * C99, no C++. Library: normdoc_c (static) or libnormdoc_c.so (shared, only nd_* exported).
 * docs/bindings.md is the manual; the rules in short:
 *
 *   - Every call that can fail returns an nd_status (ND_OK = 0) and, when `err` is not NULL, fills
 *     it: its code and a UTF-8 message naming what was wrong (the file, the id, the date). On
 *     ND_OK the error is left with code ND_OK and an empty message. No C++ exception and no abort
 *     crosses this boundary; out of memory is ND_E_NOMEM.
 *   - Handles are opaque and owned by the caller, who frees each with its nd_*_free (NULL is
 *     ignored). A NULL, freed or wrong-kind handle gives ND_E_INVALID_HANDLE, never a crash; a
 *     freed handle is recognised best-effort (its husk is kept for a while and then reused).
 *     A result handle (nd_status_list, nd_cleanup, nd_impact, nd_plan) keeps what it needs of its
 *     corpus alive: freeing the corpus first is allowed.
 *   - Strings in and out are UTF-8, NUL-terminated. Strings that a handle gives out (const char*)
 *     live as long as that handle; strings given as `char**` are the caller's: free them with
 *     nd_string_free. Invalid UTF-8 in is ND_E_BAD_UTF8; what goes out is always UTF-8 (bytes of
 *     an input quoted in a problem that were not are given as U+FFFD).
 *   - Dates in are `YYYY-MM-DD` text (SPEC §4: a real day, years 1900-2199; else ND_E_BAD_DATE).
 *     Dates out are day numbers: days since 1970-01-01 (1970-01-02 is 1), ND_NO_DAY for none;
 *     nd_date_format / nd_date_parse convert.
 *   - Threads: nd_corpus, nd_status_list, nd_cleanup, nd_impact, nd_plan and nd_problems are
 *     immutable once made: any number of threads may query one at once (not while it is freed).
 *     An nd_builder is used by one thread at a time. An nd_error belongs to one call.
 *   - Bulk results come as count + accessors by index (nd_*_get) and as columns (nd_*_columns:
 *     arrays, one per field, that a binding copies in one go), so that no binding makes a call per
 *     document; and as CSV (nd_*_csv), the bytes `normdoc … --format csv` prints, from the same
 *     code the CLI runs.
 *   - Versioning: ND_ABI_VERSION changes only when something is removed or changed; functions and
 *     constants are only ever added. nd_abi_version() gives the loaded library's.
 */
#ifndef NORMDOC_H
#define NORMDOC_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#  if defined(NORMDOC_C_BUILDING)
#    define ND_API __declspec(dllexport)
#  else
#    define ND_API
#  endif
#else
#  define ND_API __attribute__((visibility("default")))
#endif

#define ND_ABI_VERSION 1

/* ---- status codes --------------------------------------------------------------------------- */

typedef int32_t nd_status;

enum {
    ND_OK = 0,
    ND_E_INVALID_ARGUMENT = 1, /* a NULL pointer where one is needed, an index out of range, a bad enum value */
    ND_E_INVALID_HANDLE = 2,   /* a NULL, freed or wrong-kind handle */
    ND_E_NOMEM = 3,            /* out of memory */
    ND_E_IO = 4,               /* a file cannot be read or written (SPEC §10 exit 3) */
    ND_E_INVALID_CORPUS = 5,   /* the corpus has errors (problems given; SPEC §10 exit 1) */
    ND_E_INVALID_PLAN = 6,     /* the plan cannot be read or applied (problems given; exit 1) */
    ND_E_BAD_DATE = 7,         /* not a YYYY-MM-DD date of 1900-2199 (exit 2) */
    ND_E_BAD_UTF8 = 8,         /* a string that is not well-formed UTF-8 (exit 2) */
    ND_E_UNKNOWN_ID = 9,       /* no document with that id or 发文字号 (exit 2) */
    ND_E_AMBIGUOUS_ID = 10,    /* a 发文字号 held by several documents; the message lists them (exit 2) */
    ND_E_UNKNOWN_SCOPE = 11,   /* no authority with that id (exit 2) */
    ND_E_WRONG_CORPUS = 12,    /* a result handle made from another corpus than the one given */
    ND_E_INTERNAL = 13         /* a broken invariant (exit 4) */
};

#define ND_ERROR_MESSAGE_SIZE 1024

typedef struct nd_error {
    nd_status code;
    char message[ND_ERROR_MESSAGE_SIZE]; /* UTF-8, NUL-terminated, cut at a character boundary */
} nd_error;

/* The name of a status code ("ND_E_BAD_DATE"); "?" for an unknown one. Never NULL. */
ND_API const char* nd_status_name(nd_status code);
/* SPEC §10's exit code for a status: 0 ok; 1 invalid corpus or plan; 2 usage (bad date, UTF-8,
 * unknown or ambiguous id or scope, invalid argument); 3 I/O; 4 internal, out of memory, bad handle. */
ND_API int nd_exit_code(nd_status code);

/* ---- version -------------------------------------------------------------------------------- */

ND_API const char* nd_version(void); /* "0.1.0": the library's version */
ND_API int nd_abi_version(void);     /* ND_ABI_VERSION the library was built with */

/* ---- enumerations (values are stable; names as SPEC spells them in files and CSV) ------------ */

/* SPEC §5 document status. */
enum {
    ND_DOC_DRAFT = 0, ND_DOC_PENDING = 1, ND_DOC_IN_FORCE = 2,
    ND_DOC_REPEALED = 3, ND_DOC_INVALID = 4, ND_DOC_EXPIRED = 5
};
/* SPEC §6 actions, weakest first (the strongest is the maximum). */
enum {
    ND_ACTION_RETAIN = 0, ND_ACTION_EVALUATE = 1, ND_ACTION_AMEND = 2,
    ND_ACTION_DECLARE_INVALID = 3, ND_ACTION_REPEAL = 4
};
#define ND_ACTION_COUNT 5
/* SPEC §6 finding codes, in the order of its table. */
enum {
    ND_FINDING_EXPIRED = 0, ND_FINDING_EXPIRING = 1, ND_FINDING_BASIS_TERMINATED = 2,
    ND_FINDING_BASIS_TO_BE_TERMINATED = 3, ND_FINDING_BASIS_AMENDED = 4, ND_FINDING_ISSUER_ABOLISHED = 5,
    ND_FINDING_TERM_TOO_LONG = 6, ND_FINDING_NO_LEGALITY_REVIEW = 7, ND_FINDING_NO_COLLECTIVE_DECISION = 8,
    ND_FINDING_NO_CONSULTATION = 9, ND_FINDING_SHORT_CONSULTATION = 10, ND_FINDING_FILING_OVERDUE = 11
};
/* SPEC §7 problem severity and codes. */
enum { ND_SEVERITY_ERROR = 0, ND_SEVERITY_WARNING = 1 };
enum {
    ND_PROBLEM_XML_SYNTAX = 0, ND_PROBLEM_MISSING = 1, ND_PROBLEM_BAD_VALUE = 2, ND_PROBLEM_BAD_DATE = 3,
    ND_PROBLEM_DUPLICATE_ID = 4, ND_PROBLEM_DUPLICATE_NUMBER = 5, ND_PROBLEM_UNKNOWN_REF = 6,
    ND_PROBLEM_SELF_REFERENCE = 7, ND_PROBLEM_DATE_ORDER = 8, ND_PROBLEM_BASIS_CYCLE = 9,
    ND_PROBLEM_MODIFICATION_CYCLE = 10, ND_PROBLEM_SUCCESSOR_CYCLE = 11, ND_PROBLEM_UNKNOWN_ELEMENT = 12,
    ND_PROBLEM_NUMBER_YEAR_MISMATCH = 13, ND_PROBLEM_LATE_EXTENSION = 14, ND_PROBLEM_NOT_COMPETENT = 15,
    ND_PROBLEM_CORRUPT_SNAPSHOT = 16, ND_PROBLEM_BAD_VERSION = 17, ND_PROBLEM_TORN_JOURNAL = 18
};

/* Which enumeration nd_enum_name / nd_enum_parse are about. */
enum {
    ND_ENUM_DOC_STATUS = 0, ND_ENUM_ACTION = 1, ND_ENUM_FINDING = 2, ND_ENUM_SEVERITY = 3, ND_ENUM_PROBLEM = 4,
    ND_ENUM_DOCUMENT_KIND = 5,  /* law administrative-regulation local-regulation rule normative party-normative other */
    ND_ENUM_AUTHORITY_KIND = 6, /* congress party government general-office department township other */
    ND_ENUM_LEVEL = 7,          /* national provincial municipal county township */
    ND_ENUM_RELATION = 8,       /* based-on implements amends repeals supersedes declares-invalid extends cites */
    ND_ENUM_LEGALITY_OUTCOME = 9, /* lawful lawful-with-changes unlawful */
    ND_ENUM_DECISION_OUTCOME = 10, /* adopted rejected deferred */
    ND_ENUM_EVENT = 11          /* repeal invalidation amendment */
};
/* The SPEC name of a value ("in-force", "declare-invalid", "BASIS_TERMINATED"), or NULL when the
 * enumeration has no such value. Static storage. */
ND_API const char* nd_enum_name(int32_t enumeration, int32_t value);
/* The value of a SPEC name; ND_E_INVALID_ARGUMENT when it is none of the enumeration's. */
ND_API nd_status nd_enum_parse(int32_t enumeration, const char* name, int32_t* value, nd_error* err);

/* ---- dates ---------------------------------------------------------------------------------- */

#define ND_NO_DAY INT32_MIN

/* SPEC §4: exactly YYYY-MM-DD, a real day, 1900-2199 → days since 1970-01-01. ND_E_BAD_DATE else. */
ND_API nd_status nd_date_parse(const char* text, int32_t* day, nd_error* err);
/* A day number → "YYYY-MM-DD" in out[0..10] (NUL-terminated). ND_E_BAD_DATE outside 1900-2199. */
ND_API nd_status nd_date_format(int32_t day, char out[11], nd_error* err);
/* Today (local time) as a day number: the CLI's default --as-of. */
ND_API int32_t nd_today(void);

/* ---- strings the caller owns ---------------------------------------------------------------- */

ND_API void nd_string_free(char* s);

/* A column of strings in one block: string i starts at data + offsets[i], is NUL-terminated and
 * is offsets[i+1] - offsets[i] - 1 bytes long (count + 1 offsets). Owned by the handle it came from. */
typedef struct nd_string_column {
    const char* data;
    const uint64_t* offsets;
    size_t count;
    size_t data_size; /* = offsets[count] */
} nd_string_column;

/* ---- handles -------------------------------------------------------------------------------- */

typedef struct nd_corpus nd_corpus;
typedef struct nd_problems nd_problems;
typedef struct nd_status_list nd_status_list;
typedef struct nd_cleanup nd_cleanup;
typedef struct nd_impact nd_impact;
typedef struct nd_plan nd_plan;
typedef struct nd_builder nd_builder;

/* ---- problems (SPEC §7) --------------------------------------------------------------------- */

typedef struct nd_problem {
    const char* file;      /* "" for a corpus built in code */
    uint64_t line;         /* 1-based; 0 when there is no line */
    int32_t severity;      /* ND_SEVERITY_* */
    int32_t code;          /* ND_PROBLEM_* */
    const char* code_name; /* "XML_SYNTAX" … */
    const char* message;
    const char* subject_id; /* the authority/document/plan item concerned, or "" */
} nd_problem;

ND_API void nd_problems_free(nd_problems* problems);
ND_API nd_status nd_problems_count(const nd_problems* problems, size_t* count, nd_error* err);
ND_API nd_status nd_problems_error_count(const nd_problems* problems, size_t* count, nd_error* err);
/* Strings point into the list. */
ND_API nd_status nd_problems_get(const nd_problems* problems, size_t index, nd_problem* out, nd_error* err);
/* Every problem as the CLI prints it on standard error: `FILE:LINE: error|warning: CODE: message\n`. */
ND_API nd_status nd_problems_text(const nd_problems* problems, char** out, size_t* size, nd_error* err);

/* ---- corpus --------------------------------------------------------------------------------- */

/* SPEC §7/§12: opens corpus XML or a registry snapshot (told apart by its first bytes) and
 * validates it. ND_OK: *corpus set (warnings, if any, in *problems). ND_E_INVALID_CORPUS: *corpus
 * NULL, every problem in *problems. ND_E_IO: the file cannot be read. `problems` may be NULL
 * (not wanted); when given, *problems is always set on ND_OK and ND_E_INVALID_CORPUS (free it). */
ND_API nd_status nd_corpus_open(const char* path, nd_corpus** corpus, nd_problems** problems, nd_error* err);
/* The same from corpus XML in memory (`size` bytes, not necessarily NUL-terminated); `file_name`
 * (may be NULL: "<buffer>") is what problems name. */
ND_API nd_status nd_corpus_open_buffer(const char* data, size_t size, const char* file_name, nd_corpus** corpus,
                                       nd_problems** problems, nd_error* err);
ND_API void nd_corpus_free(nd_corpus* corpus);

ND_API nd_status nd_corpus_document_count(const nd_corpus* corpus, size_t* count, nd_error* err);
ND_API nd_status nd_corpus_authority_count(const nd_corpus* corpus, size_t* count, nd_error* err);
/* SPEC §10: the string id of the document with this id, or of the one document holding this
 * 发文字号. ND_E_UNKNOWN_ID / ND_E_AMBIGUOUS_ID. *id points into the corpus. */
ND_API nd_status nd_corpus_resolve(const nd_corpus* corpus, const char* id_or_number, const char** id, nd_error* err);

/* Corpus XML format 1 (SPEC §7), as normdoc writes it. */
ND_API nd_status nd_corpus_write(const nd_corpus* corpus, char** out, size_t* size, nd_error* err);
/* The same, saved atomically to `path` (ND_E_IO). */
ND_API nd_status nd_corpus_save(const nd_corpus* corpus, const char* path, nd_error* err);
/* SPEC §10 graph: Graphviz DOT; `root` NULL for the whole corpus, else an id or 发文字号 with
 * `depth` steps of bases and dependents (0: the default, 2). */
ND_API nd_status nd_corpus_dot(const nd_corpus* corpus, const char* as_of, const char* root, uint32_t depth, char** out,
                               size_t* size, nd_error* err);

/* ---- status (SPEC §5) ----------------------------------------------------------------------- */

typedef struct nd_doc_status {
    int32_t status;   /* ND_DOC_* */
    int32_t last_day; /* SPEC §4 last day in force as of the day, extensions included; ND_NO_DAY if none */
    int32_t ended;    /* the day an ended document's ending took effect; ND_NO_DAY otherwise */
    int32_t amended;  /* 1 when an amendment is in effect, else 0 */
} nd_doc_status;

/* Status of one document (id or 发文字号) as of `as_of`. */
ND_API nd_status nd_corpus_status_of(const nd_corpus* corpus, const char* id, const char* as_of, nd_doc_status* out,
                                     nd_error* err);

/* Status of every document as of `as_of`, in byte order of ids (the CSV's order). */
ND_API nd_status nd_status_all(const nd_corpus* corpus, const char* as_of, nd_status_list** out, nd_error* err);
ND_API void nd_status_list_free(nd_status_list* list);
ND_API nd_status nd_status_list_count(const nd_status_list* list, size_t* count, nd_error* err);

typedef struct nd_status_row {
    const char* id;
    const char* number; /* "" when none */
    nd_doc_status status;
} nd_status_row;
ND_API nd_status nd_status_list_get(const nd_status_list* list, size_t index, nd_status_row* out, nd_error* err);

typedef struct nd_status_columns {
    size_t count;
    nd_string_column ids;
    nd_string_column numbers;
    const int32_t* status;
    const int32_t* last_day;
    const int32_t* ended;
    const uint8_t* amended;
} nd_status_columns;
ND_API nd_status nd_status_list_columns(const nd_status_list* list, nd_status_columns* out, nd_error* err);
/* `normdoc status --format csv`: id,status,last_day,amended. */
ND_API nd_status nd_status_list_csv(const nd_status_list* list, char** out, size_t* size, nd_error* err);

/* ---- clean-up (SPEC §6) --------------------------------------------------------------------- */

/* The clean-up as of `as_of` of the documents of authority `scope` (its id), or of all when
 * `scope` is NULL. ND_E_UNKNOWN_SCOPE for an id the corpus has no authority for. */
ND_API nd_status nd_cleanup_run(const nd_corpus* corpus, const char* as_of, const char* scope, nd_cleanup** out,
                                nd_error* err);
ND_API void nd_cleanup_free(nd_cleanup* cleanup);
ND_API nd_status nd_cleanup_as_of(const nd_cleanup* cleanup, int32_t* day, nd_error* err);
/* The scope authority's id, "" for all. */
ND_API nd_status nd_cleanup_scope(const nd_cleanup* cleanup, const char** scope, nd_error* err);
/* Every document looked at, by id in byte order (the CSV's rows). */
ND_API nd_status nd_cleanup_count(const nd_cleanup* cleanup, size_t* count, nd_error* err);

typedef struct nd_cleanup_item {
    const char* id;
    const char* number;     /* "" when none */
    int32_t status;         /* ND_DOC_*, as of the day */
    int32_t action;         /* ND_ACTION_*: the strongest of its findings' */
    const char* decided_by; /* for a proposed ending, the authority that decides it (SPEC §2); else "" */
    uint32_t first_finding; /* index of its first finding (nd_cleanup_finding) */
    uint32_t finding_count;
} nd_cleanup_item;
ND_API nd_status nd_cleanup_get(const nd_cleanup* cleanup, size_t index, nd_cleanup_item* out, nd_error* err);

typedef struct nd_finding {
    int32_t code;       /* ND_FINDING_* */
    int32_t action;     /* ND_ACTION_* this finding calls for */
    const char* detail; /* in English, from the finding's data (what the plan's detail= holds) */
} nd_finding;
/* Findings of all items in one array: an item's are first_finding … first_finding + finding_count - 1,
 * in the order of SPEC §6's table (the CSV's findings field lists their names sorted by bytes). */
ND_API nd_status nd_cleanup_finding_count(const nd_cleanup* cleanup, size_t* count, nd_error* err);
ND_API nd_status nd_cleanup_finding(const nd_cleanup* cleanup, size_t index, nd_finding* out, nd_error* err);

typedef struct nd_cleanup_columns {
    size_t count;
    nd_string_column ids;
    nd_string_column numbers;
    const int32_t* status;
    const int32_t* action;
    const uint32_t* first_finding;
    const uint32_t* finding_count;
    size_t findings;             /* all items' findings */
    const int32_t* finding_code;
    const int32_t* finding_action;
    nd_string_column finding_details;
} nd_cleanup_columns;
ND_API nd_status nd_cleanup_columns_get(const nd_cleanup* cleanup, nd_cleanup_columns* out, nd_error* err);
/* The same without finding_details (left zero): the details are worded on their first request
 * (nd_cleanup_finding or nd_cleanup_columns_get), which a binding that shows them lazily avoids. */
ND_API nd_status nd_cleanup_columns_without_details(const nd_cleanup* cleanup, nd_cleanup_columns* out, nd_error* err);

/* Summary by issuing authority (a jointly issued document counts for each issuer), in authority
 * file order, then the total (authority_id ""). */
typedef struct nd_action_counts {
    const char* authority_id;   /* "" for the total */
    const char* authority_name; /* "" for the total */
    uint32_t count[ND_ACTION_COUNT]; /* indexed by ND_ACTION_* */
} nd_action_counts;
ND_API nd_status nd_cleanup_summary_count(const nd_cleanup* cleanup, size_t* count, nd_error* err);
ND_API nd_status nd_cleanup_summary(const nd_cleanup* cleanup, size_t index, nd_action_counts* out, nd_error* err);

/* `normdoc cleanup --format csv`: id,number,status,action,findings. */
ND_API nd_status nd_cleanup_csv(const nd_cleanup* cleanup, char** out, size_t* size, nd_error* err);
/* `normdoc cleanup --format xml`: the plan (SPEC §8), with each document's number and title in a comment. */
ND_API nd_status nd_cleanup_plan_xml(const nd_cleanup* cleanup, char** out, size_t* size, nd_error* err);

/* ---- impact (SPEC §10) ---------------------------------------------------------------------- */

/* Every document that depends on `doc` (id or 发文字号) through based-on / implements,
 * transitively, with its shortest depth and its status as of `as_of`; by depth, then id. */
ND_API nd_status nd_impact_run(const nd_corpus* corpus, const char* doc, const char* as_of, nd_impact** out,
                               nd_error* err);
ND_API void nd_impact_free(nd_impact* impact);
ND_API nd_status nd_impact_count(const nd_impact* impact, size_t* count, nd_error* err);

typedef struct nd_impact_row {
    const char* id;
    const char* number; /* "" when none */
    uint32_t depth;     /* 1 = a direct dependent */
    int32_t status;     /* ND_DOC_* */
} nd_impact_row;
ND_API nd_status nd_impact_get(const nd_impact* impact, size_t index, nd_impact_row* out, nd_error* err);

typedef struct nd_impact_columns {
    size_t count;
    nd_string_column ids;
    nd_string_column numbers;
    const uint32_t* depth;
    const int32_t* status;
} nd_impact_columns;
ND_API nd_status nd_impact_columns_get(const nd_impact* impact, nd_impact_columns* out, nd_error* err);
/* `normdoc impact --format csv`: id,depth,status. */
ND_API nd_status nd_impact_csv(const nd_impact* impact, char** out, size_t* size, nd_error* err);

/* ---- bulk into the caller's memory (for managed bindings: no strings per query) ------------- */

/* The status of every document as of `as_of`, the rows of nd_status_all (byte order of ids), written
 * into the caller's arrays of `count` elements (count = nd_corpus_document_count, else
 * ND_E_INVALID_ARGUMENT); any array may be NULL (not wanted). No handle, no strings: a binding
 * keeps the ids once (nd_status_list_columns) and copies only these numbers per query. */
ND_API nd_status nd_status_all_into(const nd_corpus* corpus, const char* as_of, int32_t* status, int32_t* last_day,
                                    int32_t* ended, uint8_t* amended, size_t count, nd_error* err);
/* Each clean-up item's / impact entry's document as its rank: its row in nd_status_all (byte order
 * of ids), into the caller's array of nd_cleanup_count / nd_impact_count elements. */
ND_API nd_status nd_cleanup_ranks(const nd_cleanup* cleanup, uint32_t* ranks, size_t count, nd_error* err);
ND_API nd_status nd_impact_ranks(const nd_impact* impact, uint32_t* ranks, size_t count, nd_error* err);

/* ---- plans (SPEC §8) and applying them (SPEC §6) -------------------------------------------- */

/* The plan of a clean-up (every document looked at, with its action and findings). */
ND_API nd_status nd_plan_from_cleanup(const nd_cleanup* cleanup, nd_plan** out, nd_error* err);
/* Reads plan XML from a file / from memory. ND_E_INVALID_PLAN: problems in *problems (may be NULL). */
ND_API nd_status nd_plan_read(const char* path, nd_plan** out, nd_problems** problems, nd_error* err);
ND_API nd_status nd_plan_read_buffer(const char* data, size_t size, const char* file_name, nd_plan** out,
                                     nd_problems** problems, nd_error* err);
ND_API void nd_plan_free(nd_plan* plan);
ND_API nd_status nd_plan_write(const nd_plan* plan, char** out, size_t* size, nd_error* err);

ND_API nd_status nd_plan_as_of(const nd_plan* plan, int32_t* day, nd_error* err);
ND_API nd_status nd_plan_scope(const nd_plan* plan, const char** scope, nd_error* err); /* "" for all */
ND_API nd_status nd_plan_item_count(const nd_plan* plan, size_t* count, nd_error* err);
typedef struct nd_plan_item {
    const char* ref;        /* the document's id */
    int32_t action;         /* ND_ACTION_* */
    uint32_t finding_count;
    uint64_t line;          /* of the <item> element; 0 for a plan made in code */
} nd_plan_item;
ND_API nd_status nd_plan_item_get(const nd_plan* plan, size_t index, nd_plan_item* out, nd_error* err);
typedef struct nd_plan_finding {
    int32_t code;       /* ND_FINDING_* */
    const char* detail; /* "" when none */
} nd_plan_finding;
ND_API nd_status nd_plan_finding_get(const nd_plan* plan, size_t item, size_t index, nd_plan_finding* out, nd_error* err);

/* The decision document that applying a plan creates (SPEC §6). */
typedef struct nd_decision {
    const char* id;
    const char* number;
    const char* title;
    const char* const* issuers; /* authority ids; several for a joint decision */
    size_t issuer_count;
    const char* date;           /* YYYY-MM-DD: published = effective = the relations' date */
    const char* kind;           /* a document kind (SPEC §2); NULL for "other" */
} nd_decision;

#define ND_APPLY_ONLY_COMPETENT 1u /* SPEC §6 --only-competent */

/* SPEC §6 applying a plan: ND_OK and *out the new corpus (warnings, e.g. items left out, in
 * *problems); ND_E_INVALID_PLAN and *out NULL with every reason in *problems; ND_E_BAD_DATE for a
 * bad decision date. `problems` may be NULL. */
ND_API nd_status nd_plan_apply(const nd_corpus* corpus, const nd_plan* plan, const nd_decision* decision,
                               uint32_t flags, nd_corpus** out, nd_problems** problems, nd_error* err);
/* The same with the clean-up's own plan; the clean-up must be of `corpus` (else ND_E_WRONG_CORPUS). */
ND_API nd_status nd_cleanup_apply(const nd_corpus* corpus, const nd_cleanup* cleanup, const nd_decision* decision,
                                  uint32_t flags, nd_corpus** out, nd_problems** problems, nd_error* err);

/* ---- bulk by document index: strings once per corpus, numbers per result ----------------------- */

/* Every document's id and number by document index (the corpus's file order), and every
 * authority's id and name by authority index: made on the first call, kept by the corpus (either
 * out-argument may be NULL). A result names its rows' documents by this index (nd_*_documents),
 * so a binding decodes the strings once per corpus and each result copies only numbers. */
ND_API nd_status nd_corpus_document_ids(const nd_corpus* corpus, nd_string_column* ids, nd_string_column* numbers,
                                        nd_error* err);
ND_API nd_status nd_corpus_authority_ids(const nd_corpus* corpus, nd_string_column* ids, nd_string_column* names,
                                         nd_error* err);
/* The document index of each row (as many as the result's count), owned by the result. */
ND_API nd_status nd_status_list_documents(const nd_status_list* list, const uint32_t** documents, nd_error* err);
ND_API nd_status nd_cleanup_documents(const nd_cleanup* cleanup, const uint32_t** documents, nd_error* err);
ND_API nd_status nd_impact_documents(const nd_impact* impact, const uint32_t** documents, nd_error* err);
/* A clean-up's deciding authority of each row, by authority index; ND_NO_INDEX for none. */
#define ND_NO_INDEX UINT32_MAX
ND_API nd_status nd_cleanup_deciders(const nd_cleanup* cleanup, const uint32_t** authorities, nd_error* err);
/* The columns with every string column left zero (ids, numbers, a clean-up's details): with the
 * indexes above nothing but numbers is made or copied. (The strings of a result are made on the
 * first call that gives them: nd_*_get, nd_*_columns.) */
ND_API nd_status nd_status_list_numeric_columns(const nd_status_list* list, nd_status_columns* out, nd_error* err);
ND_API nd_status nd_cleanup_numeric_columns(const nd_cleanup* cleanup, nd_cleanup_columns* out, nd_error* err);
ND_API nd_status nd_impact_numeric_columns(const nd_impact* impact, nd_impact_columns* out, nd_error* err);

/* ---- building a corpus in code (the CorpusBuilder's calls) ---------------------------------- */

/* Dates are YYYY-MM-DD text; a bad one is reported by nd_builder_build as a BAD_DATE problem, as
 * the C++ builder does. Enumerations are given by their SPEC names ("government", "normative",
 * "based-on", "lawful", "adopted", "amendment"); a wrong name is ND_E_INVALID_ARGUMENT at once.
 * nd_builder_doc_* calls apply to the document added last (ND_E_INVALID_ARGUMENT if none);
 * NULL for an optional string leaves it out. */
ND_API nd_status nd_builder_new(nd_builder** out, nd_error* err);
ND_API void nd_builder_free(nd_builder* builder);
/* The profile (SPEC §3): validity years, trial years, consultation min days, filing days, review months. */
ND_API nd_status nd_builder_profile(nd_builder* b, int32_t years, int32_t trial_years, int32_t consultation_min_days,
                                    int32_t filing_within_days, int32_t expiry_review_months, nd_error* err);
ND_API nd_status nd_builder_authority(nd_builder* b, const char* id, const char* name, const char* kind,
                                      const char* level, const char* parent, const char* abolished,
                                      const char* successor, nd_error* err);
ND_API nd_status nd_builder_document(nd_builder* b, const char* id, const char* kind, const char* title, nd_error* err);
ND_API nd_status nd_builder_doc_number(nd_builder* b, const char* number, nd_error* err);
ND_API nd_status nd_builder_doc_trial(nd_builder* b, int trial, nd_error* err);
ND_API nd_status nd_builder_doc_issuer(nd_builder* b, const char* authority, nd_error* err);
ND_API nd_status nd_builder_doc_drafter(nd_builder* b, const char* authority, nd_error* err);
ND_API nd_status nd_builder_doc_subject(nd_builder* b, const char* subject, nd_error* err);
/* published, effective, expires: each may be NULL (left out). */
ND_API nd_status nd_builder_doc_dates(nd_builder* b, const char* published, const char* effective, const char* expires,
                                      nd_error* err);
/* `date` and `until` may be NULL (until is for extends). */
ND_API nd_status nd_builder_doc_relation(nd_builder* b, const char* kind, const char* target, const char* date,
                                         const char* until, nd_error* err);
/* Procedure steps: "assessment", "expert-review", "risk-assessment". */
ND_API nd_status nd_builder_doc_step(nd_builder* b, const char* step, const char* date, nd_error* err);
ND_API nd_status nd_builder_doc_consultation(nd_builder* b, const char* from, const char* to, nd_error* err);
ND_API nd_status nd_builder_doc_legality_review(nd_builder* b, const char* date, const char* outcome, const char* by,
                                                nd_error* err);
ND_API nd_status nd_builder_doc_collective_decision(nd_builder* b, const char* date, const char* outcome,
                                                    const char* body, nd_error* err);
ND_API nd_status nd_builder_doc_filing(nd_builder* b, const char* date, const char* with, nd_error* err);
ND_API nd_status nd_builder_doc_event(nd_builder* b, const char* type, const char* date, const char* source,
                                      nd_error* err);
/* Validates and builds (the builder may be built again after more additions). Results as nd_corpus_open. */
ND_API nd_status nd_builder_build(const nd_builder* b, nd_corpus** corpus, nd_problems** problems, nd_error* err);

#ifdef __cplusplus
}
#endif

#endif /* NORMDOC_H */
