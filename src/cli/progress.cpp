#include "progress.hpp"

#include <cstdio>
#include <string>

#include <unistd.h>

namespace normdoc::cli {

Progress::Progress(const Args& args, const report::Messages& messages)
    : messages_(messages), command_(args.command().name), start_(std::chrono::steady_clock::now()) {
    if (::isatty(STDERR_FILENO) == 1) thread_ = std::thread([this] { run(); });
}

Progress::~Progress() { stop(); }

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

void Progress::run() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stopping_) {
        wake_.wait_for(lock, std::chrono::milliseconds(250));
        if (stopping_) break;
        const auto elapsed = std::chrono::steady_clock::now() - start_;
        if (elapsed < std::chrono::seconds(1)) continue;
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(elapsed).count();
        const std::string line = "\r\x1b[Knormdoc " + command_ + ": " + stage_ + " … " +
                                 messages_.fill(report::Msg::progress_seconds, {std::to_string(seconds)});
        std::fputs(line.c_str(), stderr);
        std::fflush(stderr);
        shown_ = true;
    }
}

}  // namespace normdoc::cli
