// Stage 3 of the Akoma Ntoso import (SPEC §7/§9): the same work twice, the same number twice.
#include "xml/akn_importer.hpp"

#include "id_index.hpp"
#include "xml/akn_values.hpp"

#include <algorithm>

namespace normdoc::detail::akn {

void Importer::drop_duplicate_ids() {
    // SPEC §9: the same work in two files: the first on the command line is kept.
    IdIndex ids([this](std::uint32_t i) -> std::string_view { return works_[i].doc.id; });
    ids.reserve(works_.size());
    for (std::uint32_t i = 0; i < works_.size(); ++i) {
        Work& w = works_[i];
        if (!ids.insert(w.doc.id, i)) {
            const Work& first = works_[ids.find(w.doc.id)];
            warn(w.file, w.this_line, ProblemCode::duplicate_id,
                 "the work " + in_quotes(w.doc.id) + " was already imported from " + files_[first.file] + "; this file is skipped");
            continue;
        }
        kept_.push_back(i);
    }
}

void Importer::drop_duplicate_numbers() {
    // SPEC §7/§9: a number is a serial of its issuer's year: it is a duplicate only for a document
    // with a common issuer and the same publication year (or both unpublished), and is then
    // dropped from the later one.
    std::unordered_map<std::string_view, std::vector<std::uint32_t>> holders;  // number → kept_ indices
    for (std::uint32_t k = 0; k < kept_.size(); ++k) {
        Work& w = works_[kept_[k]];
        if (w.doc.number.empty()) continue;
        auto year = [this](std::uint32_t j) { return works_[kept_[j]].doc.published ? int(works_[kept_[j]].doc.published->year()) : 0; };
        std::vector<std::uint32_t>& list = holders[w.doc.number];
        const auto clash = std::find_if(list.begin(), list.end(), [&](std::uint32_t j) {
            if (year(j) != year(k)) return false;
            for (std::uint32_t a : issuers_[j])
                if (std::find(issuers_[k].begin(), issuers_[k].end(), a) != issuers_[k].end()) return true;
            return false;
        });
        if (clash != list.end()) {
            const Work& first = works_[kept_[*clash]];
            warn(w.file, w.doc.number_line, ProblemCode::duplicate_number,
                 "the number " + in_quotes(w.doc.number) + " is already used by " + in_quotes(first.doc.id) + " (" + files_[first.file] +
                     ") of the same issuer and year; it is dropped from " + in_quotes(w.doc.id));
            w.doc.number.clear();
            continue;
        }
        list.push_back(k);
    }
}

}  // namespace normdoc::detail::akn
