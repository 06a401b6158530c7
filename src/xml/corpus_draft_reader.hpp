// Corpus XML format 1 (SPEC §7) read into a draft, without building it: for a corpus held inside
// another file (the normdoc record in an Akoma Ntoso file's meta/proprietary, SPEC §9), whose
// documents are merged with others before the one validator, build_corpus, sees them.
#pragma once

#include "normdoc/draft.hpp"
#include "normdoc/problem.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace normdoc::detail::xml {

struct DraftRead {
    draft::Corpus draft;
    std::vector<Problem> problems;  // what the reader saw (lines of `xml`)
    bool well_formed = true;        // false: an XML_SYNTAX error, and the draft is empty
};

DraftRead read_corpus_draft(std::string_view xml, const std::string& file_name);

}  // namespace normdoc::detail::xml
