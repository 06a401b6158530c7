// A stand-in writer for the kill test (tests/registry_kill_test.cpp) until the CLI has compile,
// add and compact: the same file steps through the same layer (src/registry/), on a registry
// whose content is a list of 64-bit values.
//
//   registry_kill_helper compile REGISTRY COUNT SEED   a snapshot of COUNT values from SEED
//   registry_kill_helper add REGISTRY VALUE            one journal record holding VALUE
//   registry_kill_helper compact REGISTRY              the journal folded into a new snapshot
//
// Exit 0 when done, 1 on a bad registry, 3 on an I/O error (the writer lock held included).
#include "registry/registry_files.hpp"
#include "registry/writer_lock.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace normdoc;
using namespace normdoc::registry;

namespace {

constexpr Tag k_values = make_tag("VALS");

std::vector<std::uint64_t> base_values(std::uint64_t count, std::uint64_t seed) {
    std::vector<std::uint64_t> v(count);
    std::uint64_t x = seed * 0x9E3779B97F4A7C15ull + 1;
    for (auto& w : v) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        w = x;
    }
    return v;
}

int bad(const std::vector<Problem>& problems) {
    for (const Problem& p : problems) std::fprintf(stderr, "%s\n", to_string(p).c_str());
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        if (argc < 3) return 2;
        const std::string command = argv[1], registry = argv[2];
        WriterLock lock = WriterLock::acquire(registry);
        if (command == "compile" && argc == 5) {
            const auto values = base_values(std::strtoull(argv[3], nullptr, 10), std::strtoull(argv[4], nullptr, 10));
            SnapshotWriter w;
            w.add_array(k_values, values);
            commit_snapshot(registry, w, lineage_replacing(registry));
            return 0;
        }
        RegistryOpen open = open_registry_for_writing(registry, lock);
        if (!open) return bad(open.problems);
        if (command == "add" && argc == 4) {
            JournalWriter::Open journal = open_journal_for_append(registry, open.files->snapshot);
            if (!journal) return bad(journal.problems);
            const std::uint64_t value = std::strtoull(argv[3], nullptr, 10);
            journal.writer->append(std::string_view(reinterpret_cast<const char*>(&value), sizeof value));
            return 0;
        }
        if (command == "compact" && argc == 3) {
            const ViewResult<std::uint64_t> view = open.files->snapshot.view<std::uint64_t>(k_values);
            if (!view) return bad({view.problem});
            std::vector<std::uint64_t> values(view.view->begin(), view.view->end());
            for (const JournalRecord& r : open.files->journal.records) {
                std::uint64_t v;
                if (r.payload.size() != sizeof v) return 1;
                std::memcpy(&v, r.payload.data(), sizeof v);
                values.push_back(v);
            }
            SnapshotWriter w;
            w.add_array(k_values, values);
            commit_snapshot(registry, w, lineage_of_compaction(*open.files));
            return 0;
        }
        return 2;
    } catch (const IoError& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 3;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "internal error: %s\n", e.what());
        return 4;
    }
}
