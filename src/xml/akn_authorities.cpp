// Stage 3 of the Akoma Ntoso import (SPEC §9): the authorities: the records', then one per
// organization href, and `unknown`; each kept work's issuers among them.
#include "xml/akn_importer.hpp"

#include "xml/akn_values.hpp"

#include <algorithm>
#include <unordered_set>

namespace normdoc::detail::akn {

void Importer::resolve_authorities() {
    std::unordered_map<std::string, std::uint32_t> by_href, record_ids;
    std::unordered_set<std::string> taken;
    // SPEC §9: the records' authorities, with all their fields, under their own ids (the first
    // record holding an id wins); their profile, the first record's.
    // In the exported corpus's order where the records say it (export-akn's order note).
    struct Held {
        draft::Authority authority;
        std::size_t file;
        std::uint64_t position;
    };
    std::vector<Held> held;
    for (std::uint32_t k : kept_) {
        Work& w = works_[k];
        if (!w.record) continue;
        if (!profile_) profile_ = w.profile;
        for (draft::Authority& a : w.record_authorities) {
            if (!taken.insert(a.id).second) continue;
            std::uint64_t position = ~std::uint64_t(0);
            for (const auto& [ref, p] : w.authority_positions)
                if (ref == a.id) position = p;
            held.push_back({std::move(a), w.file, position});
        }
        w.record_authorities.clear();
    }
    std::stable_sort(held.begin(), held.end(), [](const Held& a, const Held& b) { return a.position < b.position; });
    for (Held& h : held) {
        record_ids.emplace(h.authority.id, static_cast<std::uint32_t>(authorities_.size()));
        authorities_.push_back({std::move(h.authority), h.file, true});
    }
    // SPEC §9: other authorities are told apart by href; the first eId seen for an href
    // (command-line order) is the id. A later organization whose eId is taken gets a suffix.
    issuers_.assign(kept_.size(), {});
    for (std::size_t k = 0; k < kept_.size(); ++k) {
        Work& w = works_[kept_[k]];
        if (w.record) {
            for (const draft::Ref& r : w.doc.issuers)
                if (auto it = record_ids.find(r.id); it != record_ids.end()) issuers_[k].push_back(it->second);
            continue;
        }
        for (const Org& o : w.issuers) {
            auto [it, added] = by_href.emplace(o.href, static_cast<std::uint32_t>(authorities_.size()));
            if (added) {
                std::string id = o.eid;
                if (!taken.insert(id).second) {
                    for (int n = 2;; ++n)
                        if (taken.insert(o.eid + "-" + std::to_string(n)).second) {
                            id = o.eid + "-" + std::to_string(n);
                            break;
                        }
                    warn(w.file, o.line, ProblemCode::duplicate_id,
                         "the organization eId " + in_quotes(o.eid) + " already names another organization; href " + in_quotes(o.href) +
                             " is imported as authority " + in_quotes(id));
                }
                draft::Authority a;
                a.id = id;
                a.name = o.name.empty() ? o.eid : o.name;
                a.kind = AuthorityKind::other;
                a.line = o.line;
                authorities_.push_back({std::move(a), w.file, false});
            }
            if (std::find(issuers_[k].begin(), issuers_[k].end(), it->second) == issuers_[k].end())
                issuers_[k].push_back(it->second);
        }
        if (issuers_[k].empty()) {
            if (!unknown_) {
                // SPEC §9: the authority `unknown`; an organization that took the id first keeps it.
                std::string id(k_unknown_authority);
                for (int n = 2; !taken.insert(id).second; ++n) id = std::string(k_unknown_authority) + "-" + std::to_string(n);
                unknown_ = static_cast<std::uint32_t>(authorities_.size());
                draft::Authority a;
                a.id = id;
                a.name = "unknown issuer";
                a.kind = AuthorityKind::other;
                a.line = w.unknown_issuer_line;
                authorities_.push_back({std::move(a), w.file, false});
            }
            issuers_[k].push_back(*unknown_);
        }
    }
}

}  // namespace normdoc::detail::akn
