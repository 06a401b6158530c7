// The cost of the C ABI (docs/bindings.md, docs/PERFORMANCE.md): the same work from C++ and
// through include/normdoc/normdoc.h on one loaded corpus, side by side in each round (ratios of
// neighbours hold on a loaded machine; absolute times do not).
//
//   capi_bench CORPUS [AS_OF] [ROUNDS]      # prints KEY=VALUE lines (seconds, ns, ratios)
//
// - cleanup: C++ cleanup() (the result is C++'s materialised form) vs nd_cleanup_run + what a
//   binding copies (nd_cleanup_numeric_columns, nd_cleanup_documents); the whole clean-up, no scope;
// - status_all: status_of of every document into a vector vs nd_status_all + the same;
// - status_one: one small call, status_of(id) vs nd_corpus_status_of(id, "YYYY-MM-DD"), per call.
#include "normdoc/normdoc.h"

#include "normdoc/cleanup.hpp"
#include "normdoc/registry.hpp"
#include "normdoc/status.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }
// Process CPU time (a loaded machine inflates wall time most; bench/capi_bench.py prints both too).
double cpu_seconds_since(std::clock_t c) { return static_cast<double>(std::clock() - c) / CLOCKS_PER_SEC; }

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

[[noreturn]] void die(const char* what, const nd_error& err) {
    std::fprintf(stderr, "capi_bench: %s: %s\n", what, err.message);
    std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: capi_bench CORPUS [AS_OF] [ROUNDS]\n");
        return 2;
    }
    const std::string path = argv[1];
    const std::string as_of_text = argc > 2 ? argv[2] : "2020-06-30";
    const int rounds = argc > 3 ? std::atoi(argv[3]) : 5;
    const normdoc::Date as_of = *normdoc::parse_date(as_of_text).date;

    auto t = Clock::now();
    normdoc::LoadResult loaded = normdoc::open_corpus(path);
    if (!loaded.corpus) {
        std::fprintf(stderr, "capi_bench: %s does not validate\n", path.c_str());
        return 1;
    }
    const normdoc::Corpus corpus = *loaded.corpus;
    std::printf("load_cxx_s=%.3f\n", seconds_since(t));
    nd_error err;
    nd_corpus* c = nullptr;
    t = Clock::now();
    if (nd_corpus_open(path.c_str(), &c, nullptr, &err) != ND_OK) die("open", err);
    std::printf("load_c_s=%.3f\ndocuments=%zu\n", seconds_since(t), corpus.document_count());

    std::vector<double> cleanup_cxx, cleanup_c, status_cxx, status_c, cleanup_cxx_cpu, cleanup_c_cpu;
    std::size_t items = 0;
    for (int r = 0; r < rounds; ++r) {
        t = Clock::now();
        std::clock_t c0 = std::clock();
        {
            const normdoc::CleanupResult result = normdoc::cleanup(corpus, as_of, normdoc::CleanupScope::all());
            items = result.items().size();
            cleanup_cxx.push_back(seconds_since(t));
            cleanup_cxx_cpu.push_back(cpu_seconds_since(c0));
        }
        t = Clock::now();
        c0 = std::clock();
        {
            nd_cleanup* result = nullptr;
            if (nd_cleanup_run(c, as_of_text.c_str(), nullptr, &result, &err) != ND_OK) die("cleanup", err);
            nd_cleanup_columns cols;  // what a binding copies: numbers and document indexes
            if (nd_cleanup_numeric_columns(result, &cols, &err) != ND_OK) die("columns", err);
            const uint32_t* documents = nullptr;
            if (nd_cleanup_documents(result, &documents, &err) != ND_OK) die("documents", err);
            if (cols.count != items) die("cleanup: another count", err);
            cleanup_c.push_back(seconds_since(t));
            cleanup_c_cpu.push_back(cpu_seconds_since(c0));
            nd_cleanup_free(result);
        }
        t = Clock::now();
        {
            std::vector<normdoc::DocumentStatus> statuses;
            statuses.reserve(corpus.document_count());
            for (normdoc::DocumentId id : corpus.documents_by_id()) statuses.push_back(normdoc::status_of(corpus, id, as_of));
            status_cxx.push_back(seconds_since(t));
        }
        t = Clock::now();
        {
            nd_status_list* list = nullptr;
            if (nd_status_all(c, as_of_text.c_str(), &list, &err) != ND_OK) die("status", err);
            nd_status_columns cols;
            if (nd_status_list_numeric_columns(list, &cols, &err) != ND_OK) die("columns", err);
            const uint32_t* documents = nullptr;
            if (nd_status_list_documents(list, &documents, &err) != ND_OK) die("documents", err);
            status_c.push_back(seconds_since(t));
            nd_status_list_free(list);
        }
    }
    std::printf("cleanup_items=%zu\ncleanup_cxx_s=%.3f\ncleanup_c_s=%.3f\ncleanup_c_ratio=%.2f\n", items, median(cleanup_cxx),
                median(cleanup_c), median(cleanup_c) / median(cleanup_cxx));
    std::printf("cleanup_cxx_cpu_s=%.3f\ncleanup_c_cpu_s=%.3f\ncleanup_c_cpu_ratio=%.2f\n", median(cleanup_cxx_cpu),
                median(cleanup_c_cpu), median(cleanup_c_cpu) / median(cleanup_cxx_cpu));
    std::printf("status_all_cxx_s=%.3f\nstatus_all_c_s=%.3f\nstatus_all_c_ratio=%.2f\n", median(status_cxx), median(status_c),
                median(status_c) / median(status_cxx));

    // One small call: the same 100,000 documents (or all) by id.
    std::vector<std::string> ids;
    for (normdoc::DocumentId id : corpus.documents()) {
        ids.emplace_back(corpus.document(id).id());
        if (ids.size() == 100000) break;
    }
    std::vector<double> one_cxx, one_c;
    long sink = 0;
    for (int r = 0; r < rounds; ++r) {
        t = Clock::now();
        for (const std::string& id : ids) {
            const auto d = corpus.find_document(id);
            sink += static_cast<long>(normdoc::status_of(corpus, *d, as_of).status);
        }
        one_cxx.push_back(seconds_since(t) * 1e9 / static_cast<double>(ids.size()));
        t = Clock::now();
        for (const std::string& id : ids) {
            nd_doc_status s;
            if (nd_corpus_status_of(c, id.c_str(), as_of_text.c_str(), &s, &err) != ND_OK) die("status_of", err);
            sink += s.status;
        }
        one_c.push_back(seconds_since(t) * 1e9 / static_cast<double>(ids.size()));
    }
    std::printf("status_one_cxx_ns=%.0f\nstatus_one_c_ns=%.0f\n(sink=%ld)\n", median(one_cxx), median(one_c), sink % 7);
    nd_corpus_free(c);
    return 0;
}
