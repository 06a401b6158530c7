// `normdoc cleanup --format html` (SPEC §13): the clean-up annex as one self-contained, printable
// web page: the summary in the seed's terms (拟废止的…规范性文件 N 份), a table by issuer, an inline
// SVG picture of the documents to be ended and the documents that rest on them, then a table per
// action (序号, 文件名称, 文号, 制定机关, 清理意见, 理由), each on a new printed page.
//
// Every body row is `<tr data-id="ID" data-action="ACTION">`, so that a program reading the page
// (the browser test) finds the document and the action of each row without parsing the words.
#pragma once

#include "normdoc/cleanup.hpp"
#include "report/messages.hpp"

#include <cstddef>
#include <ostream>

namespace normdoc::report {

struct CleanupHtmlOptions {
    std::size_t picture_limit = 40;      // documents to be ended drawn in the picture (the rest counted)
    std::size_t dependents_per_row = 5;  // dependents drawn beside each (the rest counted)
};

// The page in the catalogue's language (Chinese by default; the annex's columns and words come from
// `messages`).
void write_cleanup_html(std::ostream& out, const CleanupResult& result, const Messages& messages,
                        const CleanupHtmlOptions& options = {});

}  // namespace normdoc::report
