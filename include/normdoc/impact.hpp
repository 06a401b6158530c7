// Impact of a document (SPEC §10 `impact`): every document that depends on it, transitively,
// through based-on / implements, with its shortest depth (1 = a direct dependent) and its status.
//
// The traversal is a breadth-first search written against Boost.Graph concepts
// (BidirectionalGraph + a vertex index), so it runs on the corpus's relation graph and on users'
// own graphs alike; it keeps one depth per vertex in a flat array, like a plain BFS over arrays.
#pragma once

#include "normdoc/corpus.hpp"
#include "normdoc/graph.hpp"
#include "normdoc/status.hpp"

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <ostream>
#include <utility>
#include <vector>

namespace normdoc {

// A vertex reached by dependents_by_depth and its depth (1 = adjacent to the root).
template <class Vertex>
struct Reached {
    Vertex vertex;
    std::uint32_t depth;
};

namespace detail {
// The breadth-first search of dependents_by_depth; `depth` (one entry per vertex, by vertex
// index) is left filled in for the caller: 0 for the root, the depth of each vertex reached, and
// k_unseen elsewhere.
inline constexpr std::uint32_t k_unseen = std::numeric_limits<std::uint32_t>::max();

template <class Graph, class Follow>
std::vector<Reached<typename boost::graph_traits<Graph>::vertex_descriptor>>
dependents_by_depth(const Graph& g, typename boost::graph_traits<Graph>::vertex_descriptor root, Follow& follow,
                    std::vector<std::uint32_t>& depth) {
    using Vertex = typename boost::graph_traits<Graph>::vertex_descriptor;
    const auto index = get(boost::vertex_index, g);
    depth.assign(num_vertices(g), k_unseen);
    std::vector<Reached<Vertex>> out;
    depth[get(index, root)] = 0;
    // `out` is the queue: the vertices at position head.. are still to be expanded.
    auto expand = [&](Vertex v, std::uint32_t d) {
        auto [it, end] = in_edges(v, g);
        for (; it != end; ++it) {
            if (!follow(*it)) continue;
            const Vertex u = source(*it, g);
            std::uint32_t& du = depth[get(index, u)];
            if (du != k_unseen) continue;
            du = d + 1;
            out.push_back({u, d + 1});
        }
    };
    expand(root, 0);
    for (std::size_t head = 0; head < out.size(); ++head) expand(out[head].vertex, out[head].depth);
    return out;
}
}  // namespace detail

// Every vertex from which `root` can be reached by edges that `follow(edge)` accepts, walking the
// edges backwards (in_edges: a dependent is the source of an edge to its basis), with its shortest
// depth. In breadth-first order (depth never decreases). The root itself is not listed.
//   Graph:  BidirectionalGraph with a vertex_index property map (Boost.Graph concepts).
//   Follow: bool(edge_descriptor).
template <class Graph, class Follow>
std::vector<Reached<typename boost::graph_traits<Graph>::vertex_descriptor>>
dependents_by_depth(const Graph& g, typename boost::graph_traits<Graph>::vertex_descriptor root, Follow follow) {
    std::vector<std::uint32_t> depth;
    return detail::dependents_by_depth(g, root, follow, depth);
}

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
// whatever its status; sorted by depth, then by string id (byte order).
//
// When many documents are reached, the order comes from one walk of the corpus's id order through
// the depth array (no string comparisons); when few are, from sorting them. Statuses come from
// status_of (from the dates index for a document nothing modifies).
inline std::vector<ImpactEntry> impact(const Corpus& corpus, DocumentId doc, Date as_of) {
    // The same breadth-first search as dependents_by_depth, over the corpus's dependents index
    // (4 bytes per dependency edge, contiguous) instead of the graph's in-edges filtered by kind.
    std::vector<std::uint32_t> depth(corpus.document_count(), detail::k_unseen);
    std::vector<Reached<GraphVertex>> reached;
    depth[doc.index()] = 0;
    auto expand = [&](DocumentId v, std::uint32_t d) {
        for (const DocumentId u : corpus.dependents_of(v)) {
            std::uint32_t& du = depth[u.index()];
            if (du != detail::k_unseen) continue;
            du = d + 1;
            reached.push_back({to_vertex(u), d + 1});
        }
    };
    expand(doc, 0);
    for (std::size_t head = 0; head < reached.size(); ++head) expand(to_document(reached[head].vertex), reached[head].depth);
    std::vector<ImpactEntry> out;
    if (reached.empty()) return out;
    const std::size_t n = corpus.document_count();
    if (reached.size() * 32 >= n) {
        // Bucket by depth in id order: start[k] = where the run of depth k begins.
        std::vector<std::size_t> start(reached.back().depth + 2, 0);
        for (const auto& r : reached) ++start[r.depth + 1];
        for (std::size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
        out.resize(reached.size());
        for (DocumentId d : corpus.documents_by_id()) {
            const std::uint32_t k = depth[d.index()];
            if (k == detail::k_unseen || k == 0) continue;
            out[start[k]++] = {d, k, Status::draft};
        }
    } else {
        out.reserve(reached.size());
        for (const auto& r : reached) out.push_back({to_document(r.vertex), r.depth, Status::draft});
        // Already in depth order: sort each depth's run by id.
        for (auto first = out.begin(); first != out.end();) {
            auto last = std::find_if(first, out.end(), [&](const ImpactEntry& e) { return e.depth != first->depth; });
            std::sort(first, last, [&corpus](const ImpactEntry& a, const ImpactEntry& b) {
                return corpus.document(a.document).id < corpus.document(b.document).id;
            });
            first = last;
        }
    }
    for (ImpactEntry& e : out) e.status = status_of(corpus, e.document, as_of).status;
    return out;
}

}  // namespace normdoc
