// Stage 3 of the Akoma Ntoso import (SPEC §9): what hrefs name, the relations from active and
// passive modifications and lifecycle repeals, and the relations that would close a cycle dropped.
#include "xml/akn_importer.hpp"

#include "scc.hpp"
#include "xml/akn_values.hpp"

#include <unordered_set>

namespace normdoc::detail::akn {

Importer::Named Importer::resolve(std::string_view href, const Work& holder) const {
    href = trim(href);
    Named out;
    if (href.empty()) return out;
    if (href.front() == '#') {
        // A reference of the file (passiveRef, activeRef …) names the document; anything else
        // after a '#' is a place inside this document (SPEC §9: `#qtext_1` gives nothing).
        const auto it = holder.refs.find(std::string(href.substr(1)));
        if (it == holder.refs.end() || trim(it->second).empty() || trim(it->second).front() == '#') {
            out.local = true;
            return out;
        }
        href = trim(it->second);
    }
    // The whole href first: an id may hold a '#' of its own; else a #fragment names a part. Then
    // the same with %XX escapes decoded.
    const std::optional<std::string> decoded_href = percent_decoded(href);
    for (std::string_view h : {href, decoded_href ? std::string_view(*decoded_href) : std::string_view()}) {
        if (h.empty()) continue;
        auto it = by_key_.find(work_key(h));
        if (it != by_key_.end()) {
            out.work = it->second;
            return out;
        }
        const std::size_t hash = h.find('#');
        std::string_view base = work_key(h.substr(0, hash));
        const bool fragment = hash != std::string_view::npos && hash + 1 < h.size();
        if (!base.empty() && hash != std::string_view::npos) it = by_key_.find(base);
        // An expression URI of an imported work (…/eng@2009-01-01[/!main]): its work.
        if (it == by_key_.end()) {
            const std::size_t at = base.find('@');
            const std::size_t slash = at == std::string_view::npos ? std::string_view::npos : base.rfind('/', at);
            if (slash != std::string_view::npos && slash > 0) it = by_key_.find(base.substr(0, slash));
        }
        if (it != by_key_.end()) {
            out.work = it->second;
            out.part = fragment;
            return out;
        }
    }
    return out;
}

std::vector<Importer::Edge> Importer::resolve_relations() {
    // Every work is known by its FRBRthis and FRBRuri, without /!main; the first holder wins.
    by_key_.reserve(kept_.size() * 2);
    for (std::uint32_t k = 0; k < kept_.size(); ++k)
        for (const std::string& key : works_[kept_[k]].keys) by_key_.emplace(key, k);
    std::unordered_map<std::string_view, std::uint32_t> by_id;
    for (std::uint32_t k = 0; k < kept_.size(); ++k) by_id.emplace(works_[kept_[k]].doc.id, k);

    std::vector<Edge> edges;
    std::unordered_set<std::uint64_t> seen;  // (source, target, kind): SPEC §9 one relation each
    auto add = [&](std::uint32_t source, std::uint32_t target, RelationKind kind, std::size_t line, std::optional<Date> date) {
        if (source == target) return;  // a document modifying itself is no relation between documents
        if (works_[kept_[source]].record) return;  // SPEC §9: the record says what its document does
        const std::uint64_t key = (std::uint64_t(source) << 32 | target) * 8 + static_cast<std::uint64_t>(kind);
        if (!seen.insert(key).second) return;
        edges.push_back({source, target, kind, line, date, std::nullopt});
    };
    for (std::uint32_t k = 0; k < kept_.size(); ++k) {
        Work& w = works_[kept_[k]];
        if (w.record) {
            // The record's relations, as they are, to documents of the set.
            for (const draft::Relation& r : w.doc.relations) {
                const auto it = by_id.find(r.target.id);
                if (it == by_id.end()) {
                    warn(w.file, r.line, ProblemCode::unknown_ref,
                         "the relation " + std::string(to_string(r.kind)) + " names " + in_quotes(r.target.id) +
                             ", which is not imported; it is dropped",
                         "relations naming no imported document");
                    continue;
                }
                edges.push_back({k, it->second, r.kind, r.line, r.date, r.until});
            }
            w.doc.relations.clear();
            continue;
        }
        std::size_t passive_unknown = 0, passive_first_line = 0;
        for (const TextualMod& mod : w.mods) {
            if (!mod.type || mod.type->empty()) {
                warn(w.file, mod.line, ProblemCode::bad_value, "<textualMod> has no type; it is ignored", "textualMods without a type");
                continue;
            }
            const bool repeal = *mod.type == "repeal";
            if (mod.passive) {
                // SPEC §9: its source names the document that modifies this one; its destination
                // a part of this one (or all of it).
                bool part = false;
                for (const Href& dest : mod.destinations) {
                    const Named n = resolve(dest.href, w);
                    if (n.local || (n.work && *n.work == k && n.part)) part = true;
                }
                for (const Href& src : mod.sources) {
                    const Named n = resolve(src.href, w);
                    if (n.local) continue;
                    if (!n.work) {
                        if (passive_unknown++ == 0) passive_first_line = src.line;
                        continue;
                    }
                    add(*n.work, k, repeal && !part ? RelationKind::repeals : RelationKind::amends, src.line, std::nullopt);
                }
                continue;
            }
            for (const Href& dest : mod.destinations) {
                const Named n = resolve(dest.href, w);
                if (n.local) continue;  // SPEC §9: a destination inside the same document
                if (!n.work) {
                    warn(w.file, dest.line, ProblemCode::unknown_ref,
                         "the destination " + in_quotes(trim(dest.href)) + " names no imported document; the modification is dropped",
                         "modifications naming no imported document");
                    continue;
                }
                add(k, *n.work, repeal && !n.part ? RelationKind::repeals : RelationKind::amends, dest.line, std::nullopt);
            }
        }
        if (passive_unknown > 0)
            warn(w.file, passive_first_line, ProblemCode::unknown_ref,
                 std::to_string(passive_unknown) + (passive_unknown == 1 ? " passive modification names" : " passive modifications name") +
                     " no imported document, first at line " + std::to_string(passive_first_line) + "; dropped");
        // SPEC §9: a lifecycle repeal whose source names an imported document.
        for (const RepealSource& r : w.repeal_sources) {
            const Named n = resolve(r.href, w);
            if (n.work) add(*n.work, k, RelationKind::repeals, r.line, r.date);
        }
    }
    return edges;
}

std::vector<Importer::Edge> Importer::drop_cycles(std::vector<Edge> edges) {
    // SPEC §9: a relation that would close a modification cycle is dropped. Only edges inside a
    // strongly connected component of all the modification edges can close one, so the per-edge
    // reachability search runs on those alone (in practice: none).
    const std::size_t n = kept_.size();
    std::vector<std::uint32_t> offsets(n + 1, 0), targets;
    for (const Edge& e : edges)
        if (is_modification_cycle_kind(e.kind)) ++offsets[e.source + 1];
    for (std::size_t v = 0; v < n; ++v) offsets[v + 1] += offsets[v];
    targets.resize(offsets[n]);
    {
        std::vector<std::uint32_t> fill(offsets.begin(), offsets.end() - 1);
        for (const Edge& e : edges)
            if (is_modification_cycle_kind(e.kind)) targets[fill[e.source]++] = e.target;
    }
    const auto components = strongly_connected_components(offsets, targets);
    if (components.empty()) return edges;

    std::vector<std::uint32_t> component(n, 0xffffffffu);
    for (std::uint32_t c = 0; c < components.size(); ++c)
        for (std::uint32_t v : components[c]) component[v] = c;

    // Edges inside a component, added one by one in input order unless the target already
    // reaches the source through edges added so far.
    std::vector<std::vector<std::uint32_t>> added(n);
    std::vector<std::uint32_t> mark(n, 0), stack;
    std::uint32_t epoch = 0;
    std::vector<bool> keep(edges.size(), true);
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const Edge& e = edges[i];
        if (!is_modification_cycle_kind(e.kind)) continue;
        if (component[e.source] == 0xffffffffu || component[e.source] != component[e.target]) continue;
        ++epoch;
        bool reaches = false;
        stack.assign(1, e.target);
        mark[e.target] = epoch;
        while (!stack.empty() && !reaches) {
            const std::uint32_t v = stack.back();
            stack.pop_back();
            for (std::uint32_t next : added[v]) {
                if (next == e.source) {
                    reaches = true;
                    break;
                }
                if (mark[next] != epoch) {
                    mark[next] = epoch;
                    stack.push_back(next);
                }
            }
        }
        if (reaches) {
            keep[i] = false;
            const Work& w = works_[kept_[e.source]];
            warn(w.file, e.line, ProblemCode::modification_cycle,
                 "'" + w.doc.id + "' " + std::string(to_string(e.kind)) + " '" + works_[kept_[e.target]].doc.id +
                     "' would close a cycle of modifications; the relation is dropped");
        } else {
            added[e.source].push_back(e.target);
        }
    }
    std::vector<Edge> out;
    out.reserve(edges.size());
    for (std::size_t i = 0; i < edges.size(); ++i)
        if (keep[i]) out.push_back(edges[i]);
    return out;
}

}  // namespace normdoc::detail::akn
