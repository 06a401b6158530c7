// Validation problems (SPEC §7): file, line, severity, code, message; printed one per line as
// `FILE:LINE: error|warning: CODE: message`.
#pragma once

#include "normdoc/enum_names.hpp"
#include "normdoc/relation.hpp"

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

namespace normdoc {

enum class Severity : std::uint8_t { error, warning };

enum class ProblemCode : std::uint8_t {
    xml_syntax, missing, bad_value, bad_date, duplicate_id, duplicate_number, unknown_ref,
    self_reference, date_order, basis_cycle, modification_cycle, successor_cycle, unknown_element,
    number_year_mismatch, late_extension, not_competent,
    corrupt_snapshot, bad_version, torn_journal,  // SPEC §12: registry snapshots and their journals
};

namespace detail {
inline constexpr std::string_view k_severity_names[] = {"error", "warning"};
inline constexpr std::string_view k_problem_code_names[] = {
    "XML_SYNTAX", "MISSING", "BAD_VALUE", "BAD_DATE", "DUPLICATE_ID", "DUPLICATE_NUMBER", "UNKNOWN_REF",
    "SELF_REFERENCE", "DATE_ORDER", "BASIS_CYCLE", "MODIFICATION_CYCLE", "SUCCESSOR_CYCLE", "UNKNOWN_ELEMENT",
    "NUMBER_YEAR_MISMATCH", "LATE_EXTENSION", "NOT_COMPETENT", "CORRUPT_SNAPSHOT", "BAD_VERSION", "TORN_JOURNAL"};
}  // namespace detail

constexpr std::string_view to_string(Severity s) noexcept { return detail::enum_name(detail::k_severity_names, s); }
constexpr std::string_view to_string(ProblemCode c) noexcept { return detail::enum_name(detail::k_problem_code_names, c); }
constexpr std::optional<ProblemCode> parse_problem_code(std::string_view s) noexcept {
    return detail::enum_parse<ProblemCode>(detail::k_problem_code_names, s);
}
std::ostream& operator<<(std::ostream& os, Severity s);
std::ostream& operator<<(std::ostream& os, ProblemCode c);

// What a problem is about, by string id, so that a program can act on it without reading the
// message (the Akoma Ntoso importer gives each problem its file back; a registry change reports the
// problems of what it touched). A cycle is about its first member in file order.
enum class SubjectKind : std::uint8_t { none, profile, authority, document, relation, plan_item };

namespace detail {
inline constexpr std::string_view k_subject_kind_names[] = {"none", "profile", "authority", "document", "relation", "plan-item"};
}
constexpr std::string_view to_string(SubjectKind k) noexcept { return detail::enum_name(detail::k_subject_kind_names, k); }
std::ostream& operator<<(std::ostream& os, SubjectKind k);

struct Subject {
    SubjectKind kind = SubjectKind::none;
    std::string id;       // the authority's or document's id; a relation's source; a plan item's ref
    std::string target;   // a relation's target document id
    RelationKind relation = RelationKind::cites;  // a relation's kind

    static Subject authority(std::string_view id) { return {SubjectKind::authority, std::string(id), {}, RelationKind::cites}; }
    static Subject document(std::string_view id) { return {SubjectKind::document, std::string(id), {}, RelationKind::cites}; }
    static Subject relation_of(std::string_view source, RelationKind kind, std::string_view target) {
        return {SubjectKind::relation, std::string(source), std::string(target), kind};
    }
    static Subject plan_item(std::string_view ref) { return {SubjectKind::plan_item, std::string(ref), {}, RelationKind::cites}; }
    static Subject profile() { return {SubjectKind::profile, {}, {}, RelationKind::cites}; }

    // The document a problem about a document or a relation concerns (a relation's source), or empty.
    std::string_view document_id() const noexcept {
        return kind == SubjectKind::document || kind == SubjectKind::relation ? std::string_view(id) : std::string_view();
    }

    friend bool operator==(const Subject& a, const Subject& b) noexcept {
        return a.kind == b.kind && a.id == b.id && a.target == b.target && (a.kind != SubjectKind::relation || a.relation == b.relation);
    }
    friend bool operator!=(const Subject& a, const Subject& b) noexcept { return !(a == b); }
};

struct Problem {
    std::string file;        // empty for a corpus built in code
    std::size_t line = 0;    // 1-based; 0 when there is no source line
    Severity severity = Severity::error;
    ProblemCode code = ProblemCode::bad_value;
    std::string message;
    Subject subject;         // what it is about (kind none when the reader could not tell)

    bool is_error() const noexcept { return severity == Severity::error; }
};

// `FILE:LINE: error: CODE: message`; the parts without a value are left out.
std::ostream& operator<<(std::ostream& os, const Problem& p);
std::string to_string(const Problem& p);

bool has_errors(const std::vector<Problem>& problems) noexcept;

// SPEC §7: problems are reported in line order (stable: same line keeps discovery order).
void sort_by_line(std::vector<Problem>& problems);

}  // namespace normdoc
