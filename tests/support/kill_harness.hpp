// Kill tests (SPEC §12: "a crash or kill at any moment leaves the registry as it was before the
// command or as it is after it, never a mix"): run a command line in a child process and SIGKILL
// it after a delay, many times, with delays drawn at random over the command's own duration.
// Reusable for any writer: tests/registry_kill_helper.cpp now, `normdoc compile|add|compact`
// when the CLI has them (pass NORMDOC_CLI and its arguments).
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace normdoc::test {

struct KillRun {
    bool killed = false;  // SIGKILL was sent while it ran (it had not finished)
    int code = -1;        // its exit code when it finished by itself; 128 + signal otherwise
    double seconds = 0;   // from fork to its end
};

// Runs `argv` (argv[0] a path to an executable) with its working directory `cwd`, standard input
// from /dev/null and standard output and error appended to `log_path` (keep it out of the
// directory under test), and SIGKILLs it `kill_after` seconds after the fork if it is still
// running (a negative delay: never). Waits for it either way.
KillRun run_and_kill(const std::vector<std::string>& argv, double kill_after, const std::string& cwd,
                     const std::string& log_path);

// Random kill delays: uniform over [0, factor × the typical duration] of each kind of step,
// which it learns from runs that were not killed (the first run of each kind is never killed).
class KillSchedule {
public:
    explicit KillSchedule(std::uint64_t seed, double factor = 1.2) : rng_(seed), factor_(factor) {}
    // The delay for the next run of `kind` (negative: run it whole to learn its duration).
    double delay(const std::string& kind);
    // Tells the schedule how long an unkilled run of `kind` took.
    void learn(const std::string& kind, const KillRun& run);
    std::mt19937_64& rng() noexcept { return rng_; }

private:
    struct Kind {
        std::string name;
        double typical = -1;
    };
    Kind& kind(const std::string& name);
    std::mt19937_64 rng_;
    double factor_;
    std::vector<Kind> kinds_;
};

}  // namespace normdoc::test
