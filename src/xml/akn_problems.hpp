// The problems of the Akoma Ntoso import, file by file, with the oddity a repeated warning is one
// of (condensed_problems counts them).
#pragma once

#include "normdoc/problem.hpp"

#include <string>
#include <utility>
#include <vector>

namespace normdoc::detail::akn {

// A problem, and for a warning that real files repeat by the dozen, the oddity it is one of (a
// short plural: "eventRefs without a type"), by which condensed_problems counts them.
struct Noted {
    Problem problem;
    std::string oddity;
};

// The problems of one file, with its name.
class Reporter {
public:
    Reporter(std::string file, std::vector<Noted>& out) : file_(std::move(file)), out_(out) {}
    void warning(std::size_t line, ProblemCode code, std::string message, std::string oddity = {}) {
        out_.push_back({{file_, line, Severity::warning, code, std::move(message), {}}, std::move(oddity)});
    }
    void error(std::size_t line, ProblemCode code, std::string message) {
        out_.push_back({{file_, line, Severity::error, code, std::move(message), {}}, {}});
    }
    const std::string& file() const noexcept { return file_; }

private:
    std::string file_;
    std::vector<Noted>& out_;
};

}  // namespace normdoc::detail::akn
