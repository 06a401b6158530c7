// Problems printed and ordered (include/normdoc/problem.hpp).
#include "normdoc/problem.hpp"

#include <algorithm>
#include <ostream>

namespace normdoc {

std::ostream& operator<<(std::ostream& os, Severity s) { return os << to_string(s); }
std::ostream& operator<<(std::ostream& os, ProblemCode c) { return os << to_string(c); }
std::ostream& operator<<(std::ostream& os, SubjectKind k) { return os << to_string(k); }

std::ostream& operator<<(std::ostream& os, const Problem& p) {
    if (!p.file.empty()) os << p.file << ':';
    if (p.line != 0) os << p.line << ':';
    if (!p.file.empty() || p.line != 0) os << ' ';
    return os << p.severity << ": " << p.code << ": " << p.message;
}

std::string to_string(const Problem& p) {
    std::string out;
    if (!p.file.empty()) out += p.file + ':';
    if (p.line != 0) out += std::to_string(p.line) + ':';
    if (!out.empty()) out += ' ';
    out += to_string(p.severity);
    out += ": ";
    out += to_string(p.code);
    out += ": ";
    out += p.message;
    return out;
}

bool has_errors(const std::vector<Problem>& problems) noexcept {
    return std::any_of(problems.begin(), problems.end(), [](const Problem& p) { return p.is_error(); });
}

// SPEC §7: problems are reported in line order (stable: same line keeps discovery order).
void sort_by_line(std::vector<Problem>& problems) {
    std::stable_sort(problems.begin(), problems.end(),
                     [](const Problem& a, const Problem& b) { return a.line < b.line; });
}

}  // namespace normdoc
