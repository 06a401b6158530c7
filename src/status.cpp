// The status rules on a loaded corpus (include/normdoc/status.hpp), over the rules by rank of
// detail/status_at.hpp.
#include "normdoc/status.hpp"

#include "normdoc/detail/status_at.hpp"

namespace normdoc {

bool in_effect(const Corpus& corpus, const Relation& r, Date day) {
    const auto from = effect_from(corpus.relation_date(r), corpus.document(r.source).published());
    return from && *from <= day;
}

std::optional<Date> base_last_day(const Corpus& corpus, DocumentId id) {
    const Document doc = corpus.document(id);
    return base_last_day(corpus.profile(), doc.kind(), doc.trial(), doc.effective(), doc.expires());
}

std::optional<Date> last_day_in_force(const Corpus& corpus, DocumentId id, Date day) {
    const auto& data = detail::data_of(corpus);
    return detail::last_day_in_force_at(data, detail::rank_of(data, corpus.document(id).document_id()), detail::to_day(day));
}

bool amended_as_of(const Corpus& corpus, DocumentId id, Date day) {
    const auto& data = detail::data_of(corpus);
    return detail::amended_at(data, detail::rank_of(data, corpus.document(id).document_id()), detail::to_day(day));
}

DocumentStatus status_of(const Corpus& corpus, DocumentId id, Date day) {
    const auto& data = detail::data_of(corpus);
    return detail::status_at(data, detail::rank_of(data, corpus.document(id).document_id()), detail::to_day(day));
}

std::optional<Date> status_since(const Document& doc, const DocumentStatus& s) {
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

bool formally_ended(const Corpus& corpus, DocumentId id, Date day) {
    const auto& data = detail::data_of(corpus);
    return detail::formally_ended_at(data, detail::rank_of(data, corpus.document(id).document_id()), detail::to_day(day));
}

std::optional<Date> latest_amendment(const Corpus& corpus, DocumentId id, Date day) {
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
