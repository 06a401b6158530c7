#include "test_support.hpp"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>
#include <utility>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace normdoc::test {

Date d(std::string_view text) {
    const DateParse parsed = parse_date(text);
    if (!parsed) {
        std::cerr << "bad date in a test: " << text << '\n';
        std::abort();
    }
    return *parsed.date;
}

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void write_file(const std::string& path, const std::string& content) {
    std::ofstream(path, std::ios::binary) << content;
}

std::string scratch_dir(const std::string& name) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(NORMDOC_BINARY_DIR) / "test-scratch" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir.string();
}

#ifdef NORMDOC_CLI

namespace {
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}
}  // namespace

CliOptions time_limit(double seconds) {
    CliOptions options;
    options.limit_seconds = seconds;
    return options;
}

CliChild start_cli(const std::string& dir, std::vector<std::string> args, const CliOptions& options) {
    args.insert(args.begin(), NORMDOC_CLI);
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    // Everything the child needs is ready before fork: it only opens, redirects and execs.
    const std::string out_path = options.stdout_path.empty() ? dir + "/.stdout" : options.stdout_path;
    const std::string err_path = dir + "/.stderr";
    const std::string cwd = options.cwd.empty() ? dir : options.cwd;
    const struct rlimit address_space{static_cast<rlim_t>(options.address_space), static_cast<rlim_t>(options.address_space)};

    CliChild child;
    child.dir = dir;
    child.options = options;
    child.start = Clock::now();
    child.pid = ::fork();
    if (child.pid == 0) {
        const int in = ::open("/dev/null", O_RDONLY);
        const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (in < 0 || out < 0 || err < 0 || ::chdir(cwd.c_str()) != 0) ::_exit(127);
        ::dup2(in, 0);
        ::dup2(out, 1);
        ::dup2(err, 2);
        if (options.address_space != 0 && ::setrlimit(RLIMIT_AS, &address_space) != 0) ::_exit(126);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    return child;
}

CliRun finish_cli(const CliChild& child) {
    CliRun run;
    if (child.pid < 0) return run;
    int status = 0;
    struct rusage usage {};
    for (;;) {
        const pid_t done = ::wait4(child.pid, &status, WNOHANG, &usage);
        if (done == child.pid) break;
        if (done < 0 && errno != EINTR) return run;
        if (!run.timed_out && seconds_since(child.start) > child.options.limit_seconds) {
            run.timed_out = true;
            ::kill(child.pid, SIGKILL);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    run.seconds = seconds_since(child.start);
    run.peak_rss_mb = usage.ru_maxrss / 1024;
    // SPEC §10: never a crash. A signal shows up as 128 + its number, which no test expects.
    run.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (child.options.stdout_path.empty()) run.out = read_text(child.dir + "/.stdout");
    run.err = read_text(child.dir + "/.stderr");
    return run;
}

CliRun run_cli(const std::string& dir, std::vector<std::string> args, const CliOptions& options) {
    return finish_cli(start_cli(dir, std::move(args), options));
}

#endif  // NORMDOC_CLI

}  // namespace normdoc::test
