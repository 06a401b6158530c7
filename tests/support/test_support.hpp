// Small helpers shared by the test files.
#pragma once

#include "normdoc/date.hpp"

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <sys/types.h>

namespace normdoc::test {

// A date from YYYY-MM-DD text; aborts the test binary on a typo in a test.
Date d(std::string_view text);

// The whole content of a file; empty when it cannot be read.
std::string read_text(const std::string& path);

// Writes `content` to `path`, replacing the file.
void write_file(const std::string& path, const std::string& content);

// A fresh empty directory under the build tree for one test.
std::string scratch_dir(const std::string& name);

#ifdef NORMDOC_CLI

// The command line run as a user runs it: the built binary (NORMDOC_CLI) in a child process,
// standard input from /dev/null, standard output and error into `dir`/.stdout and `dir`/.stderr
// and read back afterwards.

struct CliRun {
    int code = -1;           // the exit code; 128 + signal when killed by one; -1 if never run
    bool timed_out = false;  // killed after CliOptions::limit_seconds
    double seconds = 0;      // wall time from start to exit
    long peak_rss_mb = 0;    // the child's peak resident memory
    std::string out;         // empty when CliOptions::stdout_path sent it elsewhere
    std::string err;
};

struct CliOptions {
    std::string cwd;                 // where the CLI runs; empty: the run's `dir`
    std::string stdout_path;         // when set, standard output goes there and is not captured
    double limit_seconds = 60;       // then the CLI is killed with SIGKILL
    std::uint64_t address_space = 0; // RLIMIT_AS of the child in bytes; 0: no limit
};

// Options with only a time limit, for `run_cli(dir, args, time_limit(120))`.
CliOptions time_limit(double seconds);

CliRun run_cli(const std::string& dir, std::vector<std::string> args, const CliOptions& options = {});

// The same in two halves, for a test that watches or kills the child while it runs.
struct CliChild {
    pid_t pid = -1;
    std::string dir;
    CliOptions options;
    std::chrono::steady_clock::time_point start;
};
CliChild start_cli(const std::string& dir, std::vector<std::string> args, const CliOptions& options = {});
// Waits for the child (killing it at the time limit) and collects what it wrote.
CliRun finish_cli(const CliChild& child);

#endif  // NORMDOC_CLI

}  // namespace normdoc::test
