// Corpus XML read into a draft, not validated (SPEC §7 for what the reader checks itself).
// Implemented in src/xml/ with the one corpus reader.
#pragma once

#include "normdoc/draft.hpp"
#include "normdoc/problem.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc {

// Corpus XML read but not validated: the draft and what only the reader sees (unknown elements,
// bad dates …), for a caller that validates it together with something else (SPEC §12: a
// fragment added to a registry is checked with the registry it joins, by build_corpus).
struct DraftRead {
    std::optional<draft::Corpus> draft;  // none after XML_SYNTAX (then the one problem)
    std::vector<Problem> problems;       // the reader's, to hand to build_corpus with the draft
    bool has_profile = false;            // the file holds a <profile>
};
DraftRead read_corpus_draft(std::string_view xml, const std::string& file_name);

}  // namespace normdoc
