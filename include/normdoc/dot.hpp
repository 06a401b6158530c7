// The relation graph in Graphviz DOT (SPEC §10 `graph`): documents as nodes labelled with their
// number and a short title, filled by status as of a day; relations as edges styled by kind.
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
};

// A `digraph` of the documents (with a root: the root, its bases and its dependents up to
// `depth` steps over based-on / implements) and every relation between them. Nodes and edges come
// in byte order of ids, so equal corpora give equal text.
std::string write_dot(const Corpus& corpus, const DotOptions& options);

}  // namespace normdoc
