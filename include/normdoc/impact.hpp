// Impact of a document (SPEC §10 `impact`): every document that depends on it, transitively,
// through based-on / implements, with its shortest depth (1 = a direct dependent) and its status.
// (For a breadth-first search of your own over Boost.Graph concepts: dependents_by_depth in graph.hpp.)
#pragma once

#include "normdoc/corpus.hpp"
#include "normdoc/document_status.hpp"

#include <cstdint>
#include <ostream>
#include <vector>

namespace normdoc {

// One document of an impact list.
struct ImpactEntry {
    DocumentId document;
    std::uint32_t depth = 0;  // 1 = direct dependent
    Status status = Status::draft;  // as of the day asked

    friend bool operator==(const ImpactEntry& a, const ImpactEntry& b) noexcept {
        return a.document == b.document && a.depth == b.depth && a.status == b.status;
    }
    friend std::ostream& operator<<(std::ostream& os, const ImpactEntry& e) {
        return os << "ImpactEntry{" << e.document << " depth " << e.depth << ' ' << e.status << '}';
    }
};

// SPEC §10: every document that depends on `doc` through based-on / implements, transitively,
// whatever its status; sorted by depth, then by string id (byte order). Iterative.
std::vector<ImpactEntry> impact(const Corpus& corpus, DocumentId doc, Date as_of);

}  // namespace normdoc
