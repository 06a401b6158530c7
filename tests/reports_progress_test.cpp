// SPEC §13: work that runs longer than about a second shows its progress on standard error when
// standard error is a terminal, never otherwise, never on standard output. The terminal is a
// pseudo-terminal; NORMDOC_PROGRESS_AFTER_MS=0 makes the line appear at once instead of after a
// second, so the test need not run a second of work.
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include <chrono>

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace normdoc {
namespace {

#ifdef NORMDOC_CLI
const std::string k_example = std::string(NORMDOC_SOURCE_DIR) + "/examples/jiangyin.xml";

struct TerminalRun {
    int code = -1;
    std::string terminal;  // what was written to standard error, a terminal
    std::string out;       // standard output, a pipe
};

// Runs the CLI with standard error on a pseudo-terminal and standard output into a pipe that is
// read only once the terminal shows `wait_for` (empty: at once). A result larger than the pipe
// keeps the command writing until then, so the progress line has every chance to appear: the
// test does not depend on how fast the machine is.
TerminalRun run_on_terminal(const std::vector<std::string>& args, const char* after_ms, const std::string& wait_for) {
    TerminalRun run;
    const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || ::grantpt(master) != 0 || ::unlockpt(master) != 0) return run;
    const std::string slave_name = ::ptsname(master);
    int out_pipe[2];
    if (::pipe(out_pipe) != 0) return run;
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::setsid();
        const int slave = ::open(slave_name.c_str(), O_RDWR);
        const int in = ::open("/dev/null", O_RDONLY);
        if (slave < 0 || in < 0) ::_exit(127);
        ::dup2(in, 0);
        ::dup2(out_pipe[1], 1);
        ::dup2(slave, 2);
        ::close(out_pipe[0]);
        ::setenv("NORMDOC_PROGRESS_AFTER_MS", after_ms, 1);
        std::vector<char*> argv{const_cast<char*>(NORMDOC_CLI)};
        for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(NORMDOC_CLI, argv.data());
        ::_exit(127);
    }
    ::close(out_pipe[1]);
    bool terminal_open = true, out_open = true;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    char buffer[4096];
    while ((terminal_open || out_open) && std::chrono::steady_clock::now() < deadline) {
        const bool drain = wait_for.empty() || run.terminal.find(wait_for) != std::string::npos || !terminal_open;
        pollfd fds[2] = {{master, POLLIN, 0}, {out_pipe[0], POLLIN, 0}};
        const nfds_t n = drain && out_open ? 2 : 1;
        if (!terminal_open) fds[0].fd = -1;
        if (::poll(fds, n, 100) < 0 && errno != EINTR) break;
        if (terminal_open && (fds[0].revents & (POLLIN | POLLHUP | POLLERR))) {
            const ssize_t got = ::read(master, buffer, sizeof buffer);
            if (got > 0) run.terminal.append(buffer, static_cast<std::size_t>(got));
            else if (!(got < 0 && errno == EINTR)) terminal_open = false;  // EIO: the child's terminal is gone
        }
        if (n == 2 && (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) {
            const ssize_t got = ::read(out_pipe[0], buffer, sizeof buffer);
            if (got > 0) run.out.append(buffer, static_cast<std::size_t>(got));
            else if (!(got < 0 && errno == EINTR)) out_open = false;
        }
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    ::close(master);
    ::close(out_pipe[0]);
    run.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return run;
}

// A corpus whose status text is far larger than a pipe holds.
std::string big_corpus(const std::string& dir) {
    const auto g = test::run_cli(dir, {"generate", "--documents", "3000", "--seed", "7", "-o", "big.xml"});
    EXPECT_EQ(g.code, 0) << g.err;
    return dir + "/big.xml";
}

TEST(ReportsProgress, OnATerminalTheWorkShowsOnStandardErrorAndIsErasedAtTheEnd) {
    const std::string dir = test::scratch_dir("reports-progress-terminal");
    const std::string corpus = big_corpus(dir);
    // The result waits in the pipe until the line says it is writing (写出结果).
    const TerminalRun r = run_on_terminal({"status", corpus, "--as-of", "2018-11-30"}, "0", "写出结果");
    ASSERT_EQ(r.code, 0) << r.terminal;
    EXPECT_NE(r.terminal.find("normdoc status: 写出结果 … "), std::string::npos) << r.terminal;
    // The corpus's warnings, printed while loading, each stand on a line of their own: the line
    // was erased before them.
    std::istringstream lines(r.terminal);
    for (std::string line; std::getline(lines, line);) {
        const std::size_t erased = line.rfind("\x1b[K");
        const std::string shown = erased == std::string::npos ? line : line.substr(erased + 3);
        if (shown.find("warning:") != std::string::npos) {
            EXPECT_EQ(shown.find("normdoc status"), std::string::npos) << shown;
        }
    }
    ASSERT_GE(r.terminal.size(), 4u);
    EXPECT_EQ(r.terminal.substr(r.terminal.size() - 4), "\r\x1b[K") << "the line is erased at the end";
    // standard output holds the result and nothing else
    EXPECT_GT(r.out.size(), 65536u);
    EXPECT_EQ(r.out.find("normdoc status"), std::string::npos);
    EXPECT_EQ(r.out.find('\r'), std::string::npos);
    EXPECT_NE(r.out.find("截至 2018-11-30 共 "), std::string::npos);
}

TEST(ReportsProgress, NotATerminalNothingIsShown) {
    const std::string dir = test::scratch_dir("reports-progress-quiet");
    ::setenv("NORMDOC_PROGRESS_AFTER_MS", "0", 1);
    const auto r = test::run_cli(dir, {"cleanup", k_example, "--as-of", "2018-11-30", "--format", "csv"});
    ::unsetenv("NORMDOC_PROGRESS_AFTER_MS");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.err, "");  // standard error is a file: quiet
}

TEST(ReportsProgress, WorkShorterThanTheDelayShowsNothingEvenOnATerminal) {
    const std::string dir = test::scratch_dir("reports-progress-quick");
    // A delay of a minute: the example's status takes milliseconds, so no line is ever shown.
    const TerminalRun r = run_on_terminal({"status", k_example, "--as-of", "2018-11-30"}, "60000", "");
    ASSERT_EQ(r.code, 0) << r.terminal;
    EXPECT_EQ(r.terminal, "");
    EXPECT_NE(r.out.find("截至 2018-11-30"), std::string::npos);
}
#endif

}  // namespace
}  // namespace normdoc
