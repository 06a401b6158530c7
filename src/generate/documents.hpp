// The generator's documents: document `index` of N, in generation order, built into a reused
// draft (every relation to a document made earlier), and the counts of what was made.
#pragma once

#include "generate/authority_tree.hpp"
#include "generate/rng.hpp"
#include "normdoc/draft.hpp"
#include "normdoc/generate.hpp"

#include <cstdint>
#include <memory>

namespace normdoc::detail::gen {

class DocumentMaker {
public:
    // Draws from `rng`, which the tree was drawn from first; both outlive the maker.
    DocumentMaker(std::uint64_t documents, Rng& rng, const AuthorityTree& tree);
    ~DocumentMaker();
    DocumentMaker(const DocumentMaker&) = delete;
    DocumentMaker& operator=(const DocumentMaker&) = delete;

    // Document `index` (0, 1, 2 … in turn) into `out`, whatever it held before.
    void make(std::uint32_t index, draft::Document& out);

    // The relations by kind, the trial documents and the most depended-on hub so far.
    void summarise(GenerateSummary& summary) const;

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace normdoc::detail::gen
