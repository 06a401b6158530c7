// Akoma Ntoso import and export at registry scale (issue: "importing 10,000 files takes seconds,
// not minutes"). Google Benchmark.
//
// The files come from the generator (seed 1, NORMDOC_AKN_BENCH_DOCUMENTS documents, default
// 10,000) exported once with export-akn into NORMDOC_BENCH_CACHE/akn-N/ and reused. Measured:
// - AknImport: import_akn over all the files (read, decode, parse, walk, resolve, validate), with
//   `ratio` = import / (read + pugixml parse of the same files): the floor any importer pays;
// - AknExport: export_akn of the corpus (each file written atomically, fsync included).
#include "normdoc/akn.hpp"
#include "normdoc/generate.hpp"
#include "normdoc/io.hpp"

#include <benchmark/benchmark.h>
#include <pugixml.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <algorithm>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

std::size_t document_count() {
    if (const char* n = std::getenv("NORMDOC_AKN_BENCH_DOCUMENTS")) return static_cast<std::size_t>(std::strtoull(n, nullptr, 10));
    return 10000;
}

std::string cache_dir() {
    if (const char* dir = std::getenv("NORMDOC_BENCH_CACHE")) return dir;
    return NORMDOC_BENCH_CACHE;
}

const normdoc::Corpus& corpus() {
    static const normdoc::Corpus c = [] {
        normdoc::GenerateOptions options;
        options.documents = document_count();
        options.seed = 1;
        normdoc::LoadResult r = normdoc::read_corpus(normdoc::generate_corpus_xml(options), "generated.xml");
        if (!r.corpus) throw std::runtime_error("the generated corpus does not validate");
        return *r.corpus;
    }();
    return c;
}

// The exported files, made once.
const std::vector<std::string>& files() {
    static const std::vector<std::string> paths = [] {
        const std::string dir = cache_dir() + "/akn-" + std::to_string(document_count());
        std::vector<std::string> out;
        if (fs::is_directory(dir))
            for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().string());
        if (out.size() != document_count()) {
            fs::remove_all(dir);
            fs::create_directories(dir);
            out.clear();
            for (const auto& name : normdoc::export_akn(corpus(), dir)) out.push_back(dir + "/" + name);
        }
        std::sort(out.begin(), out.end());
        return out;
    }();
    return paths;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void AknImport(benchmark::State& state) {
    const auto& paths = files();
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        const normdoc::AknImportResult r = normdoc::import_akn(paths);
        const double import_s = seconds_since(t0);
        if (!r.ok()) {
            state.SkipWithError("the import failed");
            return;
        }
        const auto t1 = std::chrono::steady_clock::now();
        std::size_t nodes = 0;
        for (const auto& p : paths) {
            std::ifstream in(p, std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            const std::string s = text.str();
            pugi::xml_document doc;
            doc.load_buffer(s.data(), s.size());
            nodes += doc.document_element() ? 1 : 0;
        }
        benchmark::DoNotOptimize(nodes);
        const double floor_s = seconds_since(t1);
        state.SetIterationTime(import_s);
        state.counters["files"] = static_cast<double>(paths.size());
        state.counters["ratio"] = import_s / floor_s;
        state.counters["files_per_s"] = static_cast<double>(paths.size()) / import_s;
    }
}
BENCHMARK(AknImport)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(3);

void AknExport(benchmark::State& state) {
    const normdoc::Corpus& c = corpus();
    const std::string dir = cache_dir() + "/akn-export-bench";
    for (auto _ : state) {
        fs::remove_all(dir);
        const auto t0 = std::chrono::steady_clock::now();
        const auto names = normdoc::export_akn(c, dir);
        state.SetIterationTime(seconds_since(t0));
        state.counters["files"] = static_cast<double>(names.size());
    }
    fs::remove_all(dir);
}
BENCHMARK(AknExport)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
