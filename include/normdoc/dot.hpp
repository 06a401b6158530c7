// The relation graph in Graphviz DOT (SPEC §10 `graph`): documents as nodes labelled with their
// number and a short title, filled by status as of a day; relations as edges styled by kind;
// documents grouped by issuer (a `subgraph cluster_…` per authority, labelled with its name), a
// bureau's documents laid out in rows of at most `row_width` rather than one long strip.
#pragma once

#include "normdoc/corpus.hpp"
#include "normdoc/date.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace normdoc {

struct DotOptions {
    Date as_of;                        // the day statuses are taken on
    std::optional<DocumentId> root;    // none: the whole corpus
    std::uint32_t depth = 2;           // with a root: bases and dependents this many steps away
    std::uint32_t row_width = 8;       // documents side by side in an issuer's box, at most
};

// A `digraph` of the documents (with a root: the root, its bases and its dependents up to
// `depth` steps over based-on / implements, and the documents that amend, repeal, supersede,
// declare invalid or extend the root, or that the root so changes) and every relation between
// them. Each document sits in the cluster of its first issuer; clusters come in the corpus's order
// of authorities, documents inside one in the order of 文号 (SPEC §13), and an invisible edge between
// each document and the one `row_width` places after it stacks them in rows. Edges come in byte
// order of source ids, so equal corpora give equal text.
std::string write_dot(const Corpus& corpus, const DotOptions& options);

}  // namespace normdoc
