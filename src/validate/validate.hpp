// The one validator, inside (SPEC §7): the checks find every problem of a draft and resolve its
// references; the assembly lays a draft without error out as a corpus's columns; the indexing
// derives the indexes the rules read. build_corpus (build_corpus.cpp) runs the three in turn.
#pragma once

#include "normdoc/detail/corpus_data.hpp"
#include "normdoc/draft.hpp"
#include "normdoc/problem.hpp"

#include <vector>

namespace normdoc::detail {

using CorpusVectors = CorpusColumns<std::vector>;

// What the checks resolved: every reference of the draft as an id (none where it did not resolve).
struct Resolved {
    std::vector<AuthorityId> parent, successor;       // by authority
    std::vector<std::uint32_t> issuer_offsets;        // by document, n + 1
    std::vector<AuthorityId> issuers;
    std::vector<AuthorityId> drafter;                 // by document, SPEC §1 default resolved
    std::vector<std::uint32_t> relation_offsets;      // by document, n + 1
    std::vector<DocumentId> relation_targets;         // in draft order
    // The authorities as records without their strings, and their parent forest (SPEC §2), for
    // the competence check and then for the corpus.
    std::vector<AuthorityRecord> authorities;
    std::vector<AuthorityTreeRecord> authority_tree;
    // Each legality review's `by` and each filing's `with`, in draft order.
    std::vector<AuthorityId> reviewers, filing_with;
};

// SPEC §7: every problem of `draft` appended to `problems` (not yet sorted), and what resolved.
Resolved check_draft(const draft::Corpus& draft, std::vector<Problem>& problems);

// The primary columns of a draft that has no error (text, authorities, documents and their lists,
// relations), in file order; then index_corpus derives the rest.
CorpusVectors assemble(const draft::Corpus& draft, Resolved&& resolved);

// Derives every index from the primary columns (id order, ranks, incoming relations, the status
// indexes, the number index, the parent forest): what a corpus needs beyond what a file says.
void index_corpus(const Profile& profile, CorpusVectors& columns);

// A corpus owning its columns.
std::shared_ptr<const CorpusData> own_corpus(const Profile& profile, CorpusVectors&& columns);

}  // namespace normdoc::detail
