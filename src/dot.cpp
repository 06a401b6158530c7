// Graphviz DOT output of the relation graph (SPEC §10 `graph`).
#include "normdoc/dot.hpp"

#include "normdoc/document_order.hpp"
#include "normdoc/status.hpp"

#include <algorithm>
#include <vector>

namespace normdoc {
namespace {

// A DOT double-quoted string: quote and backslash escaped, line breaks as \n.
void append_quoted(std::string& out, std::string_view text) {
    out += '"';
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (c == '\r') continue;
        out += c;
    }
    out += '"';
}

// The first `max` characters (UTF-8 code points) of a title, and … when there were more.
std::string short_title(std::string_view title, std::size_t max = 16) {
    std::size_t count = 0, at = 0;
    while (at < title.size()) {
        if (count == max) return std::string(title.substr(0, at)) + "…";
        const auto lead = static_cast<unsigned char>(title[at]);
        at += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        ++count;
    }
    return std::string(title);
}

// Fill colours by status: green in force, blue pending, white draft, red repealed, orange
// invalid, grey expired.
const char* fill(Status s) {
    switch (s) {
        case Status::draft: return "#ffffff";
        case Status::pending: return "#ddebf7";
        case Status::in_force: return "#c6efce";
        case Status::repealed: return "#ffc7ce";
        case Status::invalid: return "#f8cbad";
        case Status::expired: return "#d9d9d9";
    }
    return "#ffffff";
}

// Edge styles by relation kind: dependencies solid, modifications coloured, citations dotted.
const char* edge_style(RelationKind k) {
    switch (k) {
        case RelationKind::based_on: return "style=solid, color=\"#000000\"";
        case RelationKind::implements: return "style=solid, color=\"#1f4e79\"";
        case RelationKind::amends: return "style=dashed, color=\"#c55a11\"";
        case RelationKind::repeals: return "style=bold, color=\"#c00000\"";
        case RelationKind::supersedes: return "style=\"bold,dashed\", color=\"#c00000\"";
        case RelationKind::declares_invalid: return "style=bold, color=\"#ed7d31\"";
        case RelationKind::extends: return "style=dotted, color=\"#548235\"";
        case RelationKind::cites: return "style=dotted, color=\"#808080\"";
    }
    return "style=solid";
}

// The root, and the documents within `depth` steps of it over dependency edges, bases one way
// and dependents the other (breadth-first, iterative).
std::vector<bool> neighbourhood(const Corpus& corpus, DocumentId root, std::uint32_t depth) {
    std::vector<bool> in(corpus.document_count(), false);
    in[root.index()] = true;
    for (const bool towards_bases : {true, false}) {
        std::vector<std::pair<DocumentId, std::uint32_t>> queue{{root, 0}};
        std::vector<bool> seen(corpus.document_count(), false);
        seen[root.index()] = true;
        for (std::size_t head = 0; head < queue.size(); ++head) {
            // Not a structured binding: C++17 does not let a lambda capture one (clang refuses).
            const DocumentId v = queue[head].first;
            const std::uint32_t dist = queue[head].second;
            if (dist == depth) continue;
            auto visit = [&](DocumentId u) {
                if (seen[u.index()]) return;
                seen[u.index()] = true;
                in[u.index()] = true;
                queue.emplace_back(u, dist + 1);
            };
            if (towards_bases) {
                for (const Relation& r : corpus.relations_from(v))
                    if (is_dependency(r.kind)) visit(r.target);
            } else {
                for (const Relation& r : corpus.relations_to(v))
                    if (is_dependency(r.kind)) visit(r.source);
            }
        }
    }
    // What amends or ends the root (and what the root amends or ends): its modifying relations
    // either way, so that the picture of a document shows what became of it.
    for (const Relation& r : corpus.relations_to(root))
        if (is_modifying(r.kind)) in[r.source.index()] = true;
    for (const Relation& r : corpus.relations_from(root))
        if (is_modifying(r.kind)) in[r.target.index()] = true;
    return in;
}

}  // namespace

namespace {

void append_node(std::string& out, const Corpus& corpus, DocumentId d, const DotOptions& options) {
    const Document doc = corpus.document(d);
    const Status s = status_of(corpus, d, options.as_of).status;
    out += "    ";
    append_quoted(out, doc.id());
    out += " [label=";
    std::string label;
    if (!doc.number().empty()) {
        label += doc.number();
        label += '\n';
    }
    label += short_title(doc.title());
    label += "\n(";
    label += to_string(s);
    label += ')';
    append_quoted(out, label);
    out += ", tooltip=";
    append_quoted(out, doc.title());
    out += ", fillcolor=\"";
    out += fill(s);
    out += '"';
    if (options.root && d == *options.root) out += ", penwidth=3";
    out += "];\n";
}

}  // namespace

std::string write_dot(const Corpus& corpus, const DotOptions& options) {
    std::vector<bool> in;
    if (options.root) in = neighbourhood(corpus, *options.root, options.depth);
    auto included = [&](DocumentId d) { return in.empty() || in[d.index()]; };

    // The documents shown, by first issuer, each issuer's in the order of 文号.
    std::vector<DocumentId> shown;
    for (DocumentId d : corpus.documents_by_id())
        if (included(d)) shown.push_back(d);
    shown = in_document_order(corpus, std::move(shown));

    std::string out;
    out += "digraph normdoc {\n";
    out += "  graph [rankdir=BT, newrank=true, label=";
    append_quoted(out, "as of " + format_date(options.as_of));
    out += ", labelloc=t, fontname=\"Noto Sans CJK SC\", fontsize=12];\n";
    out += "  node [shape=box, style=\"rounded,filled\", fontname=\"Noto Sans CJK SC\", fontsize=10];\n";
    out += "  edge [fontname=\"Noto Sans CJK SC\", fontsize=8];\n";
    const std::uint32_t row = std::max<std::uint32_t>(1, options.row_width);
    for (std::size_t begin = 0; begin < shown.size();) {
        const AuthorityId issuer = corpus.document(shown[begin]).issuers()[0];
        std::size_t end = begin;
        while (end < shown.size() && corpus.document(shown[end]).issuers()[0] == issuer) ++end;
        const Authority a = corpus.authority(issuer);
        out += "  subgraph \"cluster_";
        out += std::to_string(issuer.index());
        out += "\" {\n    graph [label=";
        append_quoted(out, a.name());
        out += ", tooltip=";
        append_quoted(out, a.id());
        // labelloc=b: rankdir=BT turns the cluster over, so its bottom is the top of the picture.
        out += ", style=\"rounded\", color=\"#7f7f7f\", labeljust=l, labelloc=b];\n";
        for (std::size_t k = begin; k < end; ++k) append_node(out, corpus, shown[k], options);
        // Rows of at most `row` documents, the first on top: with rankdir=BT an edge points up, so
        // an invisible edge from each document `row` places on to it puts that one a row lower.
        for (std::size_t k = begin; k + row < end; ++k) {
            out += "    ";
            append_quoted(out, corpus.document(shown[k + row]).id());
            out += " -> ";
            append_quoted(out, corpus.document(shown[k]).id());
            out += " [style=invis];\n";
        }
        out += "  }\n";
        begin = end;
    }
    for (DocumentId d : corpus.documents_by_id()) {
        if (!included(d)) continue;
        for (const Relation& r : corpus.relations_from(d)) {
            if (!included(r.target)) continue;
            out += "  ";
            append_quoted(out, corpus.document(r.source).id());
            out += " -> ";
            append_quoted(out, corpus.document(r.target).id());
            out += " [label=\"";
            out += to_string(r.kind);
            out += "\", ";
            out += edge_style(r.kind);
            out += "];\n";
        }
    }
    out += "}\n";
    return out;
}

}  // namespace normdoc
