// Validation problems (SPEC §7): file, line, severity, code, message; printed one per line as
// `FILE:LINE: error|warning: CODE: message`.
#pragma once

#include "normdoc/enum_names.hpp"

#include <algorithm>
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace normdoc {

enum class Severity : std::uint8_t { error, warning };

enum class ProblemCode : std::uint8_t {
    xml_syntax, missing, bad_value, bad_date, duplicate_id, duplicate_number, unknown_ref,
    self_reference, date_order, basis_cycle, modification_cycle, successor_cycle, unknown_element,
    number_year_mismatch, late_extension,
};

namespace detail {
inline constexpr std::string_view k_severity_names[] = {"error", "warning"};
inline constexpr std::string_view k_problem_code_names[] = {
    "XML_SYNTAX", "MISSING", "BAD_VALUE", "BAD_DATE", "DUPLICATE_ID", "DUPLICATE_NUMBER", "UNKNOWN_REF",
    "SELF_REFERENCE", "DATE_ORDER", "BASIS_CYCLE", "MODIFICATION_CYCLE", "SUCCESSOR_CYCLE", "UNKNOWN_ELEMENT",
    "NUMBER_YEAR_MISMATCH", "LATE_EXTENSION"};
}  // namespace detail

constexpr std::string_view to_string(Severity s) noexcept { return detail::enum_name(detail::k_severity_names, s); }
constexpr std::string_view to_string(ProblemCode c) noexcept { return detail::enum_name(detail::k_problem_code_names, c); }
constexpr std::optional<ProblemCode> parse_problem_code(std::string_view s) noexcept {
    return detail::enum_parse<ProblemCode>(detail::k_problem_code_names, s);
}
inline std::ostream& operator<<(std::ostream& os, Severity s) { return os << to_string(s); }
inline std::ostream& operator<<(std::ostream& os, ProblemCode c) { return os << to_string(c); }

struct Problem {
    std::string file;        // empty for a corpus built in code
    std::size_t line = 0;    // 1-based; 0 when there is no source line
    Severity severity = Severity::error;
    ProblemCode code = ProblemCode::bad_value;
    std::string message;

    bool is_error() const noexcept { return severity == Severity::error; }
};

// `FILE:LINE: error: CODE: message`; the parts without a value are left out.
inline std::ostream& operator<<(std::ostream& os, const Problem& p) {
    if (!p.file.empty()) os << p.file << ':';
    if (p.line != 0) os << p.line << ':';
    if (!p.file.empty() || p.line != 0) os << ' ';
    return os << p.severity << ": " << p.code << ": " << p.message;
}

inline std::string to_string(const Problem& p) {
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

inline bool has_errors(const std::vector<Problem>& problems) noexcept {
    return std::any_of(problems.begin(), problems.end(), [](const Problem& p) { return p.is_error(); });
}

// SPEC §7: problems are reported in line order (stable: same line keeps discovery order).
inline void sort_by_line(std::vector<Problem>& problems) {
    std::stable_sort(problems.begin(), problems.end(),
                     [](const Problem& a, const Problem& b) { return a.line < b.line; });
}

}  // namespace normdoc
