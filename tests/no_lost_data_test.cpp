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
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

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

struct CliRun {
    int code = -1;  // exit code, or 128 + signal
    bool timed_out = false;
    std::string out;
    std::string err;
};

// Options of one run: where the CLI runs, a limit after which it is killed, an address-space
// limit (bytes, 0 = none) set in the child before exec.
struct RunOptions {
    double limit_seconds = 60;
    rlim_t address_space = 0;
};

// Runs the CLI with stdin from /dev/null; its output and errors go to files in `io_dir` (kept
// apart from the directory under test, so that a listing of it shows only what the CLI left).
pid_t start_cli(const std::string& cwd, const std::string& io_dir, std::vector<std::string> args, const RunOptions& o = {}) {
    args.insert(args.begin(), NORMDOC_CLI);
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const std::string out_path = io_dir + "/stdout", err_path = io_dir + "/stderr";
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int in = ::open("/dev/null", O_RDONLY);
        const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (in < 0 || out < 0 || err < 0 || ::chdir(cwd.c_str()) != 0) ::_exit(127);
        ::dup2(in, 0);
        ::dup2(out, 1);
        ::dup2(err, 2);
        if (o.address_space != 0) {
            const struct rlimit limit{o.address_space, o.address_space};
            if (::setrlimit(RLIMIT_AS, &limit) != 0) ::_exit(126);
        }
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    return pid;
}

CliRun finish_cli(pid_t pid, const std::string& io_dir, const RunOptions& o = {}) {
    CliRun run;
    if (pid < 0) return run;
    const auto start = Clock::now();
    int status = 0;
    for (;;) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) break;
        if (done < 0 && errno != EINTR) return run;
        if (!run.timed_out && std::chrono::duration<double>(Clock::now() - start).count() > o.limit_seconds) {
            run.timed_out = true;
            ::kill(pid, SIGKILL);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    run.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    run.out = read_text(io_dir + "/stdout");
    run.err = read_text(io_dir + "/stderr");
    return run;
}

CliRun run_cli(const std::string& cwd, const std::string& io_dir, const std::vector<std::string>& args,
               const RunOptions& o = {}) {
    return finish_cli(start_cli(cwd, io_dir, args, o), io_dir, o);
}

void write_file(const std::string& path, const std::string& content) {
    std::ofstream(path, std::ios::binary) << content;
}

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

// The directory of a test: corpus.xml and plan.xml in `work`, the CLI's stdout/stderr in `io`.
struct Scene {
    std::string work, io;
    explicit Scene(const std::string& name) : work(scratch_dir(name)), io(scratch_dir(name + "-io")) {
        write_file(work + "/corpus.xml", k_corpus);
        write_file(work + "/plan.xml", k_plan);
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
        const CliRun r = run_cli(s.work, s.io, args);
        EXPECT_EQ(r.code, 0) << command_line(args) << "\n" << r.err;
        EXPECT_TRUE(fs::is_regular_file(s.work + "/out.file")) << command_line(args);
        EXPECT_GT(fs::file_size(s.work + "/out.file"), 0u) << command_line(args);
        EXPECT_EQ(listing(s.work), (std::vector<std::string>{"corpus.xml", "out.file", "plan.xml"})) << command_line(args);
    }
}

TEST(NoLostData, ATargetInAMissingDirectoryIsExit3) {
    const Scene s("no-lost-data-missing-dir");
    for (const auto& args : writing_commands("no-such-dir/out.file")) {
        const CliRun r = run_cli(s.work, s.io, args);
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
            const CliRun r = run_cli(s.work, s.io, args);
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
        const CliRun r = run_cli(s.work, s.io, args);
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
        const CliRun r = run_cli(s.work, s.io, args);
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
        RunOptions o;
        o.limit_seconds = 20;
        const CliRun r = run_cli(s.work, s.io, args, o);
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
    const pid_t pid = start_cli(dir, io, {"generate", "--documents", "200000", "--seed", "7", "-o", "corpus.xml"});
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
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.finished = WIFEXITED(status);
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
    RunOptions o;
    o.address_space = rlim_t(160) << 20;
    const CliRun r = run_cli(s.work, s.io, {"validate", "big.xml"}, o);
    EXPECT_EQ(r.code, 4) << r.err;
    EXPECT_NE(r.err.find("out of memory"), std::string::npos) << r.err;
}

// Standard output that cannot be written (a full device) is exit 3 too, not a silent success.
TEST(NoLostData, StandardOutputToAFullDeviceIsExit3) {
    const Scene s("no-lost-data-stdout-full");
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int full = ::open("/dev/full", O_WRONLY);
        const int devnull = ::open("/dev/null", O_WRONLY);
        if (full < 0 || devnull < 0 || ::chdir(s.work.c_str()) != 0) ::_exit(127);
        ::dup2(full, 1);
        ::dup2(devnull, 2);
        const char* argv[] = {NORMDOC_CLI, "status", "corpus.xml", "--as-of", "2018-11-30", nullptr};
        ::execv(argv[0], const_cast<char* const*>(argv));
        ::_exit(127);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status);
    EXPECT_EQ(WEXITSTATUS(status), 3);
}

#endif  // NORMDOC_CLI

}  // namespace
}  // namespace normdoc
