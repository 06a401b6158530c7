#include "progress.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

#include <unistd.h>

namespace normdoc::cli {

namespace {
// How long work runs before it shows progress: about a second (SPEC §13). NORMDOC_PROGRESS_AFTER_MS
// sets another delay, for the tests that watch the line appear on a terminal.
std::chrono::milliseconds delay() {
    if (const char* env = std::getenv("NORMDOC_PROGRESS_AFTER_MS"); env && *env) {
        char* end = nullptr;
        const long ms = std::strtol(env, &end, 10);
        if (end && *end == '\0' && ms >= 0) return std::chrono::milliseconds(ms);
    }
    return std::chrono::milliseconds(1000);
}
}  // namespace

// The one progress line a command shows (a command runs one Progress at a time).
std::atomic<Progress*> g_active{nullptr};

Progress::Progress(const Args& args, const report::Messages& messages)
    : messages_(messages), command_(args.command().name), start_(std::chrono::steady_clock::now()) {
    if (::isatty(STDERR_FILENO) == 1) {
        thread_ = std::thread([this, after = delay()] { run(after); });
        g_active = this;
    }
}

Progress::~Progress() {
    stop();
    Progress* self = this;
    g_active.compare_exchange_strong(self, nullptr);
}

void write_to_stderr(const std::string& text) {
    Progress* p = g_active.load();
    if (!p) {
        std::fwrite(text.data(), 1, text.size(), stderr);
        std::fflush(stderr);
        return;
    }
    std::lock_guard<std::mutex> lock(p->mutex_);
    if (p->shown_) std::fputs("\r\x1b[K", stderr);
    p->shown_ = false;
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
}

void Progress::reading(const std::string& path) { stage(messages_.fill(report::Msg::progress_reading, {path})); }
void Progress::working() { stage(std::string(messages_.text(report::Msg::progress_working))); }
void Progress::writing() { stage(std::string(messages_.text(report::Msg::progress_writing))); }

void Progress::stage(std::string text) {
    std::lock_guard<std::mutex> lock(mutex_);
    stage_ = std::move(text);
}

void Progress::stop() {
    if (!thread_.joinable()) return;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
    if (shown_) {
        // Carriage return and erase to the end of line: the terminal is left as it was.
        std::fputs("\r\x1b[K", stderr);
        std::fflush(stderr);
    }
}

void Progress::run(std::chrono::milliseconds after) {
    std::unique_lock<std::mutex> lock(mutex_);
    auto next = start_ + after;
    while (!wake_.wait_until(lock, next, [this] { return stopping_; })) {
        const auto elapsed = std::chrono::steady_clock::now() - start_;
        next = std::chrono::steady_clock::now() + std::chrono::milliseconds(250);
        if (stage_.empty()) {  // the command has not said what it does yet
            next = std::chrono::steady_clock::now() + std::chrono::milliseconds(10);
            continue;
        }
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(elapsed).count();
        const std::string line = "\r\x1b[Knormdoc " + command_ + ": " + stage_ + " … " +
                                 messages_.fill(report::Msg::progress_seconds, {std::to_string(seconds)});
        std::fputs(line.c_str(), stderr);
        std::fflush(stderr);
        shown_ = true;
    }
}

}  // namespace normdoc::cli
