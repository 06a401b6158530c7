// No lost data, seen from outside (SPEC §7 "saving never leaves a partly written file behind",
// §10 exit 3): every command that writes a file (status, cleanup, impact, graph, apply, generate,
// import-akn) goes through the one atomic writer, so a target in a missing directory, under
// /proc, or an existing target that is not a regular file (/dev/full, a directory, a FIFO) is
// refused with exit 3 and left as it was; and a CLI killed with SIGKILL while it writes a large
// corpus leaves the old file (or none) and no temporary file. The writer's own steps, each made to
// fail, are tested inside (tests/atomic_file_test.cpp); errors that are not I/O (out of memory)
// are exit 4 with a message, never a crash.
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <sys/wait.h>

namespace normdoc {
namespace {

namespace fs = std::filesystem;
using test::read_text;
using test::scratch_dir;
using Clock = std::chrono::steady_clock;

#ifdef NORMDOC_CLI

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool k_sanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr bool k_sanitized = true;
#else
constexpr bool k_sanitized = false;
#endif
#else
constexpr bool k_sanitized = false;
#endif

using test::CliOptions;
using test::CliRun;
using test::finish_cli;
using test::start_cli;
using test::time_limit;
using test::write_file;

std::vector<std::string> listing(const std::string& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

const std::string k_corpus =
    "<corpus xmlns=\"urn:normdoc:corpus:1\">\n"
    "  <authorities><authority id=\"gov\" name=\"江阴市人民政府\" kind=\"government\"/></authorities>\n"
    "  <documents>\n"
    "    <document id=\"law\" kind=\"law\"><title>法</title><issuer ref=\"gov\"/><dates published=\"2015-08-29\"/></document>\n"
    "    <document id=\"d1\" kind=\"normative\"><title>办法</title><issuer ref=\"gov\"/><dates published=\"2010-01-01\"/>"
    "<relations><based-on ref=\"law\"/></relations></document>\n"
    "  </documents>\n"
    "</corpus>\n";
const std::string k_plan =
    "<cleanup-plan xmlns=\"urn:normdoc:plan:1\" as-of=\"2018-11-30\">\n"
    "  <item ref=\"d1\" action=\"declare-invalid\"><finding code=\"EXPIRED\"/></item>\n"
    "</cleanup-plan>\n";

// The directory of a test: corpus.xml and plan.xml in `work`, where the CLI runs, and its
// stdout/stderr in `io` (kept apart, so that a listing of `work` shows only what the CLI left).
struct Scene {
    std::string work, io;
    explicit Scene(const std::string& name) : work(scratch_dir(name)), io(scratch_dir(name + "-io")) {
        write_file(work + "/corpus.xml", k_corpus);
        write_file(work + "/plan.xml", k_plan);
    }
    CliRun run(const std::vector<std::string>& args, CliOptions options = {}) const {
        options.cwd = work;
        return test::run_cli(io, args, options);
    }
};

// Every command that writes a file, with `target` as its output.
std::vector<std::vector<std::string>> writing_commands(const std::string& target) {
    return {
        {"status", "corpus.xml", "--as-of", "2018-11-30", "-o", target},
        {"cleanup", "corpus.xml", "--as-of", "2018-11-30", "--format", "xml", "-o", target},
        {"impact", "corpus.xml", "law", "--as-of", "2018-11-30", "--format", "csv", "-o", target},
        {"graph", "corpus.xml", "-o", target},
        {"apply", "corpus.xml", "plan.xml", "--id", "decision", "--number", "澄政发〔2018〕30号", "--title", "决定", "--issuer",
         "gov", "--date", "2018-11-30", "-o", target},
        {"generate", "--documents", "50", "-o", target},
    };
}

std::string command_line(const std::vector<std::string>& args) {
    std::string out;
    for (const std::string& a : args) out += (out.empty() ? "" : " ") + a;
    return out;
}

// ---- targets that cannot be written -------------------------------------------------------------

TEST(NoLostData, EveryWritingCommandWorksOnAnOrdinaryTarget) {  // the control for the tests below
    const Scene s("no-lost-data-ordinary");
    for (const auto& args : writing_commands("out.file")) {
        fs::remove(s.work + "/out.file");
        const CliRun r = s.run(args);
        EXPECT_EQ(r.code, 0) << command_line(args) << "\n" << r.err;
        EXPECT_TRUE(fs::is_regular_file(s.work + "/out.file")) << command_line(args);
        EXPECT_GT(fs::file_size(s.work + "/out.file"), 0u) << command_line(args);
        EXPECT_EQ(listing(s.work), (std::vector<std::string>{"corpus.xml", "out.file", "plan.xml"})) << command_line(args);
    }
}

TEST(NoLostData, ATargetInAMissingDirectoryIsExit3) {
    const Scene s("no-lost-data-missing-dir");
    for (const auto& args : writing_commands("no-such-dir/out.file")) {
        const CliRun r = s.run(args);
        EXPECT_EQ(r.code, 3) << command_line(args) << "\n" << r.err;
        EXPECT_NE(r.err.find("no-such-dir/out.file"), std::string::npos) << command_line(args) << "\n" << r.err;
        EXPECT_EQ(listing(s.work), (std::vector<std::string>{"corpus.xml", "plan.xml"})) << command_line(args);
    }
}

TEST(NoLostData, ATargetUnderProcIsExit3AndUntouched) {
    const Scene s("no-lost-data-proc");
    const std::string before = read_text("/proc/version");
    for (const std::string target : {"/proc/version", "/proc/normdoc-no-such-file"}) {
        for (const auto& args : writing_commands(target)) {
            const CliRun r = s.run(args);
            EXPECT_EQ(r.code, 3) << command_line(args) << "\n" << r.err;
            EXPECT_NE(r.err.find(target), std::string::npos) << command_line(args) << "\n" << r.err;
        }
    }
    EXPECT_EQ(read_text("/proc/version"), before);
    EXPECT_FALSE(fs::exists("/proc/normdoc-no-such-file"));
}

// CI runs as root, who could rename a file over /dev/full: the writer must refuse it before.
TEST(NoLostData, DevFullIsRefusedNeverReplaced) {
    const Scene s("no-lost-data-dev-full");
    struct stat before {};
    ASSERT_EQ(::stat("/dev/full", &before), 0);
    ASSERT_TRUE(S_ISCHR(before.st_mode));
    const std::vector<std::string> dev_before = listing("/dev");
    for (const auto& args : writing_commands("/dev/full")) {
        const CliRun r = s.run(args);
        EXPECT_EQ(r.code, 3) << command_line(args) << "\n" << r.err;
        EXPECT_NE(r.err.find("/dev/full"), std::string::npos) << command_line(args) << "\n" << r.err;
        struct stat after {};
        ASSERT_EQ(::stat("/dev/full", &after), 0);
        EXPECT_TRUE(S_ISCHR(after.st_mode)) << command_line(args) << ": /dev/full is no longer a device";
        EXPECT_EQ(after.st_rdev, before.st_rdev) << command_line(args);
        EXPECT_EQ(after.st_ino, before.st_ino) << command_line(args);
    }
    EXPECT_EQ(listing("/dev"), dev_before) << "a file was left in /dev";
}

TEST(NoLostData, AnExistingDirectoryIsRefusedAndKept) {
    const Scene s("no-lost-data-directory");
    fs::create_directory(s.work + "/target");
    write_file(s.work + "/target/keep.txt", "kept");
    for (const auto& args : writing_commands("target")) {
        const CliRun r = s.run(args);
        EXPECT_EQ(r.code, 3) << command_line(args) << "\n" << r.err;
        EXPECT_TRUE(fs::is_directory(s.work + "/target")) << command_line(args);
        EXPECT_EQ(read_text(s.work + "/target/keep.txt"), "kept") << command_line(args);
        EXPECT_EQ(listing(s.work), (std::vector<std::string>{"corpus.xml", "plan.xml", "target"})) << command_line(args);
    }
}

// A FIFO with no reader: opening it for writing would block for ever. Refused at once.
TEST(NoLostData, AnExistingFifoIsRefusedWithoutBlocking) {
    const Scene s("no-lost-data-fifo");
    ASSERT_EQ(::mkfifo((s.work + "/pipe").c_str(), 0644), 0);
    for (const auto& args : writing_commands("pipe")) {
        const CliRun r = s.run(args, time_limit(20));
        EXPECT_FALSE(r.timed_out) << command_line(args) << ": blocked on the FIFO";
        EXPECT_EQ(r.code, 3) << command_line(args) << "\n" << r.err;
        struct stat st {};
        ASSERT_EQ(::lstat((s.work + "/pipe").c_str(), &st), 0);
        EXPECT_TRUE(S_ISFIFO(st.st_mode)) << command_line(args);
    }
}

// ---- SIGKILL in the middle of a write -----------------------------------------------------------

// True once the process has a file open in `dir` (the file being written aside: an O_TMPFILE
// shows as "DIR/#NNN (deleted)", a named one as "DIR/.NAME…").
bool writing_into(pid_t pid, const std::string& dir) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator("/proc/" + std::to_string(pid) + "/fd", ec)) {
        std::error_code link_ec;
        const fs::path target = fs::read_symlink(e.path(), link_ec);
        if (!link_ec && target.string().rfind(dir + "/", 0) == 0) return true;
    }
    return false;
}

struct KillResult {
    bool killed_while_writing = false;
    bool finished = false;
};

// Starts `generate` of a large corpus into `dir`/corpus.xml, waits until it writes, lets it write
// for `delay`, and kills it with SIGKILL.
KillResult generate_and_kill(const std::string& dir, const std::string& io, std::chrono::milliseconds delay) {
    CliOptions in_dir;
    in_dir.cwd = dir;
    const test::CliChild child = start_cli(io, {"generate", "--documents", "200000", "--seed", "7", "-o", "corpus.xml"}, in_dir);
    const pid_t pid = child.pid;
    KillResult result;
    const auto start = Clock::now();
    while (!writing_into(pid, dir)) {
        int status = 0;
        if (::waitpid(pid, &status, WNOHANG) == pid) {
            result.finished = true;
            return result;
        }
        if (Clock::now() - start > std::chrono::seconds(60)) break;
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    std::this_thread::sleep_for(delay);
    result.killed_while_writing = writing_into(pid, dir);
    ::kill(pid, SIGKILL);
    const CliRun run = finish_cli(child);
    result.finished = run.code >= 0 && run.code < 128;
    return result;
}

TEST(NoLostData, SigkillWhileGeneratingALargeCorpusLeavesTheOldFileAndNoTemporary) {
    const std::string dir = scratch_dir("no-lost-data-sigkill"), io = scratch_dir("no-lost-data-sigkill-io");
    const std::string old = k_corpus;
    int killed_mid_write = 0;
    for (int delay_ms : {0, 5, 50, 200, 600}) {
        write_file(dir + "/corpus.xml", old);
        const KillResult r = generate_and_kill(dir, io, std::chrono::milliseconds(delay_ms));
        killed_mid_write += r.killed_while_writing ? 1 : 0;
        EXPECT_EQ(listing(dir), std::vector<std::string>{"corpus.xml"}) << "after a kill at " << delay_ms << " ms";
        const std::string now = read_text(dir + "/corpus.xml");
        if (r.killed_while_writing) {
            EXPECT_EQ(now, old) << "killed while writing, at " << delay_ms << " ms: the old file must be intact";
        } else {
            // It had finished (or renamed) before the kill: then the new file is complete.
            EXPECT_TRUE(now == old || (now.size() > 1000000 && now.substr(now.size() - 10) == "</corpus>\n"))
                << "at " << delay_ms << " ms: " << now.size() << " bytes";
        }
    }
    // The test means something only if most kills hit a write in progress.
    EXPECT_GE(killed_mid_write, 3);
}

TEST(NoLostData, SigkillWhileGeneratingIntoANewFileLeavesNothing) {
    const std::string dir = scratch_dir("no-lost-data-sigkill-new"), io = scratch_dir("no-lost-data-sigkill-new-io");
    const KillResult r = generate_and_kill(dir, io, std::chrono::milliseconds(20));
    ASSERT_TRUE(r.killed_while_writing);
    EXPECT_EQ(listing(dir), std::vector<std::string>{});
}

// ---- errors that are not I/O --------------------------------------------------------------------

// SPEC §10 exit 4: out of memory is a message and exit 4, never an abort. The address space of
// the CLI is limited so that reading a 200 MB corpus cannot succeed. Sanitizers reserve terabytes
// of address space and abort on allocation failure by design, so this runs in unsanitized builds
// (the `release` preset).
TEST(NoLostData, OutOfMemoryIsExit4WithAMessage) {
    if (k_sanitized) GTEST_SKIP() << "sanitizer runtimes cannot run under an address-space limit";
    const Scene s("no-lost-data-oom");
    {
        std::ofstream big(s.work + "/big.xml", std::ios::binary);
        big << "<corpus xmlns=\"urn:normdoc:corpus:1\"><documents>";
        const std::string comment = "<!--" + std::string(1 << 20, 'x') + "-->";
        for (int i = 0; i < 200; ++i) big << comment;
        big << "</documents></corpus>\n";
    }
    CliOptions o;
    o.address_space = std::uint64_t(160) << 20;
    const CliRun r = s.run({"validate", "big.xml"}, o);
    EXPECT_EQ(r.code, 4) << r.err;
    EXPECT_NE(r.err.find("out of memory"), std::string::npos) << r.err;
}

// Standard output that cannot be written (a full device) is exit 3 too, not a silent success.
TEST(NoLostData, StandardOutputToAFullDeviceIsExit3) {
    const Scene s("no-lost-data-stdout-full");
    CliOptions to_full;
    to_full.stdout_path = "/dev/full";
    const CliRun r = s.run({"status", "corpus.xml", "--as-of", "2018-11-30"}, to_full);
    ASSERT_LT(r.code, 128) << "killed by signal " << r.code - 128;
    EXPECT_EQ(r.code, 3);
}

#endif  // NORMDOC_CLI

}  // namespace
}  // namespace normdoc
