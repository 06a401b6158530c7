// The clean-up annex (规范性文件清理结果, SPEC §13): what a legal office hands on, one table per
// action with the columns 序号, 文件名称, 文号, 制定机关, 清理意见, 理由, the documents in the order of
// 文号. The HTML page (cleanup_html.hpp) and the workbook (cleanup_xlsx.hpp) both lay out this one
// model, so the two can never disagree on a row.
#pragma once

#include "normdoc/cleanup.hpp"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::report {

// The columns of the annex, in order (SPEC §13).
inline constexpr std::array<std::string_view, 6> k_annex_columns{"序号", "文件名称", "文号", "制定机关", "清理意见", "理由"};

struct AnnexTable {
    Action action = Action::retain;
    std::vector<const CleanupItem*> items;  // in the order of 文号
};

struct Annex {
    const CleanupResult* result = nullptr;
    std::vector<AnnexTable> tables;         // strongest action first (repeal … retain), empty ones left out
    std::vector<const CleanupItem*> all;    // every document looked at, the tables one after the other
};

// The annex of a clean-up: its items grouped by action, each group in the order of 文号.
Annex make_annex(const CleanupResult& result);

// The title of a table / sheet: 拟废止, 拟宣布失效, 拟修改, 需评估, 继续有效.
std::string_view annex_table_title(Action a);
// 清理意见: the action in the annex's words (废止, 宣布失效, 修改, 评估, 继续有效).
std::string_view annex_opinion(Action a);
// 制定机关: the names of the issuers, joined with 、 (a joint document names each).
std::string annex_issuers(const Corpus& corpus, const Document& doc);
// 理由: each finding in words with its detail, joined with ；; empty for a document retained
// without a finding.
std::string annex_reason(const CleanupResult& result, const CleanupItem& item);

// The seed report's sentence for one deciding authority (SPEC §13, CleanupResult::summary_by_decider):
// "拟废止的江阴市人民政府规范性文件 2 份，拟宣布失效的江阴市人民政府规范性文件 1 份"; empty when it
// decides no ending.
std::string annex_decider_sentence(const Corpus& corpus, const ActionCounts& counts);

}  // namespace normdoc::report
