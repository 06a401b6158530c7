// The immutable corpus: its documents, authorities and relations, and the one validator that
// makes it (build_corpus).
//
// A Corpus is made only by build_corpus from a draft (the XML reader and CorpusBuilder both make
// drafts) or by opening a registry snapshot that was compiled from one, so a Corpus always
// validated without error. It is a cheap handle to shared immutable data: copy it freely, query it
// from many threads. Document and Authority handles it gives are valid while some copy lives.
#pragma once

#include "normdoc/authority.hpp"
#include "normdoc/detail/corpus_data.hpp"
#include "normdoc/document.hpp"
#include "normdoc/problem.hpp"
#include "normdoc/profile.hpp"
#include "normdoc/relation.hpp"
#include "normdoc/span.hpp"

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc {

namespace draft {  // normdoc/draft.hpp: the corpus as read, before validation
struct Corpus;
struct Document;
struct Authority;
}  // namespace draft

class Corpus;
namespace detail {
const CorpusData& data_of(const Corpus& corpus) noexcept;
Corpus make_corpus(std::shared_ptr<const CorpusData> data) noexcept;
struct DecodeRank {
    const DocumentId* by_id = nullptr;
    DocumentId operator()(Rank r) const noexcept { return by_id[r.index()]; }
};
}  // namespace detail

// Documents given by the corpus, as DocumentIds (dependents_of).
using DocumentIds = DecodedRange<detail::Rank, detail::DecodeRank>;

class Corpus {
public:
    // An empty corpus with the default profile.
    Corpus() : data_(std::make_shared<detail::CorpusData>()) {}

    const Profile& profile() const noexcept { return data_->profile; }

    std::size_t document_count() const noexcept { return columns().documents.size(); }
    std::size_t authority_count() const noexcept { return columns().authorities.size(); }
    std::size_t relation_count() const noexcept { return columns().relations.size(); }

    // In file order.
    IdRange<DocumentId> documents() const noexcept { return IdRange<DocumentId>(document_count()); }
    IdRange<AuthorityId> authorities() const noexcept { return IdRange<AuthorityId>(authority_count()); }

    // Throws std::out_of_range for an id that is not this corpus's.
    Document document(DocumentId id) const {
        check(id.index() < document_count(), "document");
        return {data_.get(), id};
    }
    Authority authority(AuthorityId id) const {
        check(id.index() < authority_count(), "authority");
        return {data_.get(), id};
    }

    // Ids in byte order of their string ids (the order of CSV rows, SPEC §10).
    Span<DocumentId> documents_by_id() const noexcept { return columns().documents_by_id; }
    Span<AuthorityId> authorities_by_id() const noexcept { return columns().authorities_by_id; }

    std::optional<DocumentId> find_document(std::string_view id) const noexcept;
    std::optional<AuthorityId> find_authority(std::string_view id) const noexcept;
    // Every document whose number (发文字号) is exactly `number`, in byte order of their ids:
    // SPEC §10 takes a number held by exactly one document wherever it takes a document id.
    Span<DocumentId> find_by_number(std::string_view number) const noexcept;

    // The relations whose source is `d` (its own <relations>, in order), and those whose target is `d`.
    OutRelations relations_from(DocumentId d) const {
        check(d.index() < document_count(), "document");
        return {detail::CorpusData::run(columns().relations, columns().relation_offsets, d.index()), {}};
    }
    InRelations relations_to(DocumentId d) const {
        check(d.index() < document_count(), "document");
        return {detail::CorpusData::run(columns().incoming, columns().incoming_offsets, d.index()), {data_.get()}};
    }
    // The documents based on `d` or implementing it, directly (each relation once: a document with
    // two such relations to `d` appears twice), in source order.
    DocumentIds dependents_of(DocumentId d) const {
        check(d.index() < document_count(), "document");
        return {detail::dependents_at(*data_, detail::rank_of(*data_, d)), {columns().documents_by_id.data()}};
    }

    // SPEC §2: a relation's date defaults to its source's effective date (none for a draft source
    // without dates).
    std::optional<Date> relation_date(const Relation& r) const {
        return r.date ? r.date : document(r.source).effective();
    }

private:
    friend const detail::CorpusData& detail::data_of(const Corpus&) noexcept;
    friend Corpus detail::make_corpus(std::shared_ptr<const detail::CorpusData>) noexcept;
    explicit Corpus(std::shared_ptr<const detail::CorpusData> data) noexcept : data_(std::move(data)) {}

    const detail::CorpusColumns<Span>& columns() const noexcept { return data_->columns; }
    static void check(bool ok, const char* what) {
        if (!ok) throw std::out_of_range(std::string("normdoc::Corpus: no such ") + what + " in this corpus");
    }

    std::shared_ptr<const detail::CorpusData> data_;
};

namespace detail {
inline const CorpusData& data_of(const Corpus& corpus) noexcept { return *corpus.data_; }
inline Corpus make_corpus(std::shared_ptr<const CorpusData> data) noexcept { return Corpus(std::move(data)); }
}  // namespace detail

// What reading or building gives: a corpus when there is no error, and every problem found.
struct LoadResult {
    std::optional<Corpus> corpus;
    std::vector<Problem> problems;  // in line order

    bool ok() const noexcept { return corpus.has_value(); }
};

// The one validator (SPEC §7): resolves references, checks ids, numbers, dates, cycles and
// competence, and builds the corpus when no error was found. `problems` holds what an earlier
// stage (the XML reader, the builder) found already; they are merged and sorted by line.
LoadResult build_corpus(draft::Corpus draft, std::vector<Problem> problems = {});

// A draft equal to the corpus (for apply and for writing): build_corpus(to_draft(c)) == c. The
// one-element forms convert a document or an authority at a time (a writer streaming a corpus).
draft::Corpus to_draft(const Corpus& corpus);
draft::Document to_draft(const Corpus& corpus, DocumentId document);
draft::Authority to_draft(const Corpus& corpus, AuthorityId authority);

// SPEC §7's equality: the same authorities and documents with the same fields, relations and
// events, whatever their order. Returns a description of the first difference, or empty.
std::string describe_difference(const Corpus& a, const Corpus& b);
inline bool equivalent(const Corpus& a, const Corpus& b) { return describe_difference(a, b).empty(); }

}  // namespace normdoc
