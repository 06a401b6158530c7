// SPEC §13: work that runs longer than about a second shows its progress on standard error when
// standard error is a terminal, never otherwise, never on standard output. The terminal is a
// pseudo-terminal; NORMDOC_PROGRESS_AFTER_MS=0 makes the line appear at once instead of after a
// second, so the test need not run a second of work.
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <cstdlib>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace normdoc {
namespace {

#ifdef NORMDOC_CLI
const std::string k_example = std::string(NORMDOC_SOURCE_DIR) + "/examples/jiangyin.xml";

struct TerminalRun {
    int code = -1;
    std::string terminal;  // what was written to standard error, a terminal
    std::string out;       // standard output, a file
};

// Runs the CLI with standard error on a pseudo-terminal and standard output into `out_path`.
TerminalRun run_on_terminal(const std::vector<std::string>& args, const std::string& out_path, const char* after_ms = "0") {
    TerminalRun run;
    const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || ::grantpt(master) != 0 || ::unlockpt(master) != 0) return run;
    const std::string slave_name = ::ptsname(master);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::setsid();
        const int slave = ::open(slave_name.c_str(), O_RDWR);
        const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int in = ::open("/dev/null", O_RDONLY);
        if (slave < 0 || out < 0 || in < 0) ::_exit(127);
        ::dup2(in, 0);
        ::dup2(out, 1);
        ::dup2(slave, 2);
        ::setenv("NORMDOC_PROGRESS_AFTER_MS", after_ms, 1);
        std::vector<char*> argv{const_cast<char*>(NORMDOC_CLI)};
        for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(NORMDOC_CLI, argv.data());
        ::_exit(127);
    }
    char buffer[4096];
    while (true) {
        const ssize_t n = ::read(master, buffer, sizeof buffer);
        if (n > 0) {
            run.terminal.append(buffer, static_cast<std::size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        break;  // EIO once the child and its terminal are gone
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    ::close(master);
    run.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    run.out = test::read_text(out_path);
    return run;
}

TEST(ReportsProgress, OnATerminalTheWorkShowsOnStandardErrorAndIsErasedAtTheEnd) {
    const std::string dir = test::scratch_dir("reports-progress-terminal");
    const TerminalRun r = run_on_terminal({"cleanup", k_example, "--as-of", "2018-11-30", "--format", "csv"}, dir + "/out.csv");
    ASSERT_EQ(r.code, 0) << r.terminal;
    EXPECT_NE(r.terminal.find("normdoc cleanup: "), std::string::npos) << r.terminal;
    EXPECT_EQ(r.terminal.substr(r.terminal.size() - 4), "\r\x1b[K") << "the line is erased at the end";
    // standard output holds the result and nothing else
    EXPECT_EQ(r.out.rfind("id,number,status,action,findings\n", 0), 0u);
    EXPECT_EQ(r.out.find("normdoc cleanup"), std::string::npos);
    EXPECT_EQ(r.out.find('\r'), std::string::npos);
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
    const TerminalRun r = run_on_terminal({"status", k_example, "--as-of", "2018-11-30"}, dir + "/out.txt", "60000");
    ASSERT_EQ(r.code, 0) << r.terminal;
    EXPECT_EQ(r.terminal, "");
    EXPECT_NE(r.out.find("截至 2018-11-30"), std::string::npos);
}
#endif

}  // namespace
}  // namespace normdoc
