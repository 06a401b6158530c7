// normdoc's benchmark suite (Google Benchmark). See docs/PERFORMANCE.md for the figures and
// scripts/bench for the full run (the CLI end to end, with wall time and peak RSS).
//
// Corpora come from the generator (seed 1) at 10k and 100k documents, and 1M with
// NORMDOC_BENCH_1M=1 (or any list in NORMDOC_BENCH_SIZES=10000,100000,…); they are cached in
// NORMDOC_BENCH_CACHE (default: the build directory) and made only when missing.
//
// Where a goal is a ratio (validate vs pugixml, impact vs a plain BFS, SQLite vs impact), the
// benchmark runs the subject and its baseline in the same iteration and reports
// `ratio` = subject / baseline: a ratio of neighbours holds on a noisy machine where absolute
// times do not. The timed figure (manual time) is the subject's.
#include "normdoc/atomic_file.hpp"
#include "normdoc/cleanup.hpp"
#include "normdoc/corpus.hpp"
#include "normdoc/generate.hpp"
#include "normdoc/graph.hpp"
#include "normdoc/impact.hpp"
#include "normdoc/io.hpp"
#include "normdoc/plan.hpp"
#include "normdoc/status.hpp"

#include <benchmark/benchmark.h>
#include <pugixml.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

const normdoc::Date k_as_of = normdoc::parse_date("2020-06-30").date.value();

// ---- corpora ----------------------------------------------------------------------------------------

std::string cache_dir() {
    if (const char* dir = std::getenv("NORMDOC_BENCH_CACHE")) return dir;
    return NORMDOC_BENCH_CACHE;
}

std::string corpus_path(std::size_t documents) {
    const std::string path = cache_dir() + "/corpus-" + std::to_string(documents) + "-seed1.xml";
    if (!std::filesystem::exists(path)) {
        std::filesystem::create_directories(cache_dir());
        std::cerr << "bench: generating " << path << " …" << std::endl;
        normdoc::GenerateOptions options;
        options.documents = documents;
        options.seed = 1;
        normdoc::write_file_atomically(path, [&](normdoc::OutputSink& out) { normdoc::generate(options, out); });
    }
    return path;
}

// Everything a size's benchmarks share, made once.
struct Fixture {
    std::string path;
    std::uintmax_t file_bytes = 0;
    normdoc::Corpus corpus;
    normdoc::DocumentId hub;                    // the most depended-on document
    std::size_t hub_dependents = 0;
    normdoc::AuthorityId busiest;               // the authority issuing the most documents
    std::vector<normdoc::Relation> relations;   // every relation, for graph building
    // Dependents as CSR arrays (target → sources over based-on / implements): the plain BFS.
    std::vector<std::uint32_t> offsets, sources;
    sqlite3* db = nullptr;                      // the same dependency edges in SQLite (lazily)
};

std::map<std::size_t, std::unique_ptr<Fixture>>& fixtures() {
    static std::map<std::size_t, std::unique_ptr<Fixture>> all;
    return all;
}

Fixture& fixture(std::size_t documents) {
    auto& slot = fixtures()[documents];
    if (slot) return *slot;
    auto f = std::make_unique<Fixture>();
    f->path = corpus_path(documents);
    f->file_bytes = std::filesystem::file_size(f->path);
    normdoc::LoadResult r = normdoc::read_corpus_file(f->path);
    if (!r.corpus) throw std::runtime_error("bench: " + f->path + " does not validate");
    f->corpus = *r.corpus;
    const normdoc::Corpus& c = f->corpus;
    const std::size_t n = c.document_count();

    std::vector<std::uint32_t> in(n, 0), issued(c.authority_count(), 0);
    for (auto d : c.documents()) {
        for (auto a : c.document(d).issuers()) ++issued[a.index()];
        for (const auto& rel : c.relations_from(d)) {
            f->relations.push_back(rel);
            if (normdoc::is_dependency(rel.kind)) ++in[rel.target.index()];
        }
    }
    const auto top = std::max_element(in.begin(), in.end());
    f->hub = normdoc::DocumentId(static_cast<std::uint32_t>(top - in.begin()));
    f->hub_dependents = *top;
    f->busiest = normdoc::AuthorityId(static_cast<std::uint32_t>(std::max_element(issued.begin(), issued.end()) - issued.begin()));

    f->offsets.assign(n + 1, 0);
    for (std::size_t v = 0; v < n; ++v) f->offsets[v + 1] = f->offsets[v] + in[v];
    f->sources.resize(f->offsets[n]);
    std::vector<std::uint32_t> fill(f->offsets.begin(), f->offsets.end() - 1);
    for (const auto& rel : f->relations)
        if (normdoc::is_dependency(rel.kind)) f->sources[fill[rel.target.index()]++] = rel.source.index();
    slot = std::move(f);
    return *slot;
}

void check(int rc, sqlite3* db, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        throw std::runtime_error(std::string("sqlite: ") + what + ": " + sqlite3_errmsg(db));
}

sqlite3* sqlite_of(Fixture& f) {
    if (f.db) return f.db;
    sqlite3* db = nullptr;
    check(sqlite3_open(":memory:", &db), db, "open");
    check(sqlite3_exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-1000000;"
                           "CREATE TABLE edges(target INTEGER NOT NULL, source INTEGER NOT NULL);",
                       nullptr, nullptr, nullptr),
          db, "schema");
    check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin");
    sqlite3_stmt* insert = nullptr;
    check(sqlite3_prepare_v2(db, "INSERT INTO edges VALUES (?1, ?2)", -1, &insert, nullptr), db, "prepare insert");
    for (const auto& rel : f.relations) {
        if (!normdoc::is_dependency(rel.kind)) continue;
        sqlite3_bind_int64(insert, 1, rel.target.index());
        sqlite3_bind_int64(insert, 2, rel.source.index());
        check(sqlite3_step(insert), db, "insert");
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    check(sqlite3_exec(db, "COMMIT; CREATE INDEX edges_by_target ON edges(target, source); ANALYZE;", nullptr, nullptr, nullptr),
          db, "index");
    f.db = db;
    return db;
}

// ---- subjects and baselines ---------------------------------------------------------------------

double pugixml_parse(const std::string& path) {
    const auto start = Clock::now();
    pugi::xml_document doc;
    const pugi::xml_parse_result r = doc.load_file(path.c_str(), pugi::parse_default);
    if (!r) throw std::runtime_error("pugixml: " + std::string(r.description()));
    benchmark::DoNotOptimize(doc.first_child());
    return seconds_since(start);
}

// A plain breadth-first search over CSR arrays: depth per vertex, the output as the queue.
std::size_t plain_bfs(const Fixture& f, std::uint32_t root) {
    constexpr std::uint32_t k_unseen = 0xffffffffu;
    std::vector<std::uint32_t> depth(f.offsets.size() - 1, k_unseen);
    std::vector<std::uint32_t> queue;
    depth[root] = 0;
    queue.push_back(root);
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const std::uint32_t v = queue[head];
        for (std::uint32_t e = f.offsets[v]; e < f.offsets[v + 1]; ++e) {
            const std::uint32_t u = f.sources[e];
            if (depth[u] != k_unseen) continue;
            depth[u] = depth[v] + 1;
            queue.push_back(u);
        }
    }
    benchmark::DoNotOptimize(depth.data());
    return queue.size() - 1;
}

std::size_t sqlite_impact(sqlite3* db, std::uint32_t root) {
    static const char* k_query =
        "WITH RECURSIVE dep(id, depth) AS ("
        "  SELECT source, 1 FROM edges WHERE target = ?1"
        "  UNION SELECT e.source, dep.depth + 1 FROM edges e JOIN dep ON e.target = dep.id)"
        " SELECT id, MIN(depth) FROM dep GROUP BY id ORDER BY 2, 1";
    sqlite3_stmt* stmt = nullptr;
    check(sqlite3_prepare_v2(db, k_query, -1, &stmt, nullptr), db, "prepare impact");
    sqlite3_bind_int64(stmt, 1, root);
    std::size_t rows = 0;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) ++rows;
    check(rc, db, "impact");
    sqlite3_finalize(stmt);
    return rows;
}

// ---- benchmarks -----------------------------------------------------------------------------------------

void set_size_counters(benchmark::State& state, const Fixture& f) {
    state.counters["documents"] = static_cast<double>(f.corpus.document_count());
    state.counters["relations"] = static_cast<double>(f.corpus.relation_count());
}

void BM_PugixmlParse(benchmark::State& state, std::size_t n) {
    Fixture& f = fixture(n);
    for (auto _ : state) state.SetIterationTime(pugixml_parse(f.path));
    state.counters["file_MB"] = static_cast<double>(f.file_bytes) / 1e6;
    state.counters["MB_per_s"] = benchmark::Counter(static_cast<double>(f.file_bytes) / 1e6 * static_cast<double>(state.iterations()),
                                                    benchmark::Counter::kIsRate);
}

// read_corpus_file: read, parse, validate, index. ratio = its time / pugixml's parse (goal ≤ 4, aim 2).
void BM_LoadValidate(benchmark::State& state, std::size_t n) {
    Fixture& f = fixture(n);
    double subject = 0, baseline = 0;
    for (auto _ : state) {
        baseline += pugixml_parse(f.path);
        const auto start = Clock::now();
        normdoc::LoadResult r = normdoc::read_corpus_file(f.path);
        benchmark::DoNotOptimize(r.corpus);
        const double t = seconds_since(start);
        subject += t;
        state.SetIterationTime(t);
    }
    set_size_counters(state, f);
    state.counters["pugixml_ms"] = baseline * 1e3 / static_cast<double>(state.iterations());
    state.counters["ratio"] = subject / baseline;
}

void BM_StatusOfEveryDocument(benchmark::State& state, std::size_t n) {
    Fixture& f = fixture(n);
    for (auto _ : state) {
        std::size_t in_force = 0;
        for (auto d : f.corpus.documents()) in_force += normdoc::status_of(f.corpus, d, k_as_of).status == normdoc::Status::in_force;
        benchmark::DoNotOptimize(in_force);
    }
    set_size_counters(state, f);
}

void BM_CleanupWhole(benchmark::State& state, std::size_t n) {
    Fixture& f = fixture(n);
    std::size_t items = 0;
    for (auto _ : state) {
        const normdoc::CleanupResult r = normdoc::cleanup(f.corpus, k_as_of, normdoc::CleanupScope::all());
        items = r.items().size();
        benchmark::DoNotOptimize(items);
    }
    set_size_counters(state, f);
    state.counters["items"] = static_cast<double>(items);
}

void BM_CleanupScoped(benchmark::State& state, std::size_t n) {
    Fixture& f = fixture(n);
    std::size_t items = 0;
    for (auto _ : state) {
        const normdoc::CleanupResult r = normdoc::cleanup(f.corpus, k_as_of, normdoc::CleanupScope::of(f.busiest));
        items = r.items().size();
        benchmark::DoNotOptimize(items);
    }
    set_size_counters(state, f);
    state.counters["items"] = static_cast<double>(items);
}

// impact of the most depended-on document; ratio = its time / a plain BFS over CSR arrays (goal ≤ 2).
void BM_Impact(benchmark::State& state, std::size_t n) {
    Fixture& f = fixture(n);
    double subject = 0, baseline = 0;
    std::size_t reached = 0;
    for (auto _ : state) {
        auto start = Clock::now();
        plain_bfs(f, f.hub.index());
        baseline += seconds_since(start);
        start = Clock::now();
        const auto entries = normdoc::impact(f.corpus, f.hub, k_as_of);
        const double t = seconds_since(start);
        reached = entries.size();
        subject += t;
        state.SetIterationTime(t);
    }
    set_size_counters(state, f);
    state.counters["reached"] = static_cast<double>(reached);
    state.counters["direct"] = static_cast<double>(f.hub_dependents);
    state.counters["bfs_ms"] = baseline * 1e3 / static_cast<double>(state.iterations());
    state.counters["ratio"] = subject / baseline;
}

void BM_PlainBfs(benchmark::State& state, std::size_t n) {
    Fixture& f = fixture(n);
    std::size_t reached = 0;
    for (auto _ : state) {
        const auto start = Clock::now();
        reached = plain_bfs(f, f.hub.index());
        state.SetIterationTime(seconds_since(start));
    }
    state.counters["reached"] = static_cast<double>(reached);
}

// SQLite, the same dependency edges, a recursive CTE; ratio = SQLite / impact (goal ≥ 25).
void BM_SqliteImpact(benchmark::State& state, std::size_t n) {
    Fixture& f = fixture(n);
    sqlite3* db = sqlite_of(f);
    double subject = 0, baseline = 0;
    std::size_t rows = 0;
    for (auto _ : state) {
        auto start = Clock::now();
        rows = sqlite_impact(db, f.hub.index());
        const double t = seconds_since(start);
        subject += t;
        state.SetIterationTime(t);
        start = Clock::now();
        benchmark::DoNotOptimize(normdoc::impact(f.corpus, f.hub, k_as_of));
        baseline += seconds_since(start);
    }
    state.counters["reached"] = static_cast<double>(rows);
    state.counters["impact_ms"] = baseline * 1e3 / static_cast<double>(state.iterations());
    state.counters["ratio"] = subject / baseline;
}

void BM_GraphBuild(benchmark::State& state, std::size_t n) {
    Fixture& f = fixture(n);
    for (auto _ : state) {
        normdoc::RelationGraph g = normdoc::build_relation_graph(f.corpus.document_count(), f.relations);
        benchmark::DoNotOptimize(g);
    }
    set_size_counters(state, f);
}

// The plan of the whole clean-up written as XML, then applied (which validates the result).
void BM_PlanWriteApply(benchmark::State& state, std::size_t n) {
    Fixture& f = fixture(n);
    const normdoc::CleanupResult result = normdoc::cleanup(f.corpus, k_as_of, normdoc::CleanupScope::all());
    double write_s = 0, apply_s = 0;
    std::size_t plan_bytes = 0;
    for (auto _ : state) {
        auto start = Clock::now();
        const normdoc::Plan plan = normdoc::make_plan(result);
        const std::string xml = normdoc::write_plan(plan);
        plan_bytes = xml.size();
        write_s += seconds_since(start);
        start = Clock::now();
        // The State Council's general office decides what it may (SPEC §2); the rest is left to its issuers.
        normdoc::ApplyOptions only_competent;
        only_competent.only_competent = true;
        const normdoc::ApplyResult applied = normdoc::apply_plan(
            f.corpus, plan,
            normdoc::Decision{"bench-decision-2020", "国办发〔2020〕99999号", "关于废止和宣布失效部分规范性文件的决定", {"cn-gbo"}, k_as_of},
            only_competent);
        if (!applied.corpus) {
            for (const auto& p : applied.problems) std::cerr << p << '\n';
            state.SkipWithError("apply_plan refused the plan");
            break;
        }
        apply_s += seconds_since(start);
    }
    set_size_counters(state, f);
    const double it = static_cast<double>(std::max<benchmark::IterationCount>(1, state.iterations()));
    state.counters["write_ms"] = write_s * 1e3 / it;
    state.counters["apply_ms"] = apply_s * 1e3 / it;
    state.counters["plan_MB"] = static_cast<double>(plan_bytes) / 1e6;
}

std::vector<std::size_t> sizes() {
    std::vector<std::size_t> out;
    if (const char* list = std::getenv("NORMDOC_BENCH_SIZES")) {
        std::stringstream in(list);
        std::string item;
        while (std::getline(in, item, ',')) out.push_back(std::stoul(item));
        return out;
    }
    out = {10'000, 100'000};
    if (const char* big = std::getenv("NORMDOC_BENCH_1M"); big && std::string(big) == "1") out.push_back(1'000'000);
    return out;
}

void register_all() {
    using Fn = void (*)(benchmark::State&, std::size_t);
    // manual: the function times its subject itself (SetIterationTime), apart from its baseline.
    struct Entry { const char* name; Fn fn; bool heavy; bool manual; };
    const Entry entries[] = {
        {"pugixml_parse", BM_PugixmlParse, true, true},
        {"load_validate", BM_LoadValidate, true, true},
        {"status_all", BM_StatusOfEveryDocument, false, false},
        {"cleanup_whole", BM_CleanupWhole, false, false},
        {"cleanup_scoped", BM_CleanupScoped, false, false},
        {"impact", BM_Impact, false, true},
        {"plain_bfs", BM_PlainBfs, false, true},
        {"sqlite_impact", BM_SqliteImpact, false, true},
        {"graph_build", BM_GraphBuild, false, false},
        {"plan_write_apply", BM_PlanWriteApply, true, false},
    };
    for (std::size_t n : sizes()) {
        for (const Entry& e : entries) {
            auto* b = benchmark::RegisterBenchmark((std::string(e.name) + "/" + std::to_string(n)).c_str(), e.fn, n);
            b->Unit(benchmark::kMillisecond);
            if (e.manual) b->UseManualTime(); else b->UseRealTime();
            // A million documents take seconds to load: a few iterations say enough (unless
            // NORMDOC_BENCH_MIN_TIME asks for more, to profile one benchmark).
            if (const char* t = std::getenv("NORMDOC_BENCH_MIN_TIME")) b->MinTime(std::stod(t));
            else if (n >= 1'000'000 && e.heavy) b->Iterations(3);
            else if (n >= 1'000'000) b->MinTime(2.0);
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    try {
        register_all();
        benchmark::Initialize(&argc, argv);
        if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
        benchmark::RunSpecifiedBenchmarks();
        benchmark::Shutdown();
        for (auto& [n, f] : fixtures())
            if (f->db) sqlite3_close(f->db);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "bench: " << e.what() << '\n';
        return 1;
    }
}
