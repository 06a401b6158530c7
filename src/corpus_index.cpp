// The indexes a corpus derives from its primary columns (see validate/validate.hpp): id order and
// ranks, incoming relations, the number index, and the status indexes in id order.
#include "validate/validate.hpp"

#include "normdoc/competence.hpp"
#include "normdoc/relation.hpp"
#include "normdoc/term.hpp"

#include "sort_by_key.hpp"

#include <algorithm>
#include <future>
#include <numeric>

namespace normdoc::detail {
namespace {

std::launch launch_policy(std::size_t documents) {
    return documents >= 20000 ? std::launch::async : std::launch::deferred;
}

std::string_view text_of(const std::vector<char>& text, TextRef r) { return {text.data() + r.offset(), r.size}; }

template <class IdT, class Key>
std::vector<IdT> sorted(std::size_t n, const Key& key) {
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    sort_by_key(order, key);
    // The digits compare keys as if padded with NUL bytes: a key with NUL bytes of its own (not an
    // id, which holds no control character, but a number built in code) is put right by a plain sort.
    if (!std::is_sorted(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); }))
        std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
    std::vector<IdT> out(n);
    for (std::size_t i = 0; i < n; ++i) out[i] = IdT(order[i]);
    return out;
}

}  // namespace

void index_corpus(const Profile& profile, CorpusVectors& c) {
    const std::size_t n = c.documents.size();
    const auto& text = c.text;

    // Id order (the order of CSV rows): on the second core while the incoming relations are indexed.
    auto by_id = std::async(launch_policy(n), [&] {
        return sorted<DocumentId>(n, [&](std::uint32_t i) { return text_of(text, c.documents[i].id); });
    });

    // Incoming relations by target, in relation order (sources in file order): a counting sort.
    c.incoming_offsets.assign(n + 1, 0);
    for (const RelationRecord& r : c.relations) ++c.incoming_offsets[r.target.index() + 1];
    for (std::size_t i = 1; i <= n; ++i) c.incoming_offsets[i] += c.incoming_offsets[i - 1];
    c.incoming.resize(c.relations.size());
    {
        std::vector<std::uint32_t> next(c.incoming_offsets.begin(), c.incoming_offsets.end() - 1);
        for (std::uint32_t k = 0; k < c.relations.size(); ++k) c.incoming[next[c.relations[k].target.index()]++] = k;
    }

    c.documents_by_id = by_id.get();
    c.document_rank.assign(n, Rank());
    for (std::uint32_t r = 0; r < n; ++r) c.document_rank[c.documents_by_id[r].index()] = Rank(r);
    const auto& rank = c.document_rank;

    // Numbers (SPEC §10 lookup by 发文字号): the documents with one, by number, then id; on the
    // second core while the status indexes are made.
    auto by_number = std::async(launch_policy(n), [&] {
        std::vector<std::uint32_t> numbered;  // in id order, kept among equal numbers (stable)
        for (const DocumentId d : c.documents_by_id)
            if (c.documents[d.index()].number.size != 0) numbered.push_back(d.index());
        auto key = [&](std::uint32_t k) { return text_of(text, c.documents[numbered[k]].number); };
        std::vector<std::uint32_t> order = sorted<std::uint32_t>(numbered.size(), key);
        std::vector<DocumentId> out(order.size());
        for (std::size_t k = 0; k < order.size(); ++k) out[k] = DocumentId(numbered[order[k]]);
        return out;
    });

    // Modifying relations and dependents, each grouped by target in id order: one counting sort
    // for both (stable, so in source order per target), two passes over the relations in all.
    c.modification_offsets.assign(n + 1, 0);
    c.dependent_offsets.assign(n + 1, 0);
    for (const RelationRecord& r : c.relations) {
        const auto kind = static_cast<RelationKind>(r.kind);
        if (is_modifying(kind)) ++c.modification_offsets[rank[r.target.index()].index() + 1];
        else if (is_dependency(kind)) ++c.dependent_offsets[rank[r.target.index()].index() + 1];
    }
    for (std::size_t i = 1; i <= n; ++i) {
        c.modification_offsets[i] += c.modification_offsets[i - 1];
        c.dependent_offsets[i] += c.dependent_offsets[i - 1];
    }
    c.modifications.resize(c.modification_offsets[n]);
    c.dependents.resize(c.dependent_offsets[n]);
    {
        std::vector<std::uint32_t> next_modification(c.modification_offsets.begin(), c.modification_offsets.end() - 1);
        std::vector<std::uint32_t> next_dependent(c.dependent_offsets.begin(), c.dependent_offsets.end() - 1);
        for (const RelationRecord& r : c.relations) {
            const auto kind = static_cast<RelationKind>(r.kind);
            const std::uint32_t target = rank[r.target.index()].index();
            if (is_modifying(kind)) {
                // SPEC §2: when each modifying relation has effect, so status never visits its source.
                const DocumentRecord& source = c.documents[r.source.index()];
                const std::optional<Date> date = to_optional_date(r.date != k_no_day ? r.date : source.effective);
                ModificationRecord& m = c.modifications[next_modification[target]++];
                m.date = to_day(date);
                m.from = to_day(effect_from(date, to_optional_date(source.published)));
                m.until = r.until;
                m.source = rank[r.source.index()];
                m.kind = r.kind;
            } else if (is_dependency(kind)) {
                c.dependents[next_dependent[target]++] = rank[r.source.index()];
            }
        }
    }

    // What status needs of each document, contiguous and in id order (DocumentDates).
    c.dates.resize(n);
    c.event_ranks.clear();
    c.event_days.clear();
    for (std::uint32_t r = 0; r < n; ++r) {
        const std::size_t i = c.documents_by_id[r].index();
        const DocumentRecord& doc = c.documents[i];
        DocumentDates& dates = c.dates[r];
        dates.published = doc.published;
        dates.effective = doc.effective;
        dates.base_last_day = to_day(base_last_day(profile, static_cast<DocumentKind>(doc.kind), doc.trial != 0,
                                                   to_optional_date(doc.effective), to_optional_date(doc.expires)));
        const std::uint32_t first_event = c.event_offsets[i], end_event = c.event_offsets[i + 1];
        dates.has_events = first_event != end_event;
        dates.plain = !dates.has_events && c.modification_offsets[r] == c.modification_offsets[r + 1];
        if (!dates.has_events) continue;
        EventDays days;
        for (std::uint32_t k = first_event; k < end_event; ++k) {
            const EventRecord& e = c.events[k];
            Day& earliest = static_cast<EventType>(e.type) == EventType::amendment ? days.amendment
                            : static_cast<EventType>(e.type) == EventType::repeal  ? days.repeal
                                                                                   : days.invalidation;
            if (earliest == k_no_day || e.date < earliest) earliest = e.date;
        }
        c.event_ranks.push_back(Rank(r));
        c.event_days.push_back(days);
    }

    c.authorities_by_id = sorted<AuthorityId>(c.authorities.size(), [&](std::uint32_t i) { return text_of(text, c.authorities[i].id); });
    if (c.authority_tree.size() != c.authorities.size())
        c.authority_tree = build_authority_tree(Span<AuthorityRecord>(c.authorities.data(), c.authorities.size()));
    c.documents_by_number = by_number.get();
}

namespace {
struct OwnedCorpus {
    CorpusData data;
    CorpusVectors vectors;
};
template <class T>
Span<T> span_of(const std::vector<T>& v) { return Span<T>(v.data(), v.size()); }
}  // namespace

std::shared_ptr<const CorpusData> own_corpus(const Profile& profile, CorpusVectors&& columns) {
    auto owned = std::make_shared<OwnedCorpus>();
    owned->vectors = std::move(columns);
    owned->data.profile = profile;
    // The views, section by section, over the vectors now owned here.
    CorpusColumns<Span>::zip(owned->data.columns, owned->vectors, [](const char*, auto& view, const auto& vector) {
        view = span_of(vector);
    });
    return std::shared_ptr<const CorpusData>(owned, &owned->data);
}

}  // namespace normdoc::detail
