// SPEC §12: "a crash or kill at any moment leaves the registry as it was before the command or as
// it is after it, never a mix", and "none other [file] is left behind". A writer
// (tests/registry_kill_helper.cpp: compile, add, compact through src/registry/) is SIGKILLed at
// random moments of its steps, 200 times; after each, the registry opens to the state before or
// after the step, and the directory holds only the registry's own files.
#include "kill_harness.hpp"
#include "registry/hash.hpp"
#include "registry/registry_files.hpp"
#include "registry/writer_lock.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <iostream>
#include <set>
#include <string>
#include <vector>

namespace normdoc::registry {
namespace {

namespace fs = std::filesystem;

constexpr Tag k_values = make_tag("VALS");

// The registry's content as the helper defines it: the snapshot's values, then the journal's.
struct Content {
    std::uint64_t count = 0, seed = 0;  // the compiled base
    std::vector<std::uint64_t> added;   // folded in by compactions or in the journal
    std::uint64_t hash() const;
};

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

std::uint64_t Content::hash() const {
    Hasher64 h;
    const auto base = base_values(count, seed);
    h.update(base.data(), base.size() * 8);
    h.update(added.data(), added.size() * 8);
    return h.digest();
}

// What the registry holds now, as a hash of its values; 0 with a message when it does not open.
std::uint64_t observed(const std::string& registry, std::string& why, bool& torn) {
    const RegistryOpen open = open_registry(registry);
    torn = false;
    if (!open) {
        why = open.problems.empty() ? "no problem" : to_string(open.problems[0]);
        return 0;
    }
    for (const Problem& p : open.problems) torn = torn || p.code == ProblemCode::torn_journal;
    const ViewResult<std::uint64_t> view = open.files->snapshot.view<std::uint64_t>(k_values);
    if (!view) {
        why = view.problem.message;
        return 0;
    }
    Hasher64 h;
    h.update(view.view->data(), view.view->size() * 8);
    for (const JournalRecord& r : open.files->journal.records) h.update(r.payload);
    return h.digest();
}

TEST(RegistryKill, EveryKilledStepLeavesTheStateBeforeOrAfterIt) {
    const std::string dir = test::scratch_dir("registry_kill");
    const std::string logs = test::scratch_dir("registry_kill_logs");
    const std::string registry = dir + "/r.ndb";
    const std::string helper = NORMDOC_KILL_HELPER;
    const std::string log = logs + "/helper.log";
    constexpr std::uint64_t k_count = 1u << 18;  // a 2 MiB snapshot: a write takes milliseconds
    test::KillSchedule schedule(20261203);

    Content current;
    {
        const test::KillRun first = test::run_and_kill({helper, "compile", registry, std::to_string(k_count), "1"}, -1, dir, log);
        ASSERT_EQ(first.code, 0) << test::read_text(log);
        schedule.learn("compile", first);
        current.count = k_count;
        current.seed = 1;
    }
    int killed = 0, before = 0, after = 0, torn_seen = 0, temporaries = 0;
    std::uint64_t next_value = 1000;
    for (int step = 0; step < 200; ++step) {
        const unsigned pick = static_cast<unsigned>(schedule.rng()() % 8);
        Content next = current;
        std::vector<std::string> argv{helper};
        std::string kind;
        if (pick < 4) {
            kind = "add";
            argv.insert(argv.end(), {"add", registry, std::to_string(next_value)});
            next.added.push_back(next_value++);
        } else if (pick < 7) {
            kind = "compact";
            argv.insert(argv.end(), {"compact", registry});  // the content stays; the files change
        } else {
            kind = "compile";
            const std::uint64_t seed = 2 + static_cast<std::uint64_t>(step);
            argv.insert(argv.end(), {"compile", registry, std::to_string(k_count), std::to_string(seed)});
            next = Content{k_count, seed, {}};
        }
        const test::KillRun run = test::run_and_kill(argv, schedule.delay(kind), dir, log);
        schedule.learn(kind, run);
        ASSERT_TRUE(run.killed || run.code == 0) << kind << " exit " << run.code << "\n" << test::read_text(log);
        std::string why;
        bool torn = false;
        const std::uint64_t now = observed(registry, why, torn);
        ASSERT_NE(now, 0u) << "step " << step << " (" << kind << (run.killed ? ", killed" : "") << "): " << why;
        const std::uint64_t h_before = current.hash(), h_after = next.hash();
        ASSERT_TRUE(now == h_before || now == h_after)
            << "step " << step << " (" << kind << (run.killed ? ", killed after " + std::to_string(run.seconds) + " s" : "")
            << "): the registry is neither as before nor as after";
        if (run.killed) {
            ++killed;
            if (now == h_before && h_before != h_after) ++before;
            else ++after;
        }
        torn_seen += torn ? 1 : 0;
        if (now == h_after) current = next;
        // SPEC §12: nothing but the registry's own files. A writer killed between the atomic
        // writer's link of its temporary and the rename leaves the temporary; the next writer
        // removes it when it takes the lock.
        auto others = [&] {
            std::vector<std::string> out;
            for (const auto& e : fs::directory_iterator(dir)) {
                const std::string n = e.path().filename().string();
                if (n != "r.ndb" && n != "r.ndb-journal" && n != "r.ndb.lock") out.push_back(n);
            }
            return out;
        };
        const std::vector<std::string> left = others();
        if (!left.empty()) {
            ASSERT_TRUE(run.killed) << "left behind by a writer that finished: " << left[0];
            for (const std::string& n : left) ASSERT_EQ(n.rfind(".r.ndb", 0), 0u) << n;
            ++temporaries;
            { const WriterLock next_writer = WriterLock::acquire(registry); }
            ASSERT_TRUE(others().empty()) << "the next writer left " << others()[0];
        }
    }
    std::cout << "registry kill test: 200 steps, " << killed << " killed (" << before << " left the state before, "
              << after << " after), " << torn_seen << " opened with a torn journal record dropped, " << temporaries
              << " left a temporary file that the next writer removed\n";
    RecordProperty("killed", killed);
    EXPECT_GE(killed, 100);
    EXPECT_GE(before, 20);  // kills do land inside steps, not only after them
}

}  // namespace
}  // namespace normdoc::registry
