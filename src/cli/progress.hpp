// SPEC §13: work that runs longer than about a second shows its progress on standard error when
// standard error is a terminal, never otherwise and never on standard output.
//
//   Progress progress(args, messages);   // nothing is shown during the first second
//   progress.reading(path);  … progress.working();  … progress.writing();
//
// A thread wakes once a second has passed (NORMDOC_PROGRESS_AFTER_MS milliseconds, for tests),
// then four times a second, and rewrites one line on the terminal: "normdoc cleanup: 读取 corpus.xml … 3 秒". The line is erased when the work ends.
#pragma once

#include "options.hpp"

#include "report/messages.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace normdoc::cli {

// Writes `text` to standard error; when a progress line is on the terminal it is erased first and
// not redrawn while the text is written (problems printed while loading stay readable).
void write_to_stderr(const std::string& text);

class Progress {
public:
    // Shows nothing when standard error is not a terminal.
    Progress(const Args& args, const report::Messages& messages);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    void reading(const std::string& path);
    void working();
    void writing();
    // Erases the line (before printing something else to standard error); the destructor does it too.
    void stop();

private:
    friend void write_to_stderr(const std::string& text);
    void stage(std::string text);
    void run(std::chrono::milliseconds after);

    const report::Messages& messages_;
    std::string command_;
    std::chrono::steady_clock::time_point start_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::string stage_;
    bool stopping_ = false;
    bool shown_ = false;
    std::thread thread_;
};

}  // namespace normdoc::cli
