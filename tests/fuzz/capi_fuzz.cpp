// libFuzzer harness: the C ABI's entry points that take text (include/normdoc/normdoc.h): corpus
// XML from a buffer, plan XML from a buffer, dates, and ids / 发文字号 / scopes on a fixed corpus.
// The first byte picks the entry point, the rest is its text.
//
// Oracles:
// - every call returns a status of the header's list and leaves a NUL-terminated UTF-8 message,
//   empty exactly on ND_OK; nothing crashes, nothing leaks (ASan/LSan), no exception escapes;
// - a corpus opens exactly when its problems hold no error, and then its status CSV, columns and
//   rows agree in count; a clean-up's rows and its CSV agree;
// - a plan that reads writes back to XML that reads again with as many items;
// - nd_date_parse accepts exactly what normdoc::parse_date does, and formats back to the text;
// - an id resolves only to a document whose id or number it is.
#include "normdoc/normdoc.h"

#include "normdoc/date.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

void check(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "capi_fuzz: broken: %s\n", what);
        std::abort();
    }
}

bool valid_utf8(const char* s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s);
    while (*p) {
        const unsigned c = *p;
        const int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0) return false;
        for (int k = 1; k < n; ++k)
            if ((p[k] & 0xC0) != 0x80) return false;
        p += n;
    }
    return true;
}

// The status is one of the header's and the error says so.
void checked(nd_status s, const nd_error& err) {
    check(s >= ND_OK && s <= ND_E_INTERNAL, "a status outside the header's list");
    check(s != ND_E_INTERNAL, "an internal error");
    check(err.code == s, "the error's code is not the status");
    check(std::memchr(err.message, '\0', sizeof err.message) != nullptr, "message not NUL-terminated");
    check((s == ND_OK) == (err.message[0] == '\0'), "a message on success or none on failure");
    check(valid_utf8(err.message), "a message that is not UTF-8");
}

std::string take(char* s, size_t n) {
    std::string out(s, n);
    nd_string_free(s);
    return out;
}

size_t count_lines(const std::string& s) {
    size_t n = 0;
    for (char c : s) n += c == '\n';
    return n;
}

void fuzz_corpus(const char* data, size_t size) {
    nd_error err;
    nd_corpus* c = nullptr;
    nd_problems* problems = nullptr;
    const nd_status s = nd_corpus_open_buffer(data, size, "fuzz.xml", &c, &problems, &err);
    checked(s, err);
    check(s == ND_OK || s == ND_E_INVALID_CORPUS || s == ND_E_NOMEM, "open: neither a corpus nor problems");
    size_t errors = 0;
    if (problems) checked(nd_problems_error_count(problems, &errors, &err), err);
    check((s == ND_OK) == (errors == 0), "a corpus exactly when there is no error");
    check((c != nullptr) == (s == ND_OK), "a corpus handle exactly on ND_OK");
    if (c) {
        nd_status_list* l = nullptr;
        checked(nd_status_all(c, "2020-06-30", &l, &err), err);
        nd_status_columns cols;
        checked(nd_status_list_columns(l, &cols, &err), err);
        char* csv = nullptr;
        size_t n = 0;
        checked(nd_status_list_csv(l, &csv, &n, &err), err);
        const std::string text = take(csv, n);
        size_t documents = 0;
        checked(nd_corpus_document_count(c, &documents, &err), err);
        check(cols.count == documents, "status rows are not the documents");
        check(count_lines(text) >= documents + 1, "status CSV shorter than its rows");
        if (documents > 0) {
            nd_status_row row;
            checked(nd_status_list_get(l, documents - 1, &row, &err), err);
            nd_impact* i = nullptr;
            checked(nd_impact_run(c, row.id, "2020-06-30", &i, &err), err);
            nd_impact_free(i);
        }
        nd_status_list_free(l);
        nd_cleanup* r = nullptr;
        checked(nd_cleanup_run(c, "2020-06-30", nullptr, &r, &err), err);
        size_t items = 0;
        checked(nd_cleanup_count(r, &items, &err), err);
        checked(nd_cleanup_csv(r, &csv, &n, &err), err);
        check(count_lines(take(csv, n)) >= items + 1, "clean-up CSV shorter than its rows");
        nd_cleanup_columns rc;
        checked(nd_cleanup_columns_get(r, &rc, &err), err);
        check(rc.count == items && rc.finding_details.count == rc.findings, "clean-up columns disagree");
        checked(nd_cleanup_plan_xml(r, &csv, &n, &err), err);
        nd_string_free(csv);
        nd_cleanup_free(r);
        checked(nd_corpus_write(c, &csv, &n, &err), err);
        nd_string_free(csv);
    }
    nd_problems_free(problems);
    nd_corpus_free(c);
}

void fuzz_plan(const char* data, size_t size) {
    nd_error err;
    nd_plan* p = nullptr;
    nd_problems* problems = nullptr;
    const nd_status s = nd_plan_read_buffer(data, size, "plan.xml", &p, &problems, &err);
    checked(s, err);
    check(s == ND_OK || s == ND_E_INVALID_PLAN || s == ND_E_NOMEM, "plan: neither a plan nor problems");
    if (p) {
        size_t items = 0;
        checked(nd_plan_item_count(p, &items, &err), err);
        for (size_t i = 0; i < items; ++i) {
            nd_plan_item item;
            checked(nd_plan_item_get(p, i, &item, &err), err);
            for (size_t k = 0; k < item.finding_count; ++k) {
                nd_plan_finding f;
                checked(nd_plan_finding_get(p, i, k, &f, &err), err);
            }
        }
        char* xml = nullptr;
        size_t n = 0;
        checked(nd_plan_write(p, &xml, &n, &err), err);
        const std::string text = take(xml, n);
        nd_plan* back = nullptr;
        checked(nd_plan_read_buffer(text.data(), text.size(), "back.xml", &back, nullptr, &err), err);
        size_t again = 0;
        checked(nd_plan_item_count(back, &again, &err), err);
        check(again == items, "a plan written and read back has other items");
        nd_plan_free(back);
    }
    nd_problems_free(problems);
    nd_plan_free(p);
}

void fuzz_date(const std::string& text) {
    nd_error err;
    int32_t day = 0;
    const nd_status s = nd_date_parse(text.c_str(), &day, &err);
    checked(s, err);
    const bool cxx = static_cast<bool>(normdoc::parse_date(text.c_str()));  // up to the first NUL, as C sees it
    check((s == ND_OK) == cxx, "nd_date_parse and parse_date disagree");
    if (s == ND_OK) {
        char out[11];
        checked(nd_date_format(day, out, &err), err);
        check(std::strcmp(out, text.c_str()) == 0, "a date does not format back to its text");
    }
    char out[11];
    checked(nd_date_format(static_cast<int32_t>(std::hash<std::string>()(text)), out, &err), err);
}

nd_corpus* fixed_corpus() {
    static nd_corpus* const corpus = [] {
        nd_builder* b = nullptr;
        nd_builder_new(&b, nullptr);
        nd_builder_authority(b, "jy-gov", "江阴市人民政府", "government", "county", nullptr, nullptr, nullptr, nullptr);
        nd_builder_authority(b, "jy-kjj", "江阴市科学技术局", "department", "county", "jy-gov", nullptr, nullptr, nullptr);
        nd_builder_document(b, "law", "law", "法", nullptr);
        nd_builder_doc_issuer(b, "jy-gov", nullptr);
        nd_builder_doc_dates(b, "2015-08-29", nullptr, nullptr, nullptr);
        nd_builder_document(b, "d1", "normative", "办法", nullptr);
        nd_builder_doc_number(b, "澄科发〔2018〕1号", nullptr);
        nd_builder_doc_issuer(b, "jy-kjj", nullptr);
        nd_builder_doc_dates(b, "2018-05-10", "2018-06-01", nullptr, nullptr);
        nd_builder_doc_relation(b, "based-on", "law", nullptr, nullptr, nullptr);
        nd_builder_document(b, "d2", "normative", "细则", nullptr);
        nd_builder_doc_number(b, "澄科发〔2018〕2号", nullptr);
        nd_builder_doc_issuer(b, "jy-kjj", nullptr);
        nd_builder_doc_dates(b, "2018-07-10", nullptr, nullptr, nullptr);
        nd_builder_doc_relation(b, "implements", "d1", nullptr, nullptr, nullptr);
        nd_corpus* c = nullptr;
        nd_builder_build(b, &c, nullptr, nullptr);
        nd_builder_free(b);
        return c;
    }();
    return corpus;
}

void fuzz_id(const std::string& text) {
    nd_corpus* c = fixed_corpus();
    check(c != nullptr, "the fixed corpus does not build");
    nd_error err;
    const char* id = nullptr;
    const nd_status s = nd_corpus_resolve(c, text.c_str(), &id, &err);
    checked(s, err);
    if (s == ND_OK) {
        const std::string t = text.c_str();
        const std::string i = id;
        check(i == t || (t == "澄科发〔2018〕1号" && i == "d1") || (t == "澄科发〔2018〕2号" && i == "d2"),
              "an id resolves to another document");
    }
    nd_doc_status st;
    checked(nd_corpus_status_of(c, text.c_str(), "2019-01-01", &st, &err), err);
    checked(nd_corpus_status_of(c, "d1", text.c_str(), &st, &err), err);
    nd_impact* i = nullptr;
    checked(nd_impact_run(c, text.c_str(), "2019-01-01", &i, &err), err);
    nd_impact_free(i);
    nd_cleanup* r = nullptr;
    checked(nd_cleanup_run(c, "2019-01-01", text.c_str(), &r, &err), err);
    nd_cleanup_free(r);
    int32_t v = 0;
    checked(nd_enum_parse(static_cast<int32_t>(text.size() % 13), text.c_str(), &v, &err), err);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const char* text = reinterpret_cast<const char*>(data + 1);
    const size_t n = size - 1;
    switch (data[0] % 4) {
        case 0: fuzz_corpus(text, n); break;
        case 1: fuzz_plan(text, n); break;
        case 2: fuzz_date(std::string(text, n)); break;
        case 3: fuzz_id(std::string(text, n)); break;
    }
    return 0;
}
