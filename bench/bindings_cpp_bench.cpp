// normdoc_bindings_cpp_bench CORPUS AS_OF [REPS]: the C++ side of the bindings' side-by-side
// measurement (scripts/bench-bindings, docs/PERFORMANCE.md "Across the C ABI"). The same three
// operations, once loaded, that bench/java/BindingsBench.java and bench/csharp/BindingsBench.cs
// time through their bindings: the whole clean-up (a CleanupResult, every item and finding), the
// status of every document (a vector, as the CLI's status computes it) and the status of one
// document (a loop over documents, ns per call). Prints `cpp OPERATION min median` lines.
#include "normdoc/cleanup.hpp"
#include "normdoc/date.hpp"
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

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

template <class F>
void timed(const char* name, int reps, F&& f, double scale = 1.0, const char* unit = "ms") {
    for (int i = 0; i < 2; ++i) f();  // warm-up
    std::vector<double> t, cpu;
    for (int i = 0; i < reps; ++i) {
        const auto t0 = Clock::now();
        const std::clock_t c0 = std::clock();
        f();
        cpu.push_back(1e3 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC * scale);
        t.push_back(ms_since(t0) * scale);
    }
    std::sort(t.begin(), t.end());
    std::sort(cpu.begin(), cpu.end());
    // wall min, wall median, unit, process CPU time min (all threads): a loaded machine inflates wall time most
    std::printf("cpp %-16s %10.3f %10.3f %-8s cpu %10.3f\n", name, t.front(), t[t.size() / 2], unit, cpu.front());
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: normdoc_bindings_cpp_bench CORPUS AS_OF [REPS]\n");
        return 2;
    }
    const auto day = normdoc::parse_date(argv[2]);
    if (!day) return 2;
    const int reps = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
    const auto t0 = Clock::now();
    normdoc::LoadResult loaded = normdoc::open_corpus(argv[1]);
    if (!loaded.corpus) return 1;
    const normdoc::Corpus& corpus = *loaded.corpus;
    std::printf("cpp %-16s %10.3f %10.3f ms (%zu documents)\n", "load", ms_since(t0), ms_since(t0), corpus.document_count());
    const normdoc::Date as_of = *day.date;

    std::size_t sink = 0;
    timed("cleanup", reps, [&] {
        const normdoc::CleanupResult r = normdoc::cleanup(corpus, as_of, normdoc::CleanupScope::all());
        for (const normdoc::CleanupItem& item : r.items()) sink += item.finding_count + static_cast<std::size_t>(item.action);
    });
    timed("cleanup_detail", reps, [&] {  // and every finding's detail worded, as a binding shows it
        const normdoc::CleanupResult r = normdoc::cleanup(corpus, as_of, normdoc::CleanupScope::all());
        for (const normdoc::CleanupItem& item : r.items())
            for (const normdoc::Finding& f : r.findings(item)) sink += r.detail(item, f).size();
    });
    timed("status_all", reps, [&] {
        std::vector<normdoc::DocumentStatus> statuses;
        statuses.reserve(corpus.document_count());
        for (normdoc::DocumentId id : corpus.documents_by_id()) statuses.push_back(normdoc::status_of(corpus, id, as_of));
        for (const normdoc::DocumentStatus& s : statuses)  // read back, so that none of it is optimised away
            sink += static_cast<std::size_t>(s.status) + (s.last_day ? 1u : 0u) + (s.amended ? 1u : 0u);
    });
    // One small call: the status of one document found by its string id (what a binding is given).
    const auto& order = corpus.documents_by_id();
    std::vector<std::string> ids;
    const std::size_t n = std::min<std::size_t>(order.size(), 100000);
    for (std::size_t i = 0; i < n; ++i) ids.emplace_back(corpus.document(order[i * (order.size() / n)]).id());
    timed("status_one", reps, [&] {
        for (const std::string& id : ids) sink += static_cast<std::size_t>(normdoc::status_of(corpus, *corpus.find_document(id), as_of).status);
    }, 1e6 / static_cast<double>(n), "ns/call");
    std::fprintf(stderr, "(%zu)\n", sink);
    return 0;
}
