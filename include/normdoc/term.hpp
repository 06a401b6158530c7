// The SPEC facts about time that both the validator and the status rules need, in one home:
// when a modifying relation has effect (SPEC §2), the base term of a document (SPEC §4), and the
// order in which extensions apply and which of them come too late (SPEC §4).
#pragma once

#include "normdoc/date.hpp"
#include "normdoc/document.hpp"
#include "normdoc/profile.hpp"

#include <algorithm>
#include <optional>

namespace normdoc {

// SPEC §2: a modifying relation has effect from its date (default: the source's effective date),
// and not before its source is published; never while either is missing.
inline std::optional<Date> effect_from(std::optional<Date> relation_date, std::optional<Date> source_published) {
    if (!relation_date || !source_published) return std::nullopt;
    return std::max(*relation_date, *source_published);
}

// SPEC §4: the last day of the term as written or from the profile, before any extension: its own
// `expires`; else, for a normative or party-normative document, anniv(effective, N years) − 1 day
// (N = trial-years if trial, else years); else none.
inline std::optional<Date> base_last_day(const Profile& profile, DocumentKind kind, bool trial,
                                         std::optional<Date> effective, std::optional<Date> expires) {
    if (expires) return expires;
    if (is_normative(kind) && effective) return term_last_day(*effective, profile.term(trial));
    return std::nullopt;
}

// SPEC §4: the last day the profile alone would give (what TERM_TOO_LONG compares `expires` with).
inline std::optional<Date> profile_last_day(const Profile& profile, bool trial, std::optional<Date> effective) {
    if (!effective) return std::nullopt;
    return term_last_day(*effective, profile.term(trial));
}

// SPEC §4: extensions in effect are taken in date order, then by source id (`Key` orders sources
// as their ids do: the id itself, or its rank).
template <class Key>
constexpr bool extension_precedes(Date a_date, const Key& a_source, Date b_date, const Key& b_source) {
    return a_date != b_date ? a_date < b_date : a_source < b_source;
}

// SPEC §4: one extension in order: it replaces the last day with `until` only if it is dated on
// or before the last day it extends (a term that has run out is not revived). Returns whether it
// applied; `last` is updated when it did.
inline bool extend_term(Date& last, Date extension_date, Date until) {
    if (extension_date > last) return false;
    last = until;
    return true;
}

}  // namespace normdoc
