// The message catalogue: every word the reports for people say (SPEC §13), in Chinese (the
// default) and English (--lang en). The rules name actions, findings and statuses by their codes
// only; the text, HTML, workbook and calendar reports word them here, from the data the rules
// decided (a Finding's days and notes), never working a rule out again.
//
//   const Messages m(Lang::zh);
//   out << m.fill(Msg::cleanup_title, {format_date(as_of)}) << m.action(item.action);
//
// A message is a pattern with numbered holes ({0}, {1} …), so that each language puts them where
// its grammar wants them. Adding one: a Msg below and its text in both tables of messages.cpp
// (tests/reports_messages_test.cpp fails when a language lacks one).
#pragma once

#include "normdoc/cleanup.hpp"
#include "normdoc/deadlines.hpp"
#include "normdoc/document_status.hpp"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace normdoc::report {

enum class Lang : std::uint8_t { zh, en };
// "zh" or "en"; none otherwise.
std::optional<Lang> parse_lang(std::string_view text) noexcept;

enum class Msg : std::uint16_t {
    // shared
    none,               // a missing value in a table cell: "-"
    yes,
    no,
    count_documents,    // {0} documents
    col_seq,            // 序号
    col_id,
    col_number,         // 文号
    col_title,          // 文件名称
    col_issuer,         // 制定机关
    col_status,
    col_since,
    col_last_day,
    col_amended,
    col_action,         // 清理意见
    col_reasons,        // 理由
    col_depth,
    col_date,
    col_event,
    col_figure,
    col_count,
    col_total,
    // status
    status_summary,     // {0} documents as of {1}
    status_count,       // {0} documents of status {1}
    list_separator,     // between counts: "，" / ", "
    colon,              // "：" / ": "
    // cleanup
    cleanup_title,      // clean-up as of {0}
    cleanup_scope,      // {0} ({1}): the scope's name and id
    cleanup_looked_at,  // {0} documents looked at
    cleanup_action,     // {0} ({1} documents): an action's heading
    cleanup_document_status,  // {0} the status, {1} who decides
    cleanup_line,       // {0}. {1} number 《{2} title》 ({3} status) [{4} id]
    cleanup_line_no_number,  // {0}. 《{1}》 ({2}) [{3}]
    cleanup_finding,    // - {0} finding: {1} detail
    cleanup_summary_title,
    cleanup_summary_total,
    cleanup_copies,     // {0} 份
    cleanup_decided_by, // to be decided by {0}
    seed_first,         // the seed's 拟废止的{1}规范性文件 {2} 份: {0} the action
    seed_more,          // 、{0}规范性文件 {1} 份: another decider for the same action
    seed_own_unit,      // 本单位: the scope's own documents
    seed_between_deciders,
    seed_between_actions,
    seed_nothing,
    // impact
    impact_title,       // documents depending on {0} as of {1}: {2}
    impact_root,        // {0} number 《{1} title》
    // apply
    apply_written,      // decision {0} ({1}) written to {2}
    apply_counts,       // repeals {0}, declares invalid {1}
    apply_left_out,     // left out {0} items
    apply_left_for,     // for {0} to decide
    apply_already_ended,
    apply_to_do,        // {0} items left for people (amend, evaluate)
    apply_item,         // {0} the document (number《title》) ({1} its action)
    apply_or,           // between authorities that may decide
    apply_drafter,      // for its drafter {0}
    apply_not_for_corpus,  // this plan is not for this corpus: {0} of {1} items unknown, e.g. {2}
    // annual
    annual_title,       // {0}: the year; {1}: the scope (or empty)
    annual_scope,       // {0}: the scope's name, for annual_title
    annual_issued_normative,  // the seed's sentence
    annual_all_reviewed,
    annual_some_reviewed,     // {0} legality reviewed, {1} collectively decided
    annual_consulted_filed,   // {0} consulted, {1} filed on time
    annual_none_normative,
    annual_issued_all,        // {0} documents issued in all
    annual_ended,             // {0} repealed, {1} declared invalid, {2} expired, {3} amended
    annual_standing,          // as of {0}-12-31: {1} in force, {2} pending
    annual_list_issued,
    annual_list_amended,
    annual_list_repealed,
    annual_list_declared_invalid,
    annual_list_expired,
    annual_list_empty,
    annual_figure_issued,
    annual_figure_issued_normative,
    annual_figure_legality_reviewed,
    annual_figure_collectively_decided,
    annual_figure_consulted,
    annual_figure_filed_on_time,
    annual_figure_repealed,
    annual_figure_declared_invalid,
    annual_figure_expired,
    annual_figure_amended,
    annual_figure_in_force,
    annual_figure_pending,
    // deadlines
    deadlines_title,    // falling due from {0} to {1}: {2}
    deadlines_event_filing_due,
    deadlines_event_review_opens,
    deadlines_event_term_ends,
    deadlines_calendar_name,
    // progress
    progress_reading,   // reading {0}
    progress_working,
    progress_writing,
    progress_seconds,   // {0} s
    // finding details (理由), from the finding's data
    detail_expired,             // last day {0}, not formally ended
    detail_expiring,            // last day {0}, window opened {1}
    detail_basis,               // basis {0}
    detail_basis_ended,         // {0} {1}: status and day
    detail_basis_to_repeal,
    detail_basis_to_invalidate,
    detail_basis_amended,       // amended {0}, after this document's publication {1}
    detail_no_basis_left,
    detail_bases_remain,        // {0} of {1} bases remain
    detail_issuer_abolished,    // issuer {0} abolished {1}
    detail_succeeded_by,        // succeeded by {0}
    detail_no_successor,
    detail_term_too_long,       // expires {0}, later than the {1}-year term allows ({2})
    detail_term_too_long_trial, // the same for a trial document
    detail_no_review_before_decision,    // before the collective decision of {0}
    detail_no_review_before_publication, // before publication {0}
    detail_review,              // review {0} {1}
    detail_no_decision,         // before publication {0}
    detail_decision,            // decision {0} {1}
    detail_no_consultation,
    detail_short_consultation,  // {0} to {1}, {2} days, minimum {3}
    detail_filing_overdue,      // due {0}, none recorded
    detail_filed_late,          // due {0}, filed {1}
    detail_separator,           // between notes: "；" / "; "
    // the clean-up annex as a page and a workbook (cleanup --format html|xlsx)
    annex_title,                // 规范性文件清理结果
    annex_meta,                 // {0} the as-of day, {1} how many documents looked at
    annex_meta_scope,           // {0} the scope's name
    annex_summary_title,
    annex_by_issuer_total,      // the total row: each joint document once
    annex_table_heading,        // {0} the action, {1} how many
    annex_picture_title,
    annex_picture_caption,
    annex_picture_more_dependents,  // {0} dependents not drawn
    annex_picture_more,         // {0} documents to be ended not drawn
    annex_sheet_all,            // the workbook's sheet of every document
    count_
};

class Messages {
public:
    explicit Messages(Lang lang) noexcept : lang_(lang) {}
    Lang lang() const noexcept { return lang_; }

    std::string_view text(Msg m) const noexcept;
    // The message with {0}, {1} … replaced by `args`.
    std::string fill(Msg m, std::initializer_list<std::string_view> args) const;

    std::string_view action(Action a) const noexcept;        // 拟废止 / repeal
    std::string_view finding(FindingCode c) const noexcept;  // 上位依据已失效 / basis ended
    std::string_view status(Status s) const noexcept;        // 有效 / in force
    std::string_view event(DeadlineEvent e) const noexcept;  // 有效期届满 / term ends
    std::string_view yes_no(bool b) const noexcept { return text(b ? Msg::yes : Msg::no); }

    // The finding in words (理由), from what the clean-up decided.
    std::string finding_detail(const CleanupResult& r, const CleanupItem& item, const Finding& f) const;
    // The seed's sentence over the proposed endings by deciding authority (拟废止的市政府规范性文件
    // 2 份，拟宣布失效的…规范性文件 1 份、本单位规范性文件 10 份), the scope's own as 本单位.
    std::string seed_summary(const CleanupResult& r) const;
    // Every finding of the item, "words: detail", joined (the 理由 column).
    std::string reasons(const CleanupResult& r, const CleanupItem& item) const;

    // A document as a legal officer names it: its number, or 《title》 without one.
    static std::string name_of(const Document& doc);

private:
    Lang lang_;
};

// The patterns with {0} … replaced: "{0} 份" with {"2"} gives "2 份". A hole without argument
// stays as written.
std::string fill_pattern(std::string_view pattern, std::initializer_list<std::string_view> args);

// The messages a language lacks (empty text), for the catalogue's test.
std::size_t missing_messages(Lang lang) noexcept;

}  // namespace normdoc::report
