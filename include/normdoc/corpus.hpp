// The immutable, indexed corpus, its one validator (build_corpus) and the builder for code.
//
// A Corpus is made only by build_corpus from a draft (the XML reader and CorpusBuilder both make
// drafts), so a Corpus always validated without error. It is a cheap handle to shared immutable
// data: copy it freely, query it from many threads.
#pragma once

#include "normdoc/authority.hpp"
#include "normdoc/document.hpp"
#include "normdoc/draft.hpp"
#include "normdoc/graph.hpp"
#include "normdoc/problem.hpp"
#include "normdoc/profile.hpp"
#include "normdoc/relation.hpp"
#include "normdoc/string_arena.hpp"

#include <boost/iterator/transform_iterator.hpp>
#include <boost/range/iterator_range.hpp>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc {

namespace detail {
// What SPEC §4/§5 need of a document when nothing modifies it (no modifying relation targets it,
// no events): then its dates and its term decide its status. Kept contiguous so that the status
// of a million documents (status of all, clean-up, impact) never touches each Document.
struct DocumentDates {
    Date published;      // not_a_date_time: none
    Date effective;      // resolved (SPEC §7)
    Date base_last_day;  // SPEC §4 before extensions; not_a_date_time: none
    bool plain = false;  // nothing modifies the document
    bool has_events = false;
};

// What status needs of a modifying relation, resolved once (SPEC §2): its kind, its date (written,
// or its source's effective date) and the first day it has effect (also on or after its source's
// publication). not_a_date_time: never (a source that is a draft).
struct ModificationDays {
    Date date;
    Date from;
    RelationKind kind = RelationKind::amends;

    bool in_effect(Date day) const noexcept { return !from.is_special() && from <= day; }
};

// The earliest day of each type among a document's events (SPEC §1; not_a_date_time: none):
// all that status needs of them, since the earliest one on or before the day decides.
struct EventDays {
    Date amendment;
    Date repeal;
    Date invalidation;
};

struct CorpusData {
    Profile profile;
    StringArena strings;
    std::vector<Authority> authorities;            // in file order
    std::vector<Document> documents;               // in file order
    std::vector<AuthorityId> authorities_by_id;    // sorted by string id (bytes)
    std::vector<DocumentId> documents_by_id;       // sorted by string id (bytes): position = rank
    std::vector<std::uint32_t> document_rank;      // by document index: its position in documents_by_id
    RelationGraph graph;
    std::size_t relation_count = 0;
    // The per-document indexes below are kept by rank (in id order), so that what is output in id
    // order (CSV rows, impact) reads them front to back instead of jumping through memory.
    //
    // The modifying relations (SPEC §2: amends, repeals, supersedes, declares-invalid, extends)
    // grouped by target: what status needs, without walking a law's thousands of dependents.
    std::vector<std::uint32_t> modification_offsets;  // document count + 1
    std::vector<Relation> modifications;
    std::vector<ModificationDays> modification_days;  // parallel to modifications
    // The ranks of the sources of based-on / implements relations, grouped by target (SPEC §10
    // impact and the clean-up's cascade walk dependents without filtering a law's other in-edges).
    std::vector<std::uint32_t> dependent_offsets;  // document count + 1
    std::vector<std::uint32_t> dependents;
    std::vector<DocumentDates> dates;
    // The documents with events, by rank (sorted), and their event days (parallel): few, so
    // looked up by binary search rather than kept for every document.
    std::vector<std::uint32_t> event_ranks;
    std::vector<EventDays> event_days;
};
}  // namespace detail

// A contiguous run of T owned by a corpus (its relations, its dependents).
template <class T>
class Span {
public:
    Span(const T* b, const T* e) noexcept : begin_(b), end_(e) {}
    const T* begin() const noexcept { return begin_; }
    const T* end() const noexcept { return end_; }
    std::size_t size() const noexcept { return static_cast<std::size_t>(end_ - begin_); }
    bool empty() const noexcept { return begin_ == end_; }
    const T& operator[](std::size_t i) const noexcept { return begin_[i]; }

private:
    const T *begin_, *end_;
};
using RelationSpan = Span<Relation>;

// A contiguous run of ids 0..n-1, for range-for.
template <class IdT>
class IdRange {
public:
    class iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = IdT;
        using difference_type = std::ptrdiff_t;
        using pointer = const IdT*;
        using reference = IdT;
        explicit iterator(std::uint32_t i = 0) : i_(i) {}
        IdT operator*() const { return IdT(i_); }
        iterator& operator++() { ++i_; return *this; }
        friend bool operator==(iterator a, iterator b) { return a.i_ == b.i_; }
        friend bool operator!=(iterator a, iterator b) { return a.i_ != b.i_; }
    private:
        std::uint32_t i_;
    };
    explicit IdRange(std::size_t n) : n_(static_cast<std::uint32_t>(n)) {}
    iterator begin() const { return iterator(0); }
    iterator end() const { return iterator(n_); }
    std::size_t size() const { return n_; }
private:
    std::uint32_t n_;
};

namespace detail {
struct DocumentAtRank {
    const DocumentId* by_id;
    DocumentId operator()(std::uint32_t rank) const noexcept { return by_id[rank]; }
};
}  // namespace detail

// Documents given by their ranks (positions in id order), as DocumentIds, for range-for.
using RankedDocuments = boost::iterator_range<boost::transform_iterator<detail::DocumentAtRank, const std::uint32_t*>>;

class Corpus {
public:
    // An empty corpus with the default profile.
    Corpus() : data_(std::make_shared<detail::CorpusData>()) {}
    explicit Corpus(std::shared_ptr<const detail::CorpusData> data) : data_(std::move(data)) {}

    const Profile& profile() const noexcept { return data_->profile; }

    std::size_t document_count() const noexcept { return data_->documents.size(); }
    std::size_t authority_count() const noexcept { return data_->authorities.size(); }
    std::size_t relation_count() const noexcept { return data_->relation_count; }

    IdRange<DocumentId> documents() const noexcept { return IdRange<DocumentId>(document_count()); }
    IdRange<AuthorityId> authorities() const noexcept { return IdRange<AuthorityId>(authority_count()); }

    const Document& document(DocumentId id) const { return data_->documents.at(id.index()); }
    const Authority& authority(AuthorityId id) const { return data_->authorities.at(id.index()); }

    // Ids in byte order of their string ids (the order of CSV rows, SPEC §10).
    const std::vector<DocumentId>& documents_by_id() const noexcept { return data_->documents_by_id; }
    const std::vector<AuthorityId>& authorities_by_id() const noexcept { return data_->authorities_by_id; }

    std::optional<DocumentId> find_document(std::string_view id) const noexcept {
        const auto& order = data_->documents_by_id;
        auto it = std::lower_bound(order.begin(), order.end(), id,
                                   [this](DocumentId d, std::string_view key) { return data_->documents[d.index()].id < key; });
        if (it == order.end() || data_->documents[it->index()].id != id) return std::nullopt;
        return *it;
    }
    std::optional<AuthorityId> find_authority(std::string_view id) const noexcept {
        const auto& order = data_->authorities_by_id;
        auto it = std::lower_bound(order.begin(), order.end(), id,
                                   [this](AuthorityId a, std::string_view key) { return data_->authorities[a.index()].id < key; });
        if (it == order.end() || data_->authorities[it->index()].id != id) return std::nullopt;
        return *it;
    }

    const RelationGraph& graph() const noexcept { return data_->graph; }
    // Relations whose source is `d` (its own <relations>), and those whose target is `d`.
    OutRelations relations_from(DocumentId d) const { return normdoc::relations_from(data_->graph, d); }
    InRelations relations_to(DocumentId d) const { return normdoc::relations_to(data_->graph, d); }
    // A document's position in documents_by_id (its rank in id order).
    std::uint32_t rank_of(DocumentId d) const { return data_->document_rank.at(d.index()); }

    // The modifying relations whose target is `d` (a subset of relations_to, in source order).
    RelationSpan modifications_of(DocumentId d) const { return modifications_at(rank_of(d)); }
    // The days of each of modifications_of(d), in the same order (see detail::ModificationDays).
    Span<detail::ModificationDays> modification_days_of(DocumentId d) const { return modification_days_at(rank_of(d)); }
    // The documents based on `d` or implementing it, directly (each relation once; a document
    // with two such relations to `d` appears twice).
    RankedDocuments dependents_of(DocumentId d) const {
        const Span<std::uint32_t> ranks = dependents_at(rank_of(d));
        const detail::DocumentAtRank at{data_->documents_by_id.data()};
        return {boost::make_transform_iterator(ranks.begin(), at), boost::make_transform_iterator(ranks.end(), at)};
    }
    // A document's dates and term as status needs them (see detail::DocumentDates).
    const detail::DocumentDates& dates_of(DocumentId d) const { return dates_at(rank_of(d)); }

    // The same, by rank (0 <= rank < document_count(), unchecked): for walks in id order.
    RelationSpan modifications_at(std::uint32_t rank) const noexcept {
        return slice(data_->modifications, data_->modification_offsets, rank);
    }
    Span<detail::ModificationDays> modification_days_at(std::uint32_t rank) const noexcept {
        return slice(data_->modification_days, data_->modification_offsets, rank);
    }
    Span<std::uint32_t> dependents_at(std::uint32_t rank) const noexcept {
        return slice(data_->dependents, data_->dependent_offsets, rank);
    }
    const detail::DocumentDates& dates_at(std::uint32_t rank) const noexcept { return data_->dates[rank]; }
    // The event days of a document with events (dates_at(rank).has_events), else nullptr.
    const detail::EventDays* event_days_at(std::uint32_t rank) const noexcept {
        const auto& ranks = data_->event_ranks;
        const auto it = std::lower_bound(ranks.begin(), ranks.end(), rank);
        if (it == ranks.end() || *it != rank) return nullptr;
        return &data_->event_days[static_cast<std::size_t>(it - ranks.begin())];
    }

    // SPEC §2: a relation's date defaults to its source's effective date (none for a draft
    // source without dates).
    std::optional<Date> relation_date(const Relation& r) const {
        return r.date ? r.date : document(r.source).effective;
    }

private:
    template <class T>
    static Span<T> slice(const std::vector<T>& items, const std::vector<std::uint32_t>& offsets, std::uint32_t rank) noexcept {
        return {items.data() + offsets[rank], items.data() + offsets[rank + 1]};
    }

    std::shared_ptr<const detail::CorpusData> data_;
};

// What reading or building gives: a corpus when there is no error, and every problem found.
struct LoadResult {
    std::optional<Corpus> corpus;
    std::vector<Problem> problems;  // in line order

    bool ok() const noexcept { return corpus.has_value(); }
};

// The one validator (SPEC §7): resolves references, checks ids, numbers, dates and cycles, and
// builds the indexed corpus when no error was found. `problems` holds what an earlier stage (the
// XML reader, the builder) found already; they are merged and sorted by line.
LoadResult build_corpus(draft::Corpus draft, std::vector<Problem> problems = {});

// A draft equal to the corpus (for apply and for writing): build_corpus(to_draft(c)) == c.
draft::Corpus to_draft(const Corpus& corpus);

// SPEC §7's equality: the same authorities and documents with the same fields, relations and
// events, whatever their order. Returns a description of the first difference, or empty.
std::string describe_difference(const Corpus& a, const Corpus& b);
inline bool equivalent(const Corpus& a, const Corpus& b) { return describe_difference(a, b).empty(); }

}  // namespace normdoc
