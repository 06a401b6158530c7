// SPEC §4/§5 by rank, over the corpus's indexes: what status.hpp's functions and the rules' walks in
// id order (status of all, clean-up, impact) call. Reads the per-document dates, the event days and
// the modifying relations' days, never a document record.
#pragma once

#include "normdoc/detail/corpus_data.hpp"
#include "normdoc/document_status.hpp"
#include "normdoc/relation.hpp"
#include "normdoc/term.hpp"

#include <algorithm>
#include <optional>
#include <vector>

namespace normdoc::detail {

// SPEC §5 for a document nothing modifies (dates.plain): its dates and its term decide.
inline Status plain_status(const DocumentDates& dates, Day day) noexcept {
    if (dates.published == k_no_day || dates.published > day) return Status::draft;
    if (dates.base_last_day != k_no_day && dates.base_last_day < day) return Status::expired;
    return day < dates.effective ? Status::pending : Status::in_force;
}

// SPEC §4: the last day in force as of `day`, extensions in effect taken in order (term.hpp).
inline std::optional<Date> last_day_in_force_at(const CorpusData& data, Rank rank, Day day) {
    const Day base = dates_at(data, rank).base_last_day;
    if (base == k_no_day) return std::nullopt;
    std::vector<const ModificationRecord*> extensions;
    for (const ModificationRecord& m : modifications_at(data, rank))
        if (static_cast<RelationKind>(m.kind) == RelationKind::extends && m.in_effect(day) && m.until != k_no_day)
            extensions.push_back(&m);
    std::sort(extensions.begin(), extensions.end(), [](const ModificationRecord* a, const ModificationRecord* b) {
        return extension_precedes(to_date(a->date), a->source.index(), to_date(b->date), b->source.index());
    });
    Date last = to_date(base);
    for (const ModificationRecord* e : extensions) extend_term(last, to_date(e->date), to_date(e->until));
    return last;
}

// SPEC §5: an amends relation or an amendment event in effect as of `day`.
inline bool amended_at(const CorpusData& data, Rank rank, Day day) {
    if (dates_at(data, rank).has_events) {
        const EventDays* events = event_days_at(data, rank);
        if (events->amendment != k_no_day && events->amendment <= day) return true;
    }
    for (const ModificationRecord& m : modifications_at(data, rank))
        if (static_cast<RelationKind>(m.kind) == RelationKind::amends && m.in_effect(day)) return true;
    return false;
}

// SPEC §5: the status as of `day`.
inline DocumentStatus status_at(const CorpusData& data, Rank rank, Day day) {
    DocumentStatus out;
    const DocumentDates& dates = dates_at(data, rank);
    if (dates.plain) {
        out.last_day = to_optional_date(dates.base_last_day);
        out.status = plain_status(dates, day);
        if (out.status == Status::expired) out.ended = *out.last_day + boost::gregorian::days(1);
        return out;
    }
    out.last_day = last_day_in_force_at(data, rank, day);
    out.amended = amended_at(data, rank, day);
    if (dates.published == k_no_day || dates.published > day) return out;  // draft

    // SPEC §5: the earliest ending wins; on a tie repealed beats invalid beats expired (the enum
    // order of Status).
    Day ended = k_no_day;
    Status ending = Status::in_force;
    auto consider = [&](Day when, Status what) {
        if (when > day) return;
        if (ended == k_no_day || when < ended || (when == ended && what < ending)) {
            ended = when;
            ending = what;
        }
    };
    for (const ModificationRecord& m : modifications_at(data, rank)) {
        const auto kind = static_cast<RelationKind>(m.kind);
        if (ends_target(kind) && m.in_effect(day)) consider(m.date, is_repealing(kind) ? Status::repealed : Status::invalid);
    }
    if (const EventDays* events = dates.has_events ? event_days_at(data, rank) : nullptr) {
        if (events->repeal != k_no_day) consider(events->repeal, Status::repealed);
        if (events->invalidation != k_no_day) consider(events->invalidation, Status::invalid);
    }
    if (out.last_day && to_day(*out.last_day) < day) consider(to_day(*out.last_day + boost::gregorian::days(1)), Status::expired);

    if (ended != k_no_day) {
        out.status = ending;
        out.ended = to_date(ended);
    } else {
        out.status = day < dates.effective ? Status::pending : Status::in_force;
    }
    return out;
}

// The status alone, without building the rest of DocumentStatus for a plain document.
inline Status status_kind_at(const CorpusData& data, Rank rank, Day day) {
    const DocumentDates& dates = dates_at(data, rank);
    return dates.plain ? plain_status(dates, day) : status_at(data, rank, day).status;
}

// SPEC §6: a repeal or invalidation (relation in effect or event) on or before `day`.
inline bool formally_ended_at(const CorpusData& data, Rank rank, Day day) {
    if (const EventDays* events = dates_at(data, rank).has_events ? event_days_at(data, rank) : nullptr) {
        for (const Day when : {events->repeal, events->invalidation})
            if (when != k_no_day && when <= day) return true;
    }
    for (const ModificationRecord& m : modifications_at(data, rank))
        if (ends_target(static_cast<RelationKind>(m.kind)) && m.in_effect(day)) return true;
    return false;
}

}  // namespace normdoc::detail
