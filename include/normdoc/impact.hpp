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
#include <memory>
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
// The search runs over the corpus's dependents index in id order (ranks), so the result comes in
// id order from one front-to-back pass over the depths, reading each document's dates and
// modifications in the same order: no string comparisons, and memory read mostly in sequence.
inline std::vector<ImpactEntry> impact(const Corpus& corpus, DocumentId doc, Date as_of) {
    const std::size_t n = corpus.document_count();
    const std::uint32_t root = corpus.rank_of(doc);
    // Seen ranks as bits (128 KB per million documents: the test on every edge stays in cache);
    // a depth is written only for a rank reached.
    std::vector<std::uint64_t> seen((n + 63) / 64, 0);
    std::unique_ptr<std::uint32_t[]> depth(new std::uint32_t[n]);
    std::vector<std::uint32_t> queue;          // ranks in breadth-first order
    std::vector<std::size_t> per_depth{0, 0};  // per_depth[k + 1]: how many at depth k
    auto expand = [&](std::uint32_t v, std::uint32_t d) {
        for (const std::uint32_t u : corpus.dependents_at(v)) {
            std::uint64_t& word = seen[u >> 6];
            const std::uint64_t bit = std::uint64_t{1} << (u & 63);
            if (word & bit) continue;
            word |= bit;
            depth[u] = d;
            queue.push_back(u);
        }
    };
    seen[root >> 6] |= std::uint64_t{1} << (root & 63);
    expand(root, 1);
    for (std::uint32_t d = 1, head = 0; head < queue.size(); ++d) {
        const std::size_t end = queue.size();
        per_depth.push_back(end - head);
        for (; head < end; ++head) expand(queue[head], d + 1);
    }
    std::vector<ImpactEntry> out(queue.size());
    if (queue.empty()) return out;
    const auto& by_id = corpus.documents_by_id();
    auto entry = [&](std::uint32_t r) {
        const detail::DocumentDates& dates = corpus.dates_at(r);
        const Status status = dates.plain ? detail::plain_status(dates, as_of) : detail::status_at(corpus, r, as_of).status;
        return ImpactEntry{by_id[r], depth[r], status};
    };
    // Each depth's run in rank order: one pass over the seen bits when many were reached, else a
    // sort of each run of the queue (already in depth order).
    if (queue.size() * 32 >= n) {
        std::vector<std::size_t>& start = per_depth;  // start[k]: where depth k begins
        for (std::size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
        for (std::size_t w = 0; w < seen.size(); ++w) {
            for (std::uint64_t bits = seen[w]; bits != 0; bits &= bits - 1) {
                const auto r = static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(__builtin_ctzll(bits)));
                if (r != root) out[start[depth[r]]++] = entry(r);
            }
        }
    } else {
        for (auto first = queue.begin(); first != queue.end();) {
            const auto last = std::find_if(first, queue.end(), [&](std::uint32_t r) { return depth[r] != depth[*first]; });
            std::sort(first, last);
            first = last;
        }
        for (std::size_t i = 0; i < queue.size(); ++i) out[i] = entry(queue[i]);
    }
    return out;
}

}  // namespace normdoc
