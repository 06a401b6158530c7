// Relations between documents (SPEC §2): what each kind means for its target.
#pragma once

#include "normdoc/date.hpp"
#include "normdoc/detail/corpus_data.hpp"
#include "normdoc/enum_names.hpp"
#include "normdoc/id.hpp"

#include <optional>
#include <ostream>

namespace normdoc {

// Source document → target document.
enum class RelationKind : std::uint8_t { based_on, implements, amends, repeals, supersedes, declares_invalid, extends, cites };

namespace detail {
inline constexpr std::string_view k_relation_kind_names[] = {
    "based-on", "implements", "amends", "repeals", "supersedes", "declares-invalid", "extends", "cites"};
}

constexpr std::string_view to_string(RelationKind k) noexcept { return detail::enum_name(detail::k_relation_kind_names, k); }
constexpr std::optional<RelationKind> parse_relation_kind(std::string_view s) noexcept {
    return detail::enum_parse<RelationKind>(detail::k_relation_kind_names, s);
}
inline std::ostream& operator<<(std::ostream& os, RelationKind k) { return os << to_string(k); }

// SPEC §2: based-on / implements make the source depend on the target (static, undated).
constexpr bool is_dependency(RelationKind k) noexcept {
    return k == RelationKind::based_on || k == RelationKind::implements;
}
// SPEC §2: these change the target as of their date, once their source is published.
constexpr bool is_modifying(RelationKind k) noexcept {
    return k == RelationKind::amends || k == RelationKind::repeals || k == RelationKind::supersedes ||
           k == RelationKind::declares_invalid || k == RelationKind::extends;
}
// SPEC §7: MODIFICATION_CYCLE is about these four (extends is not among them).
constexpr bool is_modification_cycle_kind(RelationKind k) noexcept {
    return k == RelationKind::amends || k == RelationKind::repeals || k == RelationKind::supersedes ||
           k == RelationKind::declares_invalid;
}
// SPEC §2: repeals and supersedes end the target as `repealed`.
constexpr bool is_repealing(RelationKind k) noexcept {
    return k == RelationKind::repeals || k == RelationKind::supersedes;
}
// SPEC §5: the relations that end their target once in effect (repealed or invalid).
constexpr bool ends_target(RelationKind k) noexcept { return is_repealing(k) || k == RelationKind::declares_invalid; }

// One relation of a loaded corpus, as a value; also the edge property of the relation graph.
struct Relation {
    DocumentId source;
    DocumentId target;
    RelationKind kind = RelationKind::cites;
    std::optional<Date> date;   // as written; absent → the source's effective date
    std::optional<Date> until;  // extends only
};

inline std::ostream& operator<<(std::ostream& os, const Relation& r) {
    os << "Relation{" << r.source << ' ' << r.kind << ' ' << r.target;
    if (r.date) os << " date=" << format_date(*r.date);
    if (r.until) os << " until=" << format_date(*r.until);
    return os << '}';
}

namespace detail {
inline Relation decode_relation(const RelationRecord& r) noexcept {
    return {r.source, r.target, static_cast<RelationKind>(r.kind), to_optional_date(r.date), to_optional_date(r.until)};
}
struct DecodeRelation {
    Relation operator()(const RelationRecord& r) const noexcept { return decode_relation(r); }
};
struct DecodeIncoming {
    const CorpusData* data = nullptr;
    Relation operator()(std::uint32_t k) const noexcept { return decode_relation(data->columns.relations[k]); }
};
}  // namespace detail

// A document's own relations (its <relations>, in order), and the relations whose target it is
// (by source, in file order).
using OutRelations = DecodedRange<detail::RelationRecord, detail::DecodeRelation>;
using InRelations = DecodedRange<std::uint32_t, detail::DecodeIncoming>;

}  // namespace normdoc
