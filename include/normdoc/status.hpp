// The status of a document as of a day (SPEC §5) and its last day in force (SPEC §4): where a
// document's status is computed. Pure functions of a loaded corpus: const, lock-free, safe from
// many threads. (The rules by rank, for walks in id order, are in detail/status_at.hpp.)
#pragma once

#include "normdoc/corpus.hpp"
#include "normdoc/date.hpp"
#include "normdoc/detail/status_at.hpp"
#include "normdoc/document_status.hpp"
#include "normdoc/term.hpp"

#include <optional>

namespace normdoc {

// SPEC §2: whether a modifying relation has effect as of `day`.
inline bool in_effect(const Corpus& corpus, const Relation& r, Date day) {
    const auto from = effect_from(corpus.relation_date(r), corpus.document(r.source).published());
    return from && *from <= day;
}

// SPEC §4: the last day of a document's term as written or from the profile, before any extension.
inline std::optional<Date> base_last_day(const Corpus& corpus, DocumentId id) {
    const Document doc = corpus.document(id);
    return base_last_day(corpus.profile(), doc.kind(), doc.trial(), doc.effective(), doc.expires());
}

// SPEC §4: the last day in force as of `day`: extensions in effect taken in date order (then
// by source id), each replacing the last day only if dated on or before the one it extends.
inline std::optional<Date> last_day_in_force(const Corpus& corpus, DocumentId id, Date day) {
    const auto& data = detail::data_of(corpus);
    return detail::last_day_in_force_at(data, detail::rank_of(data, corpus.document(id).document_id()), detail::to_day(day));
}

// SPEC §5: `amended` is true when an amends relation or an amendment event is in effect.
inline bool amended_as_of(const Corpus& corpus, DocumentId id, Date day) {
    const auto& data = detail::data_of(corpus);
    return detail::amended_at(data, detail::rank_of(data, corpus.document(id).document_id()), detail::to_day(day));
}

// SPEC §5: the status as of `day`.
inline DocumentStatus status_of(const Corpus& corpus, DocumentId id, Date day) {
    const auto& data = detail::data_of(corpus);
    return detail::status_at(data, detail::rank_of(data, corpus.document(id).document_id()), detail::to_day(day));
}

// SPEC §6: "expired without any repeal / invalidation (relation or event) on or before D": whether
// a repeal or invalidation, by a relation in effect or an event, happened on or before `day`.
// SPEC §10 `since`: the day the status `s` of `doc` began: published for pending, effective for in
// force, the ending day for an ended document, none for a draft.
inline std::optional<Date> status_since(const Document& doc, const DocumentStatus& s) {
    switch (s.status) {
        case Status::draft: return std::nullopt;
        case Status::pending: return doc.published();
        case Status::in_force: return doc.effective();
        case Status::repealed:
        case Status::invalid:
        case Status::expired: return s.ended;
    }
    return std::nullopt;
}

inline bool formally_ended(const Corpus& corpus, DocumentId id, Date day) {
    const auto& data = detail::data_of(corpus);
    return detail::formally_ended_at(data, detail::rank_of(data, corpus.document(id).document_id()), detail::to_day(day));
}

// SPEC §6 BASIS_AMENDED: the latest amendment (an amends relation in effect, or an amendment event)
// on or before `day`; none when there is none.
inline std::optional<Date> latest_amendment(const Corpus& corpus, DocumentId id, Date day) {
    std::optional<Date> latest;
    for (const Event& e : corpus.document(id).events())
        if (e.type == EventType::amendment && e.date <= day && (!latest || e.date > *latest)) latest = e.date;
    const auto& data = detail::data_of(corpus);
    const detail::Day d = detail::to_day(day);
    for (const detail::ModificationRecord& m : detail::modifications_at(data, detail::rank_of(data, id)))
        if (static_cast<RelationKind>(m.kind) == RelationKind::amends && m.in_effect(d) &&
            (!latest || detail::to_date(m.date) > *latest))
            latest = detail::to_date(m.date);
    return latest;
}

}  // namespace normdoc
