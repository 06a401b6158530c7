// The clean-up annex (规范性文件清理结果, SPEC §13): what a legal office hands on, one table per
// action with the columns 序号, 文件名称, 文号, 制定机关, 清理意见, 理由, the documents in the order of
// 文号 (normdoc/document_order.hpp). The HTML page (cleanup_html.hpp) and the workbook
// (xlsx/cleanup_xlsx.hpp) both lay out this one model, so the two can never disagree on a row; the
// words are the message catalogue's (messages.hpp).
#pragma once

#include "normdoc/cleanup.hpp"
#include "report/messages.hpp"

#include <array>
#include <string>
#include <vector>

namespace normdoc::report {

// The columns of the annex, in order (SPEC §13): 序号, 文件名称, 文号, 制定机关, 清理意见, 理由.
inline constexpr std::array<Msg, 6> k_annex_columns{Msg::col_seq, Msg::col_title, Msg::col_number,
                                                   Msg::col_issuer, Msg::col_action, Msg::col_reasons};

struct AnnexTable {
    Action action = Action::retain;
    std::vector<const CleanupItem*> items;  // in the order of 文号
};

struct Annex {
    std::vector<AnnexTable> tables;       // strongest action first (repeal … retain), empty ones left out
    std::vector<const CleanupItem*> all;  // every document looked at: the tables one after the other
};

// The annex of a clean-up: its items grouped by action, each group in the order of 文号.
Annex make_annex(const CleanupResult& result);

// 制定机关: the names of the issuers, joined with 、 (a joint document names each).
std::string annex_issuers(const Corpus& corpus, const Document& doc);

}  // namespace normdoc::report
