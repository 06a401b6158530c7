// What the C ABI's result handles hold: the C++ result and its fields as columns (nd_*_columns).
#pragma once

#include "capi/capi.hpp"

#include "normdoc/cleanup.hpp"
#include "normdoc/document_status.hpp"
#include "normdoc/impact.hpp"

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace normdoc::capi {

// The strings of a result's rows (ids, numbers; a clean-up's deciding authorities), made on first
// use: a binding that takes ids by document index from the corpus (nd_corpus_document_ids) never
// has them copied.
struct RowStrings {
    mutable std::once_flag once;
    mutable StringColumn ids, numbers, decided_by;
};

// `documents`: the document index of each row; `deciders`: a clean-up's deciding authority per row.
inline const RowStrings& strings_of(const RowStrings& s, const Corpus& corpus, const std::vector<std::uint32_t>& documents,
                                    const std::vector<AuthorityId>* deciders = nullptr) {
    std::call_once(s.once, [&] {
        StringColumn ids, numbers, decided;
        ids.reserve(documents.size(), documents.size() * 16);
        numbers.reserve(documents.size(), documents.size() * 24);
        for (std::uint32_t d : documents) {
            const Document doc = corpus.document(DocumentId(d));
            ids.add(doc.id());
            numbers.add(doc.number());
        }
        if (deciders)
            for (AuthorityId a : *deciders) decided.add(a.valid() ? corpus.authority(a).id() : std::string_view());
        s.ids = std::move(ids);
        s.numbers = std::move(numbers);
        s.decided_by = std::move(decided);
    });
    return s;
}

struct StatusListImpl {
    explicit StatusListImpl(Corpus c) : corpus(std::move(c)) {}
    Corpus corpus;
    std::vector<DocumentStatus> statuses;  // by documents_by_id
    std::vector<std::uint32_t> documents;  // the document index of each row
    std::vector<std::int32_t> status, last_day, ended;
    std::vector<std::uint8_t> amended;
    RowStrings text;
    const RowStrings& strings() const { return strings_of(text, corpus, documents); }
};

struct CleanupImpl {
    explicit CleanupImpl(CleanupResult r) : result(std::move(r)) {}
    CleanupResult result;
    std::vector<std::uint32_t> documents;
    std::vector<AuthorityId> deciders;
    std::vector<std::int32_t> status, action;
    std::vector<std::uint32_t> first_finding, finding_count;
    std::vector<std::int32_t> finding_code, finding_action;
    std::vector<ActionCounts> summary;
    StringColumn summary_ids, summary_names;
    std::string scope;  // the scope authority's id, "" for all
    RowStrings text;
    const RowStrings& strings() const { return strings_of(text, result.corpus(), documents, &deciders); }

    // The findings' details in English: written on first use (a clean-up of a million documents
    // need not word them all when nobody reads them).
    const StringColumn& details() const {
        std::call_once(details_once_, [this] {
            StringColumn d;
            d.reserve(finding_code.size(), finding_code.size() * 32);
            for (const CleanupItem& item : result.items())
                for (const Finding& f : result.findings(item)) d.add(result.detail(item, f));
            details_ = std::move(d);
        });
        return details_;
    }

private:
    mutable std::once_flag details_once_;
    mutable StringColumn details_;
};

struct ImpactImpl {
    explicit ImpactImpl(Corpus c) : corpus(std::move(c)) {}
    Corpus corpus;
    std::vector<ImpactEntry> entries;
    std::vector<std::uint32_t> documents;
    std::vector<std::uint32_t> depth;
    std::vector<std::int32_t> status;
    RowStrings text;
    const RowStrings& strings() const { return strings_of(text, corpus, documents); }
};

}  // namespace normdoc::capi
