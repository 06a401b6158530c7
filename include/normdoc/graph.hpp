// The relation graph: every relation of a corpus as an edge of a Boost.Graph compressed sparse
// row graph (read-mostly, contiguous; not adjacency_list), bidirectional so that dependents and
// modifications of a document are in_edges. Vertex v is the document with DocumentId(v); the edge
// property is the Relation itself. Users can run their own Boost.Graph algorithms on it.
#pragma once

#include "normdoc/relation.hpp"

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <cstdint>
#include <iterator>
#include <utility>
#include <vector>

namespace normdoc {

using RelationGraph = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, Relation,
                                                         boost::no_property, std::uint32_t, std::uint32_t>;
using GraphVertex = boost::graph_traits<RelationGraph>::vertex_descriptor;
using GraphEdge = boost::graph_traits<RelationGraph>::edge_descriptor;

constexpr GraphVertex to_vertex(DocumentId id) noexcept { return id.index(); }
constexpr DocumentId to_document(GraphVertex v) noexcept { return DocumentId(v); }

// Builds the graph of `document_count` vertices from relations whose ids are below that count.
inline RelationGraph build_relation_graph(std::size_t document_count, const std::vector<Relation>& relations) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;
    ends.reserve(relations.size());
    for (const auto& r : relations) ends.emplace_back(r.source.index(), r.target.index());
    return RelationGraph(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), relations.begin(),
                         static_cast<std::uint32_t>(document_count));
}

// A range of the relations on a run of edges (out_edges or in_edges of one vertex).
template <class EdgeIterator>
class RelationRange {
public:
    class iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = Relation;
        using difference_type = std::ptrdiff_t;
        using pointer = const Relation*;
        using reference = const Relation&;

        iterator() = default;
        iterator(EdgeIterator it, const RelationGraph* g) : it_(it), g_(g) {}
        reference operator*() const { return (*g_)[*it_]; }
        pointer operator->() const { return &(*g_)[*it_]; }
        iterator& operator++() { ++it_; return *this; }
        iterator operator++(int) { iterator old = *this; ++it_; return old; }
        friend bool operator==(const iterator& a, const iterator& b) { return a.it_ == b.it_; }
        friend bool operator!=(const iterator& a, const iterator& b) { return a.it_ != b.it_; }

    private:
        EdgeIterator it_{};
        const RelationGraph* g_ = nullptr;
    };

    RelationRange(std::pair<EdgeIterator, EdgeIterator> edges, const RelationGraph& g)
        : begin_(edges.first, &g), end_(edges.second, &g) {}
    iterator begin() const { return begin_; }
    iterator end() const { return end_; }
    bool empty() const { return begin_ == end_; }

private:
    iterator begin_, end_;
};

using OutRelations = RelationRange<boost::graph_traits<RelationGraph>::out_edge_iterator>;
using InRelations = RelationRange<boost::graph_traits<RelationGraph>::in_edge_iterator>;

inline OutRelations relations_from(const RelationGraph& g, DocumentId d) { return {boost::out_edges(to_vertex(d), g), g}; }
inline InRelations relations_to(const RelationGraph& g, DocumentId d) { return {boost::in_edges(to_vertex(d), g), g}; }

}  // namespace normdoc
