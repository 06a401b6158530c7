// The status of a document as of a day (SPEC §5) and its last day in force (SPEC §4).
// Pure functions of a loaded corpus: const, lock-free, safe from many threads.
#pragma once

#include "normdoc/corpus.hpp"
#include "normdoc/date.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string_view>
#include <vector>

namespace normdoc {

enum class Status : std::uint8_t { draft, pending, in_force, repealed, invalid, expired };

namespace detail {
inline constexpr std::string_view k_status_names[] = {"draft", "pending", "in-force", "repealed", "invalid", "expired"};
}
constexpr std::string_view to_string(Status s) noexcept { return detail::enum_name(detail::k_status_names, s); }
inline std::ostream& operator<<(std::ostream& os, Status s) { return os << to_string(s); }

// repealed, invalid or expired.
constexpr bool is_ended(Status s) noexcept {
    return s == Status::repealed || s == Status::invalid || s == Status::expired;
}

struct DocumentStatus {
    Status status = Status::draft;
    std::optional<Date> ended;     // the day the ending took effect (repealed/invalid/expired)
    std::optional<Date> last_day;  // SPEC §4 last day in force as of the day, extensions included
    bool amended = false;          // SPEC §5: an amendment is in effect

    friend bool operator==(const DocumentStatus& a, const DocumentStatus& b) noexcept {
        return a.status == b.status && a.ended == b.ended && a.last_day == b.last_day && a.amended == b.amended;
    }
    friend std::ostream& operator<<(std::ostream& os, const DocumentStatus& s) {
        os << s.status;
        if (s.ended) os << " since " << format_date(*s.ended);
        if (s.last_day) os << " last day " << format_date(*s.last_day);
        return os << (s.amended ? " amended" : "");
    }
};

// SPEC §2: a modifying relation has effect from its date (default: the source's effective date),
// and not before its source is published; never while either is missing.
inline std::optional<Date> effect_from(std::optional<Date> relation_date, std::optional<Date> source_published) {
    if (!relation_date || !source_published) return std::nullopt;
    return std::max(*relation_date, *source_published);
}

// SPEC §2: whether a modifying relation has effect as of `day`.
inline bool in_effect(const Corpus& corpus, const Relation& r, Date day) {
    const auto from = effect_from(corpus.relation_date(r), corpus.document(r.source).published);
    return from && *from <= day;
}

// SPEC §4: the last day of the term as written or from the profile, before any extension.
// (On fields, so the validator can apply it to a draft before defaults are resolved.)
inline std::optional<Date> base_last_day(const Profile& profile, DocumentKind kind, bool trial,
                                         std::optional<Date> effective, std::optional<Date> expires) {
    if (expires) return expires;
    if (is_normative(kind) && effective) return term_last_day(*effective, profile.term_years(trial));
    return std::nullopt;
}
inline std::optional<Date> base_last_day(const Profile& profile, const Document& doc) {
    return base_last_day(profile, doc.kind, doc.trial, doc.effective, doc.expires);
}
inline std::optional<Date> base_last_day(const Corpus& corpus, const Document& doc) {
    return base_last_day(corpus.profile(), doc);
}

namespace detail {
// The functions below by rank (Corpus::rank_of), for walks in id order.

// SPEC §5 for a document nothing modifies (dates.plain): its dates and its term decide.
inline Status plain_status(const DocumentDates& dates, Date day) noexcept {
    if (dates.published.is_special() || dates.published > day) return Status::draft;
    if (!dates.base_last_day.is_special() && dates.base_last_day < day) return Status::expired;
    return day < dates.effective ? Status::pending : Status::in_force;
}

inline std::optional<Date> last_day_in_force_at(const Corpus& corpus, std::uint32_t rank, Date day) {
    const Date base = corpus.dates_at(rank).base_last_day;
    if (base.is_special()) return std::nullopt;
    Date last = base;
    struct Extension { Date date; DocumentId source; Date until; };
    std::vector<Extension> extensions;
    const auto days = corpus.modification_days_at(rank);
    for (std::size_t k = 0; k < days.size(); ++k) {
        if (days[k].kind != RelationKind::extends || !days[k].in_effect(day)) continue;
        const Relation& r = corpus.modifications_at(rank)[k];
        if (r.until) extensions.push_back({days[k].date, r.source, *r.until});
    }
    std::sort(extensions.begin(), extensions.end(), [&corpus](const Extension& a, const Extension& b) {
        return a.date != b.date ? a.date < b.date : corpus.rank_of(a.source) < corpus.rank_of(b.source);
    });
    for (const auto& e : extensions)
        if (e.date <= last) last = e.until;  // SPEC §4: a term that has run out is not revived
    return last;
}

inline bool amended_at(const Corpus& corpus, std::uint32_t rank, Date day) {
    if (corpus.dates_at(rank).has_events) {
        const EventDays* events = corpus.event_days_at(rank);
        if (!events->amendment.is_special() && events->amendment <= day) return true;
    }
    for (const ModificationDays& m : corpus.modification_days_at(rank))
        if (m.kind == RelationKind::amends && m.in_effect(day)) return true;
    return false;
}

// Reads the corpus's per-document dates, event days and the days of the modifying relations,
// never a Document.
inline DocumentStatus status_at(const Corpus& corpus, std::uint32_t rank, Date day) {
    DocumentStatus out;
    const DocumentDates& dates = corpus.dates_at(rank);
    if (dates.plain) {
        if (!dates.base_last_day.is_special()) out.last_day = dates.base_last_day;
        out.status = plain_status(dates, day);
        if (out.status == Status::expired) out.ended = *out.last_day + boost::gregorian::days(1);
        return out;
    }
    out.last_day = last_day_in_force_at(corpus, rank, day);
    out.amended = amended_at(corpus, rank, day);
    if (dates.published.is_special() || dates.published > day) return out;  // draft

    // SPEC §5: the earliest ending wins; on a tie repealed beats invalid beats expired (the
    // enum order of Status).
    std::optional<Date> ended;
    Status ending = Status::in_force;
    auto consider = [&](Date when, Status what) {
        if (when > day) return;
        if (!ended || when < *ended || (when == *ended && what < ending)) {
            ended = when;
            ending = what;
        }
    };
    for (const ModificationDays& m : corpus.modification_days_at(rank)) {
        if (ends_target(m.kind) && m.in_effect(day)) consider(m.date, is_repealing(m.kind) ? Status::repealed : Status::invalid);
    }
    if (const EventDays* events = dates.has_events ? corpus.event_days_at(rank) : nullptr) {
        if (!events->repeal.is_special()) consider(events->repeal, Status::repealed);
        if (!events->invalidation.is_special()) consider(events->invalidation, Status::invalid);
    }
    if (out.last_day && *out.last_day < day) consider(*out.last_day + boost::gregorian::days(1), Status::expired);

    if (ended) {
        out.status = ending;
        out.ended = ended;
    } else {
        out.status = day < dates.effective ? Status::pending : Status::in_force;
    }
    return out;
}
}  // namespace detail

// SPEC §4: the last day in force as of `day`: extensions in effect taken in date order (then
// by source id), each replacing the last day only if dated on or before the one it extends.
inline std::optional<Date> last_day_in_force(const Corpus& corpus, DocumentId id, Date day) {
    return detail::last_day_in_force_at(corpus, corpus.rank_of(id), day);
}

// SPEC §5: `amended` is true when an amends relation or an amendment event is in effect.
inline bool amended_as_of(const Corpus& corpus, DocumentId id, Date day) {
    return detail::amended_at(corpus, corpus.rank_of(id), day);
}

// SPEC §5: the status as of `day`.
inline DocumentStatus status_of(const Corpus& corpus, DocumentId id, Date day) {
    return detail::status_at(corpus, corpus.rank_of(id), day);
}

}  // namespace normdoc
