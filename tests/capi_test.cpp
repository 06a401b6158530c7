// The C ABI (include/normdoc/normdoc.h) as a C program uses it: statuses and messages for every
// kind of bad input, handles that survive misuse, the CLI's CSV to the byte, results that agree
// in their three forms (rows, columns, CSV). Run under ASan + LeakSanitizer by the dev preset:
// nothing may leak on any path.
#include "normdoc/normdoc.h"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {

using normdoc::test::read_text;
using normdoc::test::scratch_dir;
using normdoc::test::write_file;

const std::string k_example = std::string(NORMDOC_SOURCE_DIR) + "/examples/jiangyin.xml";

// Takes a char* the library gave and frees it.
std::string take(char* s, size_t size) {
    std::string out(s, size);
    nd_string_free(s);
    return out;
}

// The example corpus, opened once per test.
struct Opened {
    nd_corpus* corpus = nullptr;
    Opened() {
        nd_error err;
        EXPECT_EQ(nd_corpus_open(k_example.c_str(), &corpus, nullptr, &err), ND_OK) << err.message;
    }
    ~Opened() { nd_corpus_free(corpus); }
};

// A small corpus from text.
nd_corpus* open_text(const std::string& xml, nd_problems** problems = nullptr) {
    nd_corpus* c = nullptr;
    nd_error err;
    nd_corpus_open_buffer(xml.data(), xml.size(), "t.xml", &c, problems, &err);
    return c;
}

bool valid_utf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

const char* const k_two_numbers = R"(<?xml version="1.0" encoding="UTF-8"?>
<corpus xmlns="urn:normdoc:corpus:1">
  <authorities>
    <authority id="a" name="A" kind="government"/>
    <authority id="b" name="B" kind="government"/>
  </authorities>
  <documents>
    <document id="d1" kind="normative" number="X〔2018〕1号"><title>one</title><issuer ref="a"/><dates published="2018-01-01"/></document>
    <document id="d2" kind="normative" number="X〔2018〕1号"><title>two</title><issuer ref="b"/><dates published="2018-02-01"/></document>
    <document id="d3" kind="normative" number="Y〔2018〕2号"><title>three</title><issuer ref="a"/><dates published="2018-03-01"/>
      <relations><based-on ref="d1"/></relations></document>
  </documents>
</corpus>
)";

}  // namespace

// ---- version and dates ---------------------------------------------------------------------------

TEST(CApi, VersionIsTheProjectsAndTheAbiVersionTheHeaders) {
    EXPECT_STREQ(nd_version(), NORMDOC_VERSION_FROM_CMAKE);
    EXPECT_EQ(nd_abi_version(), ND_ABI_VERSION);
}

TEST(CApi, DaysAreCountedFrom1970) {
    int32_t day = 0;
    ASSERT_EQ(nd_date_parse("1970-01-02", &day, nullptr), ND_OK);
    EXPECT_EQ(day, 1);
    ASSERT_EQ(nd_date_parse("1969-12-31", &day, nullptr), ND_OK);
    EXPECT_EQ(day, -1);
    char text[11];
    ASSERT_EQ(nd_date_format(19782, text, nullptr), ND_OK);  // 54 years and 13 leap days after 1970-01-01
    EXPECT_STREQ(text, "2024-02-29");
}

TEST(CApi, ADateThatIsNotADayIsBadDateNamingIt) {
    int32_t day = 0;
    nd_error err;
    EXPECT_EQ(nd_date_parse("2023-02-29", &day, &err), ND_E_BAD_DATE);
    EXPECT_EQ(err.code, ND_E_BAD_DATE);
    EXPECT_NE(std::string(err.message).find("2023-02-29"), std::string::npos) << err.message;
    EXPECT_EQ(nd_date_parse("2018-6-1", &day, &err), ND_E_BAD_DATE);
    EXPECT_EQ(nd_date_parse("2200-01-01", &day, &err), ND_E_BAD_DATE);  // SPEC §7: 1900-2199
    char text[11];
    EXPECT_EQ(nd_date_format(ND_NO_DAY, text, &err), ND_E_BAD_DATE);
}

TEST(CApi, EnumNamesAreSpecs) {
    EXPECT_STREQ(nd_enum_name(ND_ENUM_DOC_STATUS, ND_DOC_IN_FORCE), "in-force");
    EXPECT_STREQ(nd_enum_name(ND_ENUM_ACTION, ND_ACTION_DECLARE_INVALID), "declare-invalid");
    EXPECT_STREQ(nd_enum_name(ND_ENUM_FINDING, ND_FINDING_FILING_OVERDUE), "FILING_OVERDUE");
    EXPECT_STREQ(nd_enum_name(ND_ENUM_PROBLEM, ND_PROBLEM_TORN_JOURNAL), "TORN_JOURNAL");
    EXPECT_EQ(nd_enum_name(ND_ENUM_ACTION, ND_ACTION_COUNT), nullptr);
    int32_t v = -1;
    ASSERT_EQ(nd_enum_parse(ND_ENUM_RELATION, "declares-invalid", &v, nullptr), ND_OK);
    EXPECT_STREQ(nd_enum_name(ND_ENUM_RELATION, v), "declares-invalid");
    EXPECT_EQ(nd_enum_parse(ND_ENUM_RELATION, "nonsense", &v, nullptr), ND_E_INVALID_ARGUMENT);
}

TEST(CApi, ExitCodesAreTheClis) {
    EXPECT_EQ(nd_exit_code(ND_OK), 0);
    EXPECT_EQ(nd_exit_code(ND_E_INVALID_CORPUS), 1);
    EXPECT_EQ(nd_exit_code(ND_E_INVALID_PLAN), 1);
    EXPECT_EQ(nd_exit_code(ND_E_BAD_DATE), 2);
    EXPECT_EQ(nd_exit_code(ND_E_UNKNOWN_ID), 2);
    EXPECT_EQ(nd_exit_code(ND_E_UNKNOWN_SCOPE), 2);
    EXPECT_EQ(nd_exit_code(ND_E_IO), 3);
    EXPECT_EQ(nd_exit_code(ND_E_NOMEM), 4);
}

// ---- opening -------------------------------------------------------------------------------------

TEST(CApi, OpensTheExampleCorpus) {
    Opened o;
    size_t n = 0;
    ASSERT_EQ(nd_corpus_document_count(o.corpus, &n, nullptr), ND_OK);
    EXPECT_EQ(n, 41u);  // the <document> elements of examples/jiangyin.xml
}

TEST(CApi, AFileThatCannotBeReadIsIoNamingIt) {
    nd_corpus* c = reinterpret_cast<nd_corpus*>(1);
    nd_problems* p = reinterpret_cast<nd_problems*>(1);
    nd_error err;
    EXPECT_EQ(nd_corpus_open("/nonexistent/corpus.xml", &c, &p, &err), ND_E_IO);
    EXPECT_EQ(c, nullptr);
    EXPECT_EQ(p, nullptr);
    EXPECT_NE(std::string(err.message).find("/nonexistent/corpus.xml"), std::string::npos) << err.message;
}

TEST(CApi, AMalformedCorpusIsInvalidCorpusWithItsProblems) {
    const std::string xml = "<?xml version=\"1.0\"?>\n<corpus xmlns=\"urn:normdoc:corpus:1\">\n<documents>\n</corpus>\n";
    nd_problems* problems = nullptr;
    nd_corpus* c = nullptr;
    nd_error err;
    ASSERT_EQ(nd_corpus_open_buffer(xml.data(), xml.size(), "bad.xml", &c, &problems, &err), ND_E_INVALID_CORPUS);
    EXPECT_EQ(c, nullptr);
    ASSERT_NE(problems, nullptr);
    size_t n = 0, errors = 0;
    ASSERT_EQ(nd_problems_count(problems, &n, nullptr), ND_OK);
    ASSERT_EQ(nd_problems_error_count(problems, &errors, nullptr), ND_OK);
    ASSERT_GE(errors, 1u);
    nd_problem p;
    ASSERT_EQ(nd_problems_get(problems, 0, &p, nullptr), ND_OK);
    EXPECT_STREQ(p.file, "bad.xml");
    EXPECT_STREQ(p.code_name, "XML_SYNTAX");
    EXPECT_EQ(p.code, ND_PROBLEM_XML_SYNTAX);
    EXPECT_GT(p.line, 0u);
    EXPECT_NE(std::string(err.message).find("XML_SYNTAX"), std::string::npos) << err.message;
    // As the CLI prints it on standard error.
    char* text = nullptr;
    size_t size = 0;
    ASSERT_EQ(nd_problems_text(problems, &text, &size, nullptr), ND_OK);
    const std::string lines = take(text, size);
    EXPECT_EQ(lines.rfind("bad.xml:" + std::to_string(p.line) + ": error: XML_SYNTAX: ", 0), 0u) << lines;
    EXPECT_EQ(lines.back(), '\n');
    EXPECT_EQ(nd_problems_get(problems, n, &p, &err), ND_E_INVALID_ARGUMENT);
    nd_problems_free(problems);
}

TEST(CApi, ACorpusWithOnlyWarningsOpensAndGivesThem) {
    // NUMBER_YEAR_MISMATCH: the number's year is not the publication year (SPEC §7).
    const std::string xml = R"(<corpus xmlns="urn:normdoc:corpus:1"><authorities><authority id="a" name="A" kind="government"/></authorities>
<documents><document id="d" kind="normative" number="X〔2017〕1号"><title>t</title><issuer ref="a"/><dates published="2018-01-01"/></document></documents></corpus>)";
    nd_problems* problems = nullptr;
    nd_corpus* c = open_text(xml, &problems);
    ASSERT_NE(c, nullptr);
    size_t n = 0, errors = 9;
    nd_problems_count(problems, &n, nullptr);
    nd_problems_error_count(problems, &errors, nullptr);
    EXPECT_EQ(n, 1u);
    EXPECT_EQ(errors, 0u);
    nd_problem p;
    ASSERT_EQ(nd_problems_get(problems, 0, &p, nullptr), ND_OK);
    EXPECT_EQ(p.severity, ND_SEVERITY_WARNING);
    EXPECT_STREQ(p.code_name, "NUMBER_YEAR_MISMATCH");
    EXPECT_STREQ(p.subject_id, "d");
    nd_problems_free(problems);
    nd_corpus_free(c);
}

// ---- bad handles and arguments -------------------------------------------------------------------

TEST(CApi, ANullHandleIsInvalidHandle) {
    size_t n = 0;
    nd_error err;
    EXPECT_EQ(nd_corpus_document_count(nullptr, &n, &err), ND_E_INVALID_HANDLE);
    EXPECT_NE(std::string(err.message).find("corpus is NULL"), std::string::npos) << err.message;
    nd_cleanup* c = nullptr;
    EXPECT_EQ(nd_cleanup_run(nullptr, "2018-11-30", nullptr, &c, &err), ND_E_INVALID_HANDLE);
    EXPECT_EQ(nd_status_list_csv(nullptr, nullptr, nullptr, &err), ND_E_INVALID_HANDLE);
    nd_corpus_free(nullptr);  // ignored
}

TEST(CApi, AFreedHandleIsInvalidHandleNotACrash) {
    nd_corpus* c = nullptr;
    ASSERT_EQ(nd_corpus_open(k_example.c_str(), &c, nullptr, nullptr), ND_OK);
    nd_cleanup* cleanup = nullptr;
    ASSERT_EQ(nd_cleanup_run(c, "2018-11-30", nullptr, &cleanup, nullptr), ND_OK);
    nd_corpus_free(c);
    size_t n = 0;
    nd_error err;
    EXPECT_EQ(nd_corpus_document_count(c, &n, &err), ND_E_INVALID_HANDLE);
    EXPECT_NE(std::string(err.message).find("not a live handle"), std::string::npos) << err.message;
    nd_corpus_free(c);  // a second free is ignored
    // The clean-up keeps what it needs of its corpus.
    EXPECT_EQ(nd_cleanup_count(cleanup, &n, nullptr), ND_OK);
    EXPECT_GT(n, 0u);
    nd_cleanup_free(cleanup);
    EXPECT_EQ(nd_cleanup_count(cleanup, &n, &err), ND_E_INVALID_HANDLE);
}

TEST(CApi, AHandleOfAnotherKindIsInvalidHandle) {
    Opened o;
    size_t n = 0;
    EXPECT_EQ(nd_cleanup_count(reinterpret_cast<const nd_cleanup*>(o.corpus), &n, nullptr), ND_E_INVALID_HANDLE);
}

TEST(CApi, AResultFromAnotherCorpusIsWrongCorpus) {
    Opened a, b;
    nd_cleanup* cleanup = nullptr;
    ASSERT_EQ(nd_cleanup_run(a.corpus, "2018-11-30", nullptr, &cleanup, nullptr), ND_OK);
    const char* issuers[] = {"jy-gov"};
    const nd_decision d{"dec", "澄政发〔2018〕99号", "决定", issuers, 1, "2018-12-01", nullptr};
    nd_corpus* out = nullptr;
    nd_error err;
    EXPECT_EQ(nd_cleanup_apply(b.corpus, cleanup, &d, 0, &out, nullptr, &err), ND_E_WRONG_CORPUS);
    EXPECT_EQ(out, nullptr);
    nd_cleanup_free(cleanup);
}

TEST(CApi, InvalidUtf8IsBadUtf8) {
    Opened o;
    nd_doc_status s;
    nd_error err;
    EXPECT_EQ(nd_corpus_status_of(o.corpus, "jy\xff", "2018-11-30", &s, &err), ND_E_BAD_UTF8);
    EXPECT_EQ(nd_corpus_status_of(o.corpus, "\xe6\xbe", "2018-11-30", &s, &err), ND_E_BAD_UTF8);  // cut short
    nd_cleanup* c = nullptr;
    EXPECT_EQ(nd_cleanup_run(o.corpus, "2018-11-30", "\xc0\xaf", &c, &err), ND_E_BAD_UTF8);  // overlong
}

TEST(CApi, AnUnknownIdIsUnknownIdAndAnUnknownScopeUnknownScope) {
    Opened o;
    nd_doc_status s;
    nd_error err;
    EXPECT_EQ(nd_corpus_status_of(o.corpus, "no-such-doc", "2018-11-30", &s, &err), ND_E_UNKNOWN_ID);
    EXPECT_NE(std::string(err.message).find("no-such-doc"), std::string::npos);
    nd_impact* i = nullptr;
    EXPECT_EQ(nd_impact_run(o.corpus, "no-such-doc", "2018-11-30", &i, &err), ND_E_UNKNOWN_ID);
    nd_cleanup* c = nullptr;
    EXPECT_EQ(nd_cleanup_run(o.corpus, "2018-11-30", "no-such-body", &c, &err), ND_E_UNKNOWN_SCOPE);
    EXPECT_NE(std::string(err.message).find("no-such-body"), std::string::npos);
    EXPECT_EQ(c, nullptr);
}

TEST(CApi, ANumberHeldByOneDocumentIsTakenForItsIdAndOneHeldBySeveralIsAmbiguous) {
    nd_corpus* c = open_text(k_two_numbers);
    ASSERT_NE(c, nullptr);
    const char* id = nullptr;
    ASSERT_EQ(nd_corpus_resolve(c, "Y〔2018〕2号", &id, nullptr), ND_OK);
    EXPECT_STREQ(id, "d3");
    nd_error err;
    EXPECT_EQ(nd_corpus_resolve(c, "X〔2018〕1号", &id, &err), ND_E_AMBIGUOUS_ID);
    EXPECT_NE(std::string(err.message).find("d1, d2"), std::string::npos) << err.message;
    nd_corpus_free(c);
}

TEST(CApi, ABadDateArgumentIsBadDate) {
    Opened o;
    nd_status_list* l = nullptr;
    nd_error err;
    EXPECT_EQ(nd_status_all(o.corpus, "30/11/2018", &l, &err), ND_E_BAD_DATE);
    EXPECT_NE(std::string(err.message).find("as_of"), std::string::npos);
    EXPECT_EQ(l, nullptr);
}

TEST(CApi, ALongMessageIsCutAtACharacterBoundary) {
    Opened o;
    std::string id;
    for (int i = 0; i < 600; ++i) id += "规";  // 1800 bytes
    nd_doc_status s;
    nd_error err;
    ASSERT_EQ(nd_corpus_status_of(o.corpus, id.c_str(), "2018-11-30", &s, &err), ND_E_UNKNOWN_ID);
    const std::string message = err.message;
    EXPECT_LT(message.size(), static_cast<size_t>(ND_ERROR_MESSAGE_SIZE));
    EXPECT_GT(message.size(), 1000u);
    EXPECT_TRUE(valid_utf8(message));
}

TEST(CApi, ANullErrorIsAllowed) {
    size_t n = 0;
    EXPECT_EQ(nd_corpus_document_count(nullptr, &n, nullptr), ND_E_INVALID_HANDLE);
    EXPECT_EQ(nd_corpus_document_count(nullptr, nullptr, nullptr), ND_E_INVALID_HANDLE);
}

// ---- the CLI's CSV, to the byte ------------------------------------------------------------------

#ifdef NORMDOC_CLI
namespace {
std::string cli_csv(const std::string& name, std::vector<std::string> args) {
    const auto run = normdoc::test::run_cli(scratch_dir("capi/" + name), std::move(args));
    EXPECT_EQ(run.code, 0) << run.err;
    return run.out;
}
}  // namespace

TEST(CApi, StatusCsvIsTheClis) {
    Opened o;
    nd_status_list* l = nullptr;
    ASSERT_EQ(nd_status_all(o.corpus, "2018-11-30", &l, nullptr), ND_OK);
    char* csv = nullptr;
    size_t size = 0;
    ASSERT_EQ(nd_status_list_csv(l, &csv, &size, nullptr), ND_OK);
    EXPECT_EQ(take(csv, size), cli_csv("status", {"status", k_example, "--as-of", "2018-11-30", "--format", "csv"}));
    nd_status_list_free(l);
}

TEST(CApi, CleanupCsvIsTheClis) {
    Opened o;
    for (const char* scope : {static_cast<const char*>(nullptr), "jy-kjj", "jy-gov"}) {
        nd_cleanup* c = nullptr;
        ASSERT_EQ(nd_cleanup_run(o.corpus, "2018-11-30", scope, &c, nullptr), ND_OK);
        char* csv = nullptr;
        size_t size = 0;
        ASSERT_EQ(nd_cleanup_csv(c, &csv, &size, nullptr), ND_OK);
        std::vector<std::string> args{"cleanup", k_example, "--as-of", "2018-11-30", "--format", "csv"};
        if (scope) args.insert(args.end(), {"--scope", scope});
        EXPECT_EQ(take(csv, size), cli_csv(std::string("cleanup-") + (scope ? scope : "all"), args)) << (scope ? scope : "all");
        nd_cleanup_free(c);
    }
}

TEST(CApi, ImpactCsvIsTheClis) {
    Opened o;
    nd_impact* i = nullptr;
    ASSERT_EQ(nd_impact_run(o.corpus, "prc-law-1996-68", "2018-11-30", &i, nullptr), ND_OK);
    char* csv = nullptr;
    size_t size = 0;
    ASSERT_EQ(nd_impact_csv(i, &csv, &size, nullptr), ND_OK);
    const std::string mine = take(csv, size);
    EXPECT_EQ(mine, cli_csv("impact", {"impact", k_example, "prc-law-1996-68", "--as-of", "2018-11-30", "--format", "csv"}));
    EXPECT_GT(std::count(mine.begin(), mine.end(), '\n'), 2);  // the law has dependents
    nd_impact_free(i);
}

TEST(CApi, ThePlanXmlIsTheClis) {
    Opened o;
    nd_cleanup* c = nullptr;
    ASSERT_EQ(nd_cleanup_run(o.corpus, "2018-11-30", "jy-kjj", &c, nullptr), ND_OK);
    char* xml = nullptr;
    size_t size = 0;
    ASSERT_EQ(nd_cleanup_plan_xml(c, &xml, &size, nullptr), ND_OK);
    EXPECT_EQ(take(xml, size), cli_csv("plan", {"cleanup", k_example, "--as-of", "2018-11-30", "--scope", "jy-kjj", "--format", "xml"}));
    nd_cleanup_free(c);
}
#endif

// ---- the three forms agree -----------------------------------------------------------------------

TEST(CApi, StatusRowsColumnsAndSingleCallsAgree) {
    Opened o;
    nd_status_list* l = nullptr;
    ASSERT_EQ(nd_status_all(o.corpus, "2018-11-30", &l, nullptr), ND_OK);
    nd_status_columns cols;
    ASSERT_EQ(nd_status_list_columns(l, &cols, nullptr), ND_OK);
    size_t n = 0;
    nd_status_list_count(l, &n, nullptr);
    ASSERT_EQ(cols.count, n);
    ASSERT_EQ(cols.ids.count, n);
    std::string previous;
    for (size_t i = 0; i < n; ++i) {
        nd_status_row row;
        ASSERT_EQ(nd_status_list_get(l, i, &row, nullptr), ND_OK);
        const char* column_id = cols.ids.data + cols.ids.offsets[i];
        EXPECT_STREQ(row.id, column_id);
        EXPECT_EQ(std::strlen(column_id), cols.ids.offsets[i + 1] - cols.ids.offsets[i] - 1);
        EXPECT_LT(previous, std::string(row.id));  // byte order of ids
        previous = row.id;
        EXPECT_EQ(row.status.status, cols.status[i]);
        EXPECT_EQ(row.status.last_day, cols.last_day[i]);
        EXPECT_EQ(row.status.amended, cols.amended[i]);
        nd_doc_status one;
        ASSERT_EQ(nd_corpus_status_of(o.corpus, row.id, "2018-11-30", &one, nullptr), ND_OK);
        EXPECT_EQ(one.status, row.status.status);
        EXPECT_EQ(one.last_day, row.status.last_day);
        EXPECT_EQ(one.ended, row.status.ended);
    }
    nd_status_list_free(l);
}

TEST(CApi, CleanupFindingsAreTheCsvsFindingsAndTheSummaryAddsUp) {
    Opened o;
    nd_cleanup* c = nullptr;
    ASSERT_EQ(nd_cleanup_run(o.corpus, "2018-11-30", "jy-kjj", &c, nullptr), ND_OK);
    char* text = nullptr;
    size_t size = 0;
    ASSERT_EQ(nd_cleanup_csv(c, &text, &size, nullptr), ND_OK);
    const std::string csv = take(text, size);
    nd_cleanup_columns cols;
    ASSERT_EQ(nd_cleanup_columns_get(c, &cols, nullptr), ND_OK);
    std::string rebuilt = "id,number,status,action,findings\n";
    uint32_t total[ND_ACTION_COUNT] = {};
    for (size_t i = 0; i < cols.count; ++i) {
        nd_cleanup_item item;
        ASSERT_EQ(nd_cleanup_get(c, i, &item, nullptr), ND_OK);
        std::vector<std::string> codes;
        for (uint32_t k = 0; k < item.finding_count; ++k) {
            nd_finding f;
            ASSERT_EQ(nd_cleanup_finding(c, item.first_finding + k, &f, nullptr), ND_OK);
            EXPECT_GE(item.action, f.action);  // SPEC §6: the strongest of its findings
            EXPECT_EQ(f.code, cols.finding_code[item.first_finding + k]);
            EXPECT_GT(std::strlen(f.detail), 0u);
            codes.emplace_back(nd_enum_name(ND_ENUM_FINDING, f.code));
        }
        std::sort(codes.begin(), codes.end());
        std::string joined;
        for (const auto& code : codes) joined += (joined.empty() ? "" : ";") + code;
        rebuilt += std::string(item.id) + "," + item.number + "," + nd_enum_name(ND_ENUM_DOC_STATUS, item.status) + "," +
                   nd_enum_name(ND_ENUM_ACTION, item.action) + "," + joined + "\n";
        ++total[item.action];
        const bool ending = item.action == ND_ACTION_REPEAL || item.action == ND_ACTION_DECLARE_INVALID;
        EXPECT_EQ(ending, item.decided_by[0] != '\0') << item.id;
    }
    EXPECT_EQ(rebuilt, csv);  // no field of the example needs quoting
    size_t n = 0;
    ASSERT_EQ(nd_cleanup_summary_count(c, &n, nullptr), ND_OK);
    ASSERT_GE(n, 1u);
    nd_action_counts last;
    ASSERT_EQ(nd_cleanup_summary(c, n - 1, &last, nullptr), ND_OK);
    EXPECT_STREQ(last.authority_id, "");
    for (int a = 0; a < ND_ACTION_COUNT; ++a) EXPECT_EQ(last.count[a], total[a]) << a;
    const char* scope = nullptr;
    ASSERT_EQ(nd_cleanup_scope(c, &scope, nullptr), ND_OK);
    EXPECT_STREQ(scope, "jy-kjj");
    nd_cleanup_free(c);
}

// ---- plans ---------------------------------------------------------------------------------------

TEST(CApi, APlanWrittenAndReadBackIsTheSame) {
    Opened o;
    nd_cleanup* c = nullptr;
    ASSERT_EQ(nd_cleanup_run(o.corpus, "2018-11-30", "jy-kjj", &c, nullptr), ND_OK);
    nd_plan* plan = nullptr;
    ASSERT_EQ(nd_plan_from_cleanup(c, &plan, nullptr), ND_OK);
    char* xml = nullptr;
    size_t size = 0;
    ASSERT_EQ(nd_plan_write(plan, &xml, &size, nullptr), ND_OK);
    const std::string text = take(xml, size);
    nd_plan* back = nullptr;
    ASSERT_EQ(nd_plan_read_buffer(text.data(), text.size(), "plan.xml", &back, nullptr, nullptr), ND_OK);
    size_t a = 0, b = 0;
    nd_plan_item_count(plan, &a, nullptr);
    nd_plan_item_count(back, &b, nullptr);
    ASSERT_EQ(a, b);
    for (size_t i = 0; i < a; ++i) {
        nd_plan_item x, y;
        nd_plan_item_get(plan, i, &x, nullptr);
        nd_plan_item_get(back, i, &y, nullptr);
        EXPECT_STREQ(x.ref, y.ref);
        EXPECT_EQ(x.action, y.action);
        EXPECT_EQ(x.finding_count, y.finding_count);
        EXPECT_GT(y.line, 0u);
    }
    int32_t as_of = 0, expected = 0;
    nd_plan_as_of(back, &as_of, nullptr);
    nd_date_parse("2018-11-30", &expected, nullptr);
    EXPECT_EQ(as_of, expected);
    nd_plan_free(back);
    nd_plan_free(plan);
    nd_cleanup_free(c);
}

TEST(CApi, AMalformedPlanIsInvalidPlanWithItsProblems) {
    const std::string xml = "<cleanup-plan xmlns=\"urn:normdoc:plan:1\" as-of=\"2018-02-30\">\n<item ref=\"x\" action=\"burn\"/>\n</cleanup-plan>\n";
    nd_plan* plan = nullptr;
    nd_problems* problems = nullptr;
    nd_error err;
    ASSERT_EQ(nd_plan_read_buffer(xml.data(), xml.size(), "p.xml", &plan, &problems, &err), ND_E_INVALID_PLAN);
    EXPECT_EQ(plan, nullptr);
    size_t n = 0;
    nd_problems_count(problems, &n, nullptr);
    EXPECT_GE(n, 2u);  // the date and the action
    nd_problems_free(problems);
    EXPECT_EQ(nd_plan_read("/nonexistent/plan.xml", &plan, nullptr, &err), ND_E_IO);
}

// capi_fuzz found it: the plan reader quotes a bad attribute's bytes in its problem; what the
// library gives out is UTF-8 all the same (each bad byte becomes U+FFFD).
TEST(CApi, MessagesAndProblemsAreUtf8EvenWhenTheInputWasNot) {
    const std::string xml = "<cleanup-plan xmlns=\"urn:normdoc:plan:1\" as-of=\"2018-1\xff\xff"
                            "1-30\">\n"
                            "<item ref=\"d\xfe\" action=\"retain\"/>\n</cleanup-plan>\n";
    nd_plan* plan = nullptr;
    nd_problems* problems = nullptr;
    nd_error err;
    ASSERT_EQ(nd_plan_read_buffer(xml.data(), xml.size(), "p.xml", &plan, &problems, &err), ND_E_INVALID_PLAN);
    EXPECT_TRUE(valid_utf8(err.message)) << err.message;
    EXPECT_NE(std::string(err.message).find("\xEF\xBF\xBD"), std::string::npos) << err.message;
    size_t n = 0;
    nd_problems_count(problems, &n, nullptr);
    for (size_t i = 0; i < n; ++i) {
        nd_problem p;
        ASSERT_EQ(nd_problems_get(problems, i, &p, nullptr), ND_OK);
        EXPECT_TRUE(valid_utf8(p.message)) << p.message;
        EXPECT_TRUE(valid_utf8(p.subject_id));
    }
    nd_problems_free(problems);
    // A plan that reads, with a ref that is not UTF-8: its ref comes out as UTF-8.
    const std::string ok = "<cleanup-plan xmlns=\"urn:normdoc:plan:1\" as-of=\"2018-11-30\">\n"
                           "<item ref=\"d\xfe\" action=\"retain\"/>\n</cleanup-plan>\n";
    if (nd_plan_read_buffer(ok.data(), ok.size(), "p.xml", &plan, nullptr, &err) == ND_OK) {
        nd_plan_item item;
        ASSERT_EQ(nd_plan_item_get(plan, 0, &item, nullptr), ND_OK);
        EXPECT_STREQ(item.ref, "d\xEF\xBF\xBD");
        nd_plan_free(plan);
    }
}

TEST(CApi, AnAppliedPlanEndsItsItemsAndANewCleanupProposesNoEndingForThem) {
    Opened o;
    nd_cleanup* c = nullptr;
    ASSERT_EQ(nd_cleanup_run(o.corpus, "2018-11-30", "jy-kjj", &c, nullptr), ND_OK);
    const char* issuers[] = {"jy-kjj"};
    const nd_decision d{"jy-kjj-2018-99", "澄科发〔2018〕99号", "关于废止和宣布失效部分规范性文件的决定", issuers, 1, "2018-11-30", nullptr};
    nd_corpus* applied = nullptr;
    nd_problems* problems = nullptr;
    nd_error err;
    // SPEC §6: the bureau may not end the city government's documents: all or nothing …
    EXPECT_EQ(nd_cleanup_apply(o.corpus, c, &d, 0, &applied, &problems, &err), ND_E_INVALID_PLAN);
    EXPECT_EQ(applied, nullptr);
    nd_problems_free(problems);
    // … or, with --only-competent, its own part.
    ASSERT_EQ(nd_cleanup_apply(o.corpus, c, &d, ND_APPLY_ONLY_COMPETENT, &applied, &problems, &err), ND_OK) << err.message;
    nd_cleanup* again = nullptr;
    ASSERT_EQ(nd_cleanup_run(applied, "2018-11-30", "jy-kjj", &again, nullptr), ND_OK);
    // SPEC §6: after a plan is applied on its as-of date, a clean-up of the result as of that date
    // proposes no ending for any item it ended.
    std::vector<std::string> proposed_again;
    size_t n = 0;
    nd_cleanup_count(again, &n, nullptr);
    for (size_t i = 0; i < n; ++i) {
        nd_cleanup_item item;
        nd_cleanup_get(again, i, &item, nullptr);
        if (item.action == ND_ACTION_REPEAL || item.action == ND_ACTION_DECLARE_INVALID) proposed_again.emplace_back(item.id);
    }
    nd_cleanup_count(c, &n, nullptr);
    size_t ended = 0;
    for (size_t i = 0; i < n; ++i) {
        nd_cleanup_item item;
        nd_cleanup_get(c, i, &item, nullptr);
        if (item.action != ND_ACTION_REPEAL && item.action != ND_ACTION_DECLARE_INVALID) continue;
        if (std::strcmp(item.decided_by, "jy-kjj") != 0) continue;  // left out: the government decides those
        ++ended;
        EXPECT_EQ(std::count(proposed_again.begin(), proposed_again.end(), item.id), 0) << item.id;
    }
    EXPECT_GT(ended, 0u);
    nd_cleanup_free(again);
    nd_problems_free(problems);
    nd_corpus_free(applied);
    nd_cleanup_free(c);
}

// ---- writing, DOT, the builder -------------------------------------------------------------------

TEST(CApi, AWrittenCorpusReadsBackToTheSameStatuses) {
    Opened o;
    char* xml = nullptr;
    size_t size = 0;
    ASSERT_EQ(nd_corpus_write(o.corpus, &xml, &size, nullptr), ND_OK);
    const std::string text = take(xml, size);
    nd_corpus* back = open_text(text);
    ASSERT_NE(back, nullptr);
    auto csv = [](const nd_corpus* c) {
        nd_status_list* l = nullptr;
        nd_status_all(c, "2018-11-30", &l, nullptr);
        char* s = nullptr;
        size_t n = 0;
        nd_status_list_csv(l, &s, &n, nullptr);
        nd_status_list_free(l);
        return take(s, n);
    };
    EXPECT_EQ(csv(back), csv(o.corpus));
    const std::string path = scratch_dir("capi/save") + "/saved.xml";
    ASSERT_EQ(nd_corpus_save(back, path.c_str(), nullptr), ND_OK);
    EXPECT_EQ(read_text(path), text);
    nd_error err;
    EXPECT_EQ(nd_corpus_save(back, "/nonexistent/dir/x.xml", &err), ND_E_IO);
    nd_corpus_free(back);
}

TEST(CApi, DotIsADigraph) {
    Opened o;
    char* dot = nullptr;
    size_t size = 0;
    ASSERT_EQ(nd_corpus_dot(o.corpus, "2018-11-30", "prc-law-1996-68", 1, &dot, &size, nullptr), ND_OK);
    const std::string text = take(dot, size);
    EXPECT_EQ(text.rfind("digraph", 0), 0u);
    EXPECT_NE(text.find("prc-law-1996-68"), std::string::npos);
}

TEST(CApi, TheBuilderBuildsWhatTheSpecSays) {
    nd_builder* b = nullptr;
    ASSERT_EQ(nd_builder_new(&b, nullptr), ND_OK);
    nd_error err;
    EXPECT_EQ(nd_builder_doc_number(b, "x", &err), ND_E_INVALID_ARGUMENT);  // no document yet
    ASSERT_EQ(nd_builder_authority(b, "jy-kjj", "江阴市科学技术局", "department", "county", nullptr, nullptr, nullptr, &err), ND_OK);
    EXPECT_EQ(nd_builder_authority(b, "x", "X", "ministry", nullptr, nullptr, nullptr, nullptr, &err), ND_E_INVALID_ARGUMENT);
    ASSERT_EQ(nd_builder_document(b, "trial", "normative", "试行办法", &err), ND_OK);
    ASSERT_EQ(nd_builder_doc_issuer(b, "jy-kjj", &err), ND_OK);
    ASSERT_EQ(nd_builder_doc_trial(b, 1, &err), ND_OK);
    ASSERT_EQ(nd_builder_doc_dates(b, "2018-02-20", "2018-03-01", nullptr, &err), ND_OK);
    ASSERT_EQ(nd_builder_document(b, "later", "normative", "实施细则", &err), ND_OK);
    ASSERT_EQ(nd_builder_doc_issuer(b, "jy-kjj", &err), ND_OK);
    ASSERT_EQ(nd_builder_doc_dates(b, "2018-04-01", nullptr, nullptr, &err), ND_OK);
    ASSERT_EQ(nd_builder_doc_relation(b, "based-on", "trial", nullptr, nullptr, &err), ND_OK);
    nd_corpus* c = nullptr;
    nd_problems* problems = nullptr;
    ASSERT_EQ(nd_builder_build(b, &c, &problems, &err), ND_OK) << err.message;
    nd_doc_status s;
    ASSERT_EQ(nd_corpus_status_of(c, "trial", "2019-01-01", &s, nullptr), ND_OK);
    char last[11];
    nd_date_format(s.last_day, last, nullptr);
    EXPECT_STREQ(last, "2020-02-29");  // SPEC §4: trial 2018-03-01 → 2020-02-29
    EXPECT_EQ(s.status, ND_DOC_IN_FORCE);
    nd_impact* i = nullptr;
    ASSERT_EQ(nd_impact_run(c, "trial", "2019-01-01", &i, nullptr), ND_OK);
    nd_impact_row row;
    ASSERT_EQ(nd_impact_get(i, 0, &row, nullptr), ND_OK);
    EXPECT_STREQ(row.id, "later");
    EXPECT_EQ(row.depth, 1u);
    nd_impact_free(i);
    nd_problems_free(problems);
    nd_corpus_free(c);
    // A bad date is a BAD_DATE problem at build, as in the C++ builder.
    ASSERT_EQ(nd_builder_doc_dates(b, "2018-13-01", nullptr, nullptr, &err), ND_OK);
    ASSERT_EQ(nd_builder_build(b, &c, &problems, &err), ND_E_INVALID_CORPUS);
    EXPECT_EQ(c, nullptr);
    nd_problem p;
    ASSERT_EQ(nd_problems_get(problems, 0, &p, nullptr), ND_OK);
    EXPECT_STREQ(p.code_name, "BAD_DATE");
    nd_problems_free(problems);
    nd_builder_free(b);
}

// ---- threads -------------------------------------------------------------------------------------

// docs/bindings.md: a corpus and its results are immutable; any number of threads may query one
// at once (run under TSan by scripts/tsan --capi).
TEST(CApi, OneCorpusQueriedFromManyThreadsGivesEveryThreadTheSameAnswer) {
    Opened o;
    auto csv_of = [&] {
        nd_cleanup* c = nullptr;
        nd_cleanup_run(o.corpus, "2018-11-30", nullptr, &c, nullptr);
        nd_finding f;
        nd_cleanup_finding(c, 0, &f, nullptr);  // details are made on first use: by one thread at a time
        const char* id = nullptr;
        nd_corpus_resolve(o.corpus, "prc-law-1996-68", &id, nullptr);  // ids made on first use
        char* s = nullptr;
        size_t n = 0;
        nd_cleanup_csv(c, &s, &n, nullptr);
        std::string out = take(s, n);
        nd_cleanup_free(c);
        return out;
    };
    const std::string expected = csv_of();
    nd_cleanup* shared = nullptr;
    ASSERT_EQ(nd_cleanup_run(o.corpus, "2018-11-30", nullptr, &shared, nullptr), ND_OK);
    std::vector<std::string> got(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < got.size(); ++t)
        threads.emplace_back([&, t] {
            got[t] = csv_of();
            nd_cleanup_columns cols;
            nd_cleanup_columns_get(shared, &cols, nullptr);  // its details made by whichever thread is first
        });
    for (auto& t : threads) t.join();
    for (const auto& g : got) EXPECT_EQ(g, expected);
    nd_cleanup_free(shared);
}
