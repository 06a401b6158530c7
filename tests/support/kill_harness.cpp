#include "kill_harness.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <thread>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace normdoc::test {

KillRun run_and_kill(const std::vector<std::string>& argv, double kill_after, const std::string& cwd,
                     const std::string& log_path) {
    using Clock = std::chrono::steady_clock;
    std::vector<std::string> args = argv;
    std::vector<char*> raw;
    for (std::string& a : args) raw.push_back(a.data());
    raw.push_back(nullptr);
    KillRun run;
    const auto start = Clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int in = ::open("/dev/null", O_RDONLY);
        const int log = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (in < 0 || log < 0 || ::chdir(cwd.c_str()) != 0) ::_exit(127);
        ::dup2(in, 0);
        ::dup2(log, 1);
        ::dup2(log, 2);
        ::execv(raw[0], raw.data());
        ::_exit(127);
    }
    if (pid < 0) return run;
    int status = 0;
    const auto deadline = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(kill_after));
    for (;;) {
        const pid_t done = ::waitpid(pid, &status, kill_after < 0 || run.killed ? 0 : WNOHANG);
        if (done == pid) break;
        if (done < 0 && errno != EINTR) break;
        if (done == 0 && Clock::now() >= deadline) {
            ::kill(pid, SIGKILL);
            run.killed = true;
            continue;
        }
        if (done == 0) std::this_thread::sleep_for(std::chrono::microseconds(50));
    }
    run.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    run.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (run.killed && WIFEXITED(status)) run.killed = false;  // it finished just before the signal
    return run;
}

KillSchedule::Kind& KillSchedule::kind(const std::string& name) {
    for (Kind& k : kinds_)
        if (k.name == name) return k;
    kinds_.push_back(Kind{name, -1});
    return kinds_.back();
}

double KillSchedule::delay(const std::string& name) {
    const Kind& k = kind(name);
    if (k.typical < 0) return -1;
    return std::uniform_real_distribution<double>(0, factor_ * k.typical)(rng_);
}

void KillSchedule::learn(const std::string& name, const KillRun& run) {
    if (run.killed) return;
    Kind& k = kind(name);
    k.typical = k.typical < 0 ? run.seconds : 0.8 * k.typical + 0.2 * run.seconds;
}

}  // namespace normdoc::test
