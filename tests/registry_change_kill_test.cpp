// SPEC §12: "a crash or kill at any moment leaves the registry as it was before the command or as
// it is after it, never a mix" — for the CLI's own writers: `normdoc add` and `normdoc compact`
// are SIGKILLed at random points (tests/support/kill_harness.*), 60 times; after each, the
// registry opens, to the state before or after the step, and holds only its own files (a
// temporary a kill left is removed by the next writer).
#include "kill_harness.hpp"
#include "normdoc/registry.hpp"
#include "registry/writer_lock.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#ifdef NORMDOC_CLI

namespace normdoc::test {
namespace {

namespace fs = std::filesystem;

// The registry's document ids, or a message when it does not open.
std::set<std::string> documents_of(const std::string& registry, std::string& why) {
    std::set<std::string> out;
    const Registry::Open open = Registry::open(registry);
    if (!open) {
        why = open.problems.empty() ? "no problem" : to_string(open.problems[0]);
        return out;
    }
    const Corpus& c = open.registry->corpus();
    for (DocumentId d : c.documents()) out.insert(std::string(c.document(d).id()));
    return out;
}

TEST(RegistryChangeKill, AKilledAddOrCompactLeavesTheStateBeforeOrAfterIt) {
    const std::string dir = scratch_dir("change_kill");
    const std::string logs = scratch_dir("change_kill_logs");
    const std::string registry = dir + "/r.ndb";
    const std::string cli = NORMDOC_CLI;
    const std::string log = logs + "/cli.log";
    ASSERT_EQ(run_cli(logs, {"generate", "--documents", "1500", "--seed", "11", "-o", logs + "/g.xml"}).code, 0);
    ASSERT_EQ(run_cli(logs, {"compile", logs + "/g.xml", "-o", registry}).code, 0);
    std::string why;
    std::set<std::string> current = documents_of(registry, why);
    ASSERT_FALSE(current.empty()) << why;
    const std::string basis = *current.begin();

    KillSchedule schedule(20261204);
    int killed = 0, before = 0, after = 0, temporaries = 0;
    for (int step = 0; step < 60; ++step) {
        std::set<std::string> next = current;
        std::vector<std::string> argv{cli};
        std::string kind;
        if (schedule.rng()() % 3 != 0) {
            kind = "add";
            const std::string id = "k" + std::to_string(step);
            write_file(logs + "/f.xml", "<corpus xmlns=\"urn:normdoc:corpus:1\">\n  <documents>\n    <document id=\"" + id +
                                            "\" kind=\"other\">\n      <title>文件</title>\n      <issuer ref=\"cn-gov\"/>\n"
                                            "      <relations>\n        <cites ref=\"" + basis + "\"/>\n      </relations>\n"
                                            "    </document>\n  </documents>\n</corpus>\n");
            argv.insert(argv.end(), {"add", registry, logs + "/f.xml"});
            next.insert(id);
        } else {
            kind = "compact";
            argv.insert(argv.end(), {"compact", registry});
        }
        const KillRun run = run_and_kill(argv, schedule.delay(kind), dir, log);
        schedule.learn(kind, run);
        ASSERT_TRUE(run.killed || run.code == 0) << kind << " exit " << run.code << "\n" << read_text(log);
        const std::set<std::string> now = documents_of(registry, why);
        ASSERT_FALSE(now.empty()) << "step " << step << " (" << kind << (run.killed ? ", killed" : "") << "): " << why;
        ASSERT_TRUE(now == current || now == next)
            << "step " << step << " (" << kind << (run.killed ? ", killed" : "") << "): neither the state before nor after";
        if (run.killed) {
            ++killed;
            if (now == current && current != next) ++before;
            else ++after;
        }
        current = now;
        std::vector<std::string> left;
        for (const auto& e : fs::directory_iterator(dir)) {
            const std::string n = e.path().filename().string();
            if (n != "r.ndb" && n != "r.ndb-journal" && n != "r.ndb.lock") left.push_back(n);
        }
        if (!left.empty()) {
            ASSERT_TRUE(run.killed) << "left behind by a writer that finished: " << left[0];
            ++temporaries;
            { const registry::WriterLock next_writer = registry::WriterLock::acquire(registry); }
        }
    }
    std::printf("change kill test: 60 steps, %d killed (%d left the state before, %d after), %d left a temporary\n", killed,
                before, after, temporaries);
    EXPECT_GE(killed, 20);
    EXPECT_GE(before, 5);
}

}  // namespace
}  // namespace normdoc::test

#endif  // NORMDOC_CLI
