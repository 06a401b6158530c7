// The relation graph as a Boost.Graph, for users' own algorithms: every relation of a corpus as
// an edge of a compressed sparse row graph (read-mostly, contiguous; not adjacency_list),
// bidirectional so that dependents and modifications of a document are in_edges. Vertex v is the
// document with DocumentId(v); the edge property is the Relation itself. Built on demand (the
// corpus keeps its relations in arrays of its own): include this header only where you want it.
//
//   const RelationGraph g = build_relation_graph(corpus);
//   auto reached = dependents_by_depth(g, to_vertex(law), [&g](GraphEdge e) { return is_dependency(g[e].kind); });
#pragma once

#include "normdoc/corpus.hpp"
#include "normdoc/relation.hpp"

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>

#include <cstdint>
#include <iterator>
#include <limits>
#include <utility>
#include <vector>

namespace normdoc {

using RelationGraph = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, Relation,
                                                         boost::no_property, std::uint32_t, std::uint32_t>;
using GraphVertex = boost::graph_traits<RelationGraph>::vertex_descriptor;
using GraphEdge = boost::graph_traits<RelationGraph>::edge_descriptor;

constexpr GraphVertex to_vertex(DocumentId id) noexcept { return id.index(); }
constexpr DocumentId to_document(GraphVertex v) noexcept { return DocumentId(v); }

// The graph of `document_count` vertices from relations whose ids are below that count.
inline RelationGraph build_relation_graph(std::size_t document_count, const std::vector<Relation>& relations) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;
    ends.reserve(relations.size());
    for (const auto& r : relations) ends.emplace_back(r.source.index(), r.target.index());
    return RelationGraph(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), relations.begin(),
                         static_cast<std::uint32_t>(document_count));
}

// The graph of every relation of `corpus`; out_edges of a vertex in the order of its <relations>.
inline RelationGraph build_relation_graph(const Corpus& corpus) {
    std::vector<Relation> relations;
    relations.reserve(corpus.relation_count());
    for (const DocumentId d : corpus.documents())
        for (const Relation r : corpus.relations_from(d)) relations.push_back(r);
    return build_relation_graph(corpus.document_count(), relations);
}

// A vertex reached by dependents_by_depth and its depth (1 = adjacent to the root).
template <class Vertex>
struct Reached {
    Vertex vertex;
    std::uint32_t depth;
};

// Every vertex from which `root` can be reached by edges that `follow(edge)` accepts, walking the
// edges backwards (in_edges: a dependent is the source of an edge to its basis), with its shortest
// depth. In breadth-first order (depth never decreases). The root itself is not listed.
//   Graph:  BidirectionalGraph with a vertex_index property map (Boost.Graph concepts).
//   Follow: bool(edge_descriptor).
template <class Graph, class Follow>
std::vector<Reached<typename boost::graph_traits<Graph>::vertex_descriptor>>
dependents_by_depth(const Graph& g, typename boost::graph_traits<Graph>::vertex_descriptor root, Follow follow) {
    using Vertex = typename boost::graph_traits<Graph>::vertex_descriptor;
    constexpr std::uint32_t k_unseen = std::numeric_limits<std::uint32_t>::max();
    const auto index = get(boost::vertex_index, g);
    std::vector<std::uint32_t> depth(num_vertices(g), k_unseen);
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

}  // namespace normdoc
