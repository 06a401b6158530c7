// Stage 2 of the Akoma Ntoso import (SPEC §9): one document element's FRBR work, as the corpus
// will hold it: from what the file says (make_work), or from normdoc's own record in
// meta/proprietary (read_record).
#pragma once

#include "normdoc/akn.hpp"
#include "normdoc/draft.hpp"
#include "xml/akn_problems.hpp"
#include "xml/akn_scan.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace normdoc::detail::akn {

struct RepealSource {
    std::string href;
    Date date;
    std::size_t line = 0;
};

struct Work {
    std::size_t file = 0;  // index in the input order
    draft::Document doc;   // everything but issuers and relations (all of it, from a record)
    std::size_t this_line = 0;
    std::vector<Org> issuers;             // resolved organizations, in FRBRauthor order
    std::size_t unknown_issuer_line = 0;  // non-zero: issued by `unknown`
    std::vector<std::string> keys;        // FRBRthis and FRBRuri, without /!main
    std::vector<TextualMod> mods;
    std::vector<RepealSource> repeal_sources;
    std::unordered_map<std::string, std::string> refs;  // eId → href: the document's references, then its collection's
    // SPEC §9: the normdoc record, preferred when present: the document with every field and
    // relation (doc), the authorities it names with all their fields, and the profile.
    bool record = false;
    std::vector<draft::Authority> record_authorities;
    Profile profile;
    std::optional<std::uint64_t> position;                               // in the exported corpus
    std::vector<std::pair<std::string, std::uint64_t>> authority_positions;
};

// Turns what a file says into a work. False (with the error reported) when it has no usable work
// identification.
bool make_work(const std::vector<Scan>& scans, std::uint32_t index, const AknImportOptions& options, Reporter& report,
               Work& work);

// SPEC §9: the normdoc record of a file, read as the corpus format it is. False when there is
// none, or it cannot be used (a warning: the file is then read as any other Akoma Ntoso file).
bool read_record(std::string_view content, const Scan& scan, Reporter& report, Work& work);

}  // namespace normdoc::detail::akn
