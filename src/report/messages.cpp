// The catalogue's two tables. The Chinese follows the seed report and the clean-up annexes of the
// legal offices (拟废止, 拟宣布失效, 继续有效 …); the English says the same plainly.
#include "report/messages.hpp"

#include "normdoc/date.hpp"

#include <array>
#include <utility>
#include <vector>

namespace normdoc::report {
namespace {

using Entry = std::pair<Msg, std::string_view>;
constexpr std::size_t k_count = static_cast<std::size_t>(Msg::count_);

constexpr Entry k_zh[] = {
    {Msg::none, "-"},
    {Msg::yes, "是"},
    {Msg::no, "否"},
    {Msg::count_documents, "{0} 件"},
    {Msg::col_seq, "序号"},
    {Msg::col_id, "编号"},
    {Msg::col_number, "文号"},
    {Msg::col_title, "文件名称"},
    {Msg::col_issuer, "制定机关"},
    {Msg::col_status, "状态"},
    {Msg::col_since, "起始日"},
    {Msg::col_last_day, "有效期至"},
    {Msg::col_amended, "已修改"},
    {Msg::col_action, "清理意见"},
    {Msg::col_reasons, "理由"},
    {Msg::col_depth, "层级"},
    {Msg::col_date, "日期"},
    {Msg::col_event, "事项"},
    {Msg::col_figure, "项目"},
    {Msg::col_count, "数量"},
    {Msg::col_total, "合计"},
    {Msg::status_summary, "截至 {1} 共 {0} 件"},
    {Msg::status_count, "{1} {0} 件"},
    {Msg::list_separator, "，"},
    {Msg::colon, "："},
    {Msg::cleanup_title, "规范性文件清理结果（截至 {0}）"},
    {Msg::cleanup_scope, "清理范围：{0}（{1}）"},
    {Msg::cleanup_looked_at, "共清理 {0} 件"},
    {Msg::cleanup_action, "{0}：{1} 件"},
    {Msg::cleanup_document_status, "{0}，{1}"},
    {Msg::cleanup_line, "{0}. {1}《{2}》（{3}）[{4}]"},
    {Msg::cleanup_line_no_number, "{0}. 《{1}》（{2}）[{3}]"},
    {Msg::cleanup_finding, "- {0}：{1}"},
    {Msg::cleanup_summary_title, "按制定机关汇总："},
    {Msg::cleanup_summary_total, "合计（每件只计一次）"},
    {Msg::cleanup_copies, "{0} 份"},
    {Msg::cleanup_decided_by, "由{0}决定"},
    {Msg::seed_first, "{0}的{1}规范性文件 {2} 份"},
    {Msg::seed_more, "{0}规范性文件 {1} 份"},
    {Msg::seed_own_unit, "本单位"},
    {Msg::seed_between_deciders, "、"},
    {Msg::seed_between_actions, "，"},
    {Msg::seed_nothing, "无拟废止或宣布失效的规范性文件"},
    {Msg::impact_title, "截至 {1}，以 {0} 为依据的文件（含间接）：{2} 件"},
    {Msg::impact_root, "{0}《{1}》"},
    {Msg::apply_written, "决定 {0}（{1}）已写入 {2}"},
    {Msg::apply_counts, "废止 {0} 件，宣布失效 {1} 件"},
    {Msg::apply_left_out, "未予处理 {0} 件："},
    {Msg::apply_left_for, "须由{0}决定"},
    {Msg::apply_already_ended, "此前已废止或失效"},
    {Msg::apply_to_do, "另有 {0} 件待人工处理（修改、评估）："},
    {Msg::apply_item, "{0}（{1}）"},
    {Msg::apply_or, "或"},
    {Msg::apply_drafter, "由起草单位{0}办理"},
    {Msg::apply_not_for_corpus, "清理计划与文件库不符：{1} 项中有 {0} 项在文件库中不存在，例如 {2}"},
    {Msg::annual_title, "{0}年度规范性文件工作情况{1}"},
    {Msg::annual_scope, "（{0}）"},
    {Msg::annual_issued_normative, "本年度制定规范性文件 {0} 件，"},
    {Msg::annual_all_reviewed, "均经合法性审核和集体讨论决定"},
    {Msg::annual_some_reviewed, "其中经合法性审核 {0} 件，经集体讨论决定 {1} 件"},
    {Msg::annual_consulted_filed, "；公开征求意见 {0} 件，按期报送备案 {1} 件。"},
    {Msg::annual_none_normative, "本年度制定规范性文件 0 件。"},
    {Msg::annual_issued_all, "本年度发布文件共 {0} 件。"},
    {Msg::annual_ended, "本年度废止 {0} 件，宣布失效 {1} 件，有效期届满 {2} 件，修改 {3} 件。"},
    {Msg::annual_standing, "截至 {0} 年 12 月 31 日，现行有效 {1} 件，尚未施行 {2} 件。"},
    {Msg::annual_list_issued, "本年度发布的文件"},
    {Msg::annual_list_amended, "本年度修改的文件"},
    {Msg::annual_list_repealed, "本年度废止的文件"},
    {Msg::annual_list_declared_invalid, "本年度宣布失效的文件"},
    {Msg::annual_list_expired, "本年度有效期届满的文件"},
    {Msg::annual_list_empty, "（无）"},
    {Msg::annual_figure_issued, "发布文件"},
    {Msg::annual_figure_issued_normative, "其中规范性文件"},
    {Msg::annual_figure_legality_reviewed, "经合法性审核"},
    {Msg::annual_figure_collectively_decided, "经集体讨论决定"},
    {Msg::annual_figure_consulted, "公开征求意见"},
    {Msg::annual_figure_filed_on_time, "按期报送备案"},
    {Msg::annual_figure_repealed, "废止"},
    {Msg::annual_figure_declared_invalid, "宣布失效"},
    {Msg::annual_figure_expired, "有效期届满"},
    {Msg::annual_figure_amended, "修改"},
    {Msg::annual_figure_in_force, "现行有效（年末）"},
    {Msg::annual_figure_pending, "尚未施行（年末）"},
    {Msg::deadlines_title, "{0} 至 {1} 到期事项：{2} 项"},
    {Msg::deadlines_event_filing_due, "备案期限届满"},
    {Msg::deadlines_event_review_opens, "进入有效期届满前评估期"},
    {Msg::deadlines_event_term_ends, "有效期届满"},
    {Msg::deadlines_calendar_name, "规范性文件到期事项"},
    {Msg::progress_reading, "读取 {0}"},
    {Msg::progress_working, "计算中"},
    {Msg::progress_writing, "写出结果"},
    {Msg::progress_seconds, "{0} 秒"},
    {Msg::detail_expired, "有效期至 {0}，已届满，尚未宣布失效"},
    {Msg::detail_expiring, "有效期至 {0}，{1} 起进入届满前评估期"},
    {Msg::detail_basis, "上位依据 {0}"},
    {Msg::detail_basis_ended, "于 {1} {0}"},
    {Msg::detail_basis_to_repeal, "本次清理拟废止"},
    {Msg::detail_basis_to_invalidate, "本次清理拟宣布失效"},
    {Msg::detail_basis_amended, "于 {0} 修改（本文件发布于 {1}）"},
    {Msg::detail_no_basis_left, "（已无有效依据）"},
    {Msg::detail_bases_remain, "（{1} 项依据中尚有 {0} 项有效）"},
    {Msg::detail_issuer_abolished, "制定机关{0}已于 {1} 撤销"},
    {Msg::detail_succeeded_by, "，职能由{0}承担"},
    {Msg::detail_no_successor, "，无承继机关"},
    {Msg::detail_term_too_long, "有效期至 {0}，超过 {1} 年的规定期限（{2}）"},
    {Msg::detail_term_too_long_trial, "有效期至 {0}，超过试行文件 {1} 年的规定期限（{2}）"},
    {Msg::detail_no_review_before_decision, "{0} 集体讨论决定前未经合法性审核"},
    {Msg::detail_no_review_before_publication, "{0} 发布前未经合法性审核"},
    {Msg::detail_review, "{0} 审核结论：{1}"},
    {Msg::detail_no_decision, "{0} 发布前未经集体讨论决定"},
    {Msg::detail_decision, "{0} 讨论结果：{1}"},
    {Msg::detail_no_consultation, "未记录公开征求意见"},
    {Msg::detail_short_consultation, "征求意见 {0} 至 {1}，共 {2} 日，少于 {3} 日"},
    {Msg::detail_filing_overdue, "备案期限 {0}，未见备案"},
    {Msg::detail_filed_late, "备案期限 {0}，{1} 才备案"},
    {Msg::detail_separator, "；"},
    {Msg::annex_title, "规范性文件清理结果"},
    {Msg::annex_meta, "清理基准日 {0} · 共清理 {1} 份"},
    {Msg::annex_meta_scope, " · 清理范围 {0}"},
    {Msg::annex_summary_title, "清理情况汇总"},
    {Msg::annex_by_issuer_total, "合计（联合发文只计一次）"},
    {Msg::annex_table_heading, "{0}（{1} 份）"},
    {Msg::annex_picture_title, "拟废止、拟宣布失效的文件及以其为依据的文件"},
    {Msg::annex_picture_caption, "左：拟废止（红）、拟宣布失效（橙）的文件；右：以其为依据的文件，箭头指向其依据，"
                                 "颜色为其清理意见（黄 拟修改，蓝 需评估，绿 继续有效，白 不在本次清理之列）。"},
    {Msg::annex_picture_more_dependents, "另有 {0} 份以其为依据"},
    {Msg::annex_picture_more, "另有 {0} 份拟废止或拟宣布失效的文件未画出，见下表。"},
    {Msg::annex_sheet_all, "全部"},
};

constexpr Entry k_en[] = {
    {Msg::none, "-"},
    {Msg::yes, "yes"},
    {Msg::no, "no"},
    {Msg::count_documents, "{0} documents"},
    {Msg::col_seq, "NO."},
    {Msg::col_id, "ID"},
    {Msg::col_number, "NUMBER"},
    {Msg::col_title, "TITLE"},
    {Msg::col_issuer, "ISSUER"},
    {Msg::col_status, "STATUS"},
    {Msg::col_since, "SINCE"},
    {Msg::col_last_day, "LAST DAY"},
    {Msg::col_amended, "AMENDED"},
    {Msg::col_action, "ACTION"},
    {Msg::col_reasons, "REASONS"},
    {Msg::col_depth, "DEPTH"},
    {Msg::col_date, "DATE"},
    {Msg::col_event, "EVENT"},
    {Msg::col_figure, "FIGURE"},
    {Msg::col_count, "COUNT"},
    {Msg::col_total, "TOTAL"},
    {Msg::status_summary, "{0} documents as of {1}"},
    {Msg::status_count, "{0} {1}"},
    {Msg::list_separator, ", "},
    {Msg::colon, ": "},
    {Msg::cleanup_title, "Clean-up of normative documents as of {0}"},
    {Msg::cleanup_scope, "Scope: {0} ({1})"},
    {Msg::cleanup_looked_at, "{0} documents looked at"},
    {Msg::cleanup_action, "{0}: {1} documents"},
    {Msg::cleanup_document_status, "{0}, {1}"},
    {Msg::cleanup_line, "{0}. {1} 《{2}》 ({3}) [{4}]"},
    {Msg::cleanup_line_no_number, "{0}. 《{1}》 ({2}) [{3}]"},
    {Msg::cleanup_finding, "- {0}: {1}"},
    {Msg::cleanup_summary_title, "Summary by issuing authority:"},
    {Msg::cleanup_summary_total, "Total (each document once)"},
    {Msg::cleanup_copies, "{0}"},
    {Msg::cleanup_decided_by, "to be decided by {0}"},
    {Msg::seed_first, "to {0}: {2} documents of {1}"},
    {Msg::seed_more, "{1} of {0}"},
    {Msg::seed_own_unit, "this body"},
    {Msg::seed_between_deciders, ", "},
    {Msg::seed_between_actions, "; "},
    {Msg::seed_nothing, "nothing to repeal or declare invalid"},
    {Msg::impact_title, "Documents depending on {0} as of {1}, directly or not: {2}"},
    {Msg::impact_root, "{0} 《{1}》"},
    {Msg::apply_written, "decision {0} ({1}) written to {2}"},
    {Msg::apply_counts, "repeals {0}, declares invalid {1}"},
    {Msg::apply_left_out, "left out {0} items:"},
    {Msg::apply_left_for, "for {0} to decide"},
    {Msg::apply_already_ended, "already ended"},
    {Msg::apply_to_do, "{0} items left for people (amend, evaluate):"},
    {Msg::apply_item, "{0} ({1})"},
    {Msg::apply_or, " or "},
    {Msg::apply_drafter, "for its drafter {0}"},
    {Msg::apply_not_for_corpus, "this plan is not for this corpus: {0} of {1} items unknown, e.g. {2}"},
    {Msg::annual_title, "Normative documents in {0}{1}"},
    {Msg::annual_scope, ": {0}"},
    {Msg::annual_issued_normative, "Normative documents made this year: {0}; "},
    {Msg::annual_all_reviewed, "all passed legality review and a collective decision"},
    {Msg::annual_some_reviewed, "{0} passed legality review, {1} were collectively decided"},
    {Msg::annual_consulted_filed, "; {0} were publicly consulted, {1} filed on time."},
    {Msg::annual_none_normative, "Normative documents made this year: 0."},
    {Msg::annual_issued_all, "Documents issued this year: {0}."},
    {Msg::annual_ended, "This year {0} were repealed, {1} declared invalid, {2} expired and {3} amended."},
    {Msg::annual_standing, "On {0}-12-31, {1} were in force and {2} pending."},
    {Msg::annual_list_issued, "Issued this year"},
    {Msg::annual_list_amended, "Amended this year"},
    {Msg::annual_list_repealed, "Repealed this year"},
    {Msg::annual_list_declared_invalid, "Declared invalid this year"},
    {Msg::annual_list_expired, "Expired this year"},
    {Msg::annual_list_empty, "(none)"},
    {Msg::annual_figure_issued, "issued"},
    {Msg::annual_figure_issued_normative, "of which normative"},
    {Msg::annual_figure_legality_reviewed, "legality reviewed"},
    {Msg::annual_figure_collectively_decided, "collectively decided"},
    {Msg::annual_figure_consulted, "publicly consulted"},
    {Msg::annual_figure_filed_on_time, "filed on time"},
    {Msg::annual_figure_repealed, "repealed"},
    {Msg::annual_figure_declared_invalid, "declared invalid"},
    {Msg::annual_figure_expired, "expired"},
    {Msg::annual_figure_amended, "amended"},
    {Msg::annual_figure_in_force, "in force (year end)"},
    {Msg::annual_figure_pending, "pending (year end)"},
    {Msg::deadlines_title, "Falling due from {0} to {1}: {2}"},
    {Msg::deadlines_event_filing_due, "filing due"},
    {Msg::deadlines_event_review_opens, "review window opens"},
    {Msg::deadlines_event_term_ends, "term ends"},
    {Msg::deadlines_calendar_name, "Normative documents falling due"},
    {Msg::progress_reading, "reading {0}"},
    {Msg::progress_working, "working"},
    {Msg::progress_writing, "writing the result"},
    {Msg::progress_seconds, "{0} s"},
    {Msg::detail_expired, "last day in force {0}, not formally ended"},
    {Msg::detail_expiring, "last day in force {0}, review window opened {1}"},
    {Msg::detail_basis, "basis {0}"},
    {Msg::detail_basis_ended, " {0} {1}"},
    {Msg::detail_basis_to_repeal, " to be repealed by this clean-up"},
    {Msg::detail_basis_to_invalidate, " to be declared invalid by this clean-up"},
    {Msg::detail_basis_amended, " amended {0}, after this document's publication {1}"},
    {Msg::detail_no_basis_left, " (no basis left)"},
    {Msg::detail_bases_remain, " ({0} of {1} bases remain)"},
    {Msg::detail_issuer_abolished, "issuer {0} abolished {1}"},
    {Msg::detail_succeeded_by, ", succeeded by {0}"},
    {Msg::detail_no_successor, ", no successor in existence"},
    {Msg::detail_term_too_long, "expires {0}, later than the {1}-year term allows ({2})"},
    {Msg::detail_term_too_long_trial, "expires {0}, later than the {1}-year trial term allows ({2})"},
    {Msg::detail_no_review_before_decision, "no lawful legality review on or before the collective decision of {0}"},
    {Msg::detail_no_review_before_publication, "no lawful legality review on or before publication {0}"},
    {Msg::detail_review, "review {0} {1}"},
    {Msg::detail_no_decision, "no adopted collective decision on or before publication {0}"},
    {Msg::detail_decision, "decision {0} {1}"},
    {Msg::detail_no_consultation, "no public consultation recorded"},
    {Msg::detail_short_consultation, "consultation {0} to {1} lasted {2} days, minimum {3}"},
    {Msg::detail_filing_overdue, "filing due {0}, none recorded"},
    {Msg::detail_filed_late, "filing due {0}, filed {1}"},
    {Msg::detail_separator, "; "},
    {Msg::annex_title, "Clean-up of normative documents"},
    {Msg::annex_meta, "as of {0} · {1} documents looked at"},
    {Msg::annex_meta_scope, " · scope {0}"},
    {Msg::annex_summary_title, "Summary"},
    {Msg::annex_by_issuer_total, "total (each joint document once)"},
    {Msg::annex_table_heading, "{0} ({1} documents)"},
    {Msg::annex_picture_title, "Documents to be repealed or declared invalid, and the documents resting on them"},
    {Msg::annex_picture_caption, "Left: to be repealed (red) or declared invalid (orange); right: the documents based on "
                                 "them, the arrow pointing to the basis, coloured by their action (yellow amend, blue "
                                 "evaluate, green retain, white not looked at)."},
    {Msg::annex_picture_more_dependents, "{0} more rest on it"},
    {Msg::annex_picture_more, "{0} more documents to be ended are not drawn: see the tables."},
    {Msg::annex_sheet_all, "all"},
};

using Table = std::array<std::string_view, k_count>;

template <std::size_t N>
Table make_table(const Entry (&entries)[N]) {
    Table t{};
    for (const Entry& e : entries) t[static_cast<std::size_t>(e.first)] = e.second;
    return t;
}

const Table& table(Lang lang) {
    static const Table zh = make_table(k_zh);
    static const Table en = make_table(k_en);
    return lang == Lang::zh ? zh : en;
}

// Words for the enums, indexed by their values.
constexpr std::string_view k_actions_zh[] = {"继续有效", "需评估", "拟修改", "拟宣布失效", "拟废止"};
constexpr std::string_view k_actions_en[] = {"retain", "evaluate", "amend", "declare invalid", "repeal"};
constexpr std::string_view k_findings_zh[] = {
    "有效期已届满", "有效期即将届满", "上位依据已失效", "上位依据拟废止或宣布失效", "上位依据已修改",
    "制定机关已撤销", "有效期超过规定", "未经合法性审核", "未经集体讨论决定", "未公开征求意见",
    "征求意见时间不足", "未按期备案"};
constexpr std::string_view k_findings_en[] = {
    "term ended", "term ending soon", "basis ended", "basis to be ended", "basis amended", "issuer abolished",
    "term too long", "no legality review", "no collective decision", "no public consultation",
    "consultation too short", "filing overdue"};
constexpr std::string_view k_statuses_zh[] = {"草案", "尚未施行", "有效", "已废止", "已宣布失效", "有效期已届满"};
constexpr std::string_view k_statuses_en[] = {"draft", "pending", "in force", "repealed", "invalid", "expired"};
static_assert(std::size(k_actions_zh) == k_action_count && std::size(k_actions_en) == k_action_count);
static_assert(std::size(k_findings_zh) == k_finding_code_count && std::size(k_findings_en) == k_finding_code_count);

std::string day_or_unknown(const std::optional<Date>& d) { return d ? format_date(*d) : std::string("?"); }

}  // namespace

std::optional<Lang> parse_lang(std::string_view text) noexcept {
    if (text == "zh") return Lang::zh;
    if (text == "en") return Lang::en;
    return std::nullopt;
}

std::string fill_pattern(std::string_view pattern, std::initializer_list<std::string_view> args) {
    std::string out;
    out.reserve(pattern.size() + 16);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 1] >= '0' && pattern[i + 1] <= '9' && pattern[i + 2] == '}') {
            const auto k = static_cast<std::size_t>(pattern[i + 1] - '0');
            if (k < args.size()) {
                out += *(args.begin() + k);
                i += 2;
                continue;
            }
        }
        out += pattern[i];
    }
    return out;
}

std::size_t missing_messages(Lang lang) noexcept {
    std::size_t n = 0;
    for (std::string_view s : table(lang)) n += s.empty();
    return n;
}

std::string_view Messages::text(Msg m) const noexcept { return table(lang_)[static_cast<std::size_t>(m)]; }

std::string Messages::fill(Msg m, std::initializer_list<std::string_view> args) const { return fill_pattern(text(m), args); }

std::string_view Messages::action(Action a) const noexcept {
    return (lang_ == Lang::zh ? k_actions_zh : k_actions_en)[static_cast<std::size_t>(a)];
}
std::string_view Messages::finding(FindingCode c) const noexcept {
    return (lang_ == Lang::zh ? k_findings_zh : k_findings_en)[static_cast<std::size_t>(c)];
}
std::string_view Messages::status(Status s) const noexcept {
    return (lang_ == Lang::zh ? k_statuses_zh : k_statuses_en)[static_cast<std::size_t>(s)];
}
std::string_view Messages::event(DeadlineEvent e) const noexcept {
    switch (e) {
        case DeadlineEvent::filing_due: return text(Msg::deadlines_event_filing_due);
        case DeadlineEvent::review_opens: return text(Msg::deadlines_event_review_opens);
        case DeadlineEvent::term_ends: return text(Msg::deadlines_event_term_ends);
    }
    return {};
}

std::string Messages::name_of(const Document& doc) {
    if (!doc.number().empty()) return std::string(doc.number());
    return "《" + std::string(doc.title()) + "》";
}

// SPEC §6's findings in words, from the finding's data (cleanup.hpp documents what each holds).
std::string Messages::finding_detail(const CleanupResult& r, const CleanupItem& item, const Finding& f) const {
    const Corpus& corpus = r.corpus();
    const Document doc = corpus.document(item.document);
    const Profile& profile = corpus.profile();
    std::string out;
    auto sep = [&] { if (!out.empty()) out += text(Msg::detail_separator); };
    const bool zh = lang_ == Lang::zh;

    switch (f.code) {
    case FindingCode::expired: return fill(Msg::detail_expired, {day_or_unknown(f.day)});
    case FindingCode::expiring: return fill(Msg::detail_expiring, {day_or_unknown(f.day), day_or_unknown(f.other)});
    case FindingCode::basis_terminated:
    case FindingCode::basis_to_be_terminated:
    case FindingCode::basis_amended:
        for (const FindingNote& note : r.notes(f)) {
            sep();
            out += fill(Msg::detail_basis, {name_of(corpus.document(note.basis))});
            if (zh) out += ' ';
            if (f.code == FindingCode::basis_terminated)
                out += fill(Msg::detail_basis_ended, {status(note.status), day_or_unknown(note.date)});
            else if (f.code == FindingCode::basis_to_be_terminated)
                out += text(note.action == Action::repeal ? Msg::detail_basis_to_repeal : Msg::detail_basis_to_invalidate);
            else
                out += fill(Msg::detail_basis_amended, {day_or_unknown(note.date), day_or_unknown(f.day)});
        }
        if (f.code != FindingCode::basis_amended)
            out += f.bases_left == 0 ? std::string(text(Msg::detail_no_basis_left))
                                     : fill(Msg::detail_bases_remain, {std::to_string(f.bases_left), std::to_string(f.bases)});
        return out;
    case FindingCode::issuer_abolished:
        for (const FindingNote& note : r.notes(f)) {
            sep();
            out += fill(Msg::detail_issuer_abolished, {corpus.authority(note.issuer).name(), day_or_unknown(note.date)});
            out += note.successor.valid() ? fill(Msg::detail_succeeded_by, {corpus.authority(note.successor).name()})
                                          : std::string(text(Msg::detail_no_successor));
        }
        return out;
    case FindingCode::term_too_long:
        return fill(doc.trial() ? Msg::detail_term_too_long_trial : Msg::detail_term_too_long,
                    {day_or_unknown(f.day), std::to_string(profile.term_years(doc.trial())), day_or_unknown(f.other)});
    case FindingCode::no_legality_review:
        out = f.other ? fill(Msg::detail_no_review_before_decision, {format_date(*f.other)})
                      : fill(Msg::detail_no_review_before_publication, {day_or_unknown(f.day)});
        for (const LegalityReview rv : doc.procedure().legality_reviews()) {
            out += text(Msg::detail_separator);
            out += fill(Msg::detail_review, {format_date(rv.date), to_string(rv.outcome)});
        }
        return out;
    case FindingCode::no_collective_decision:
        out = fill(Msg::detail_no_decision, {day_or_unknown(f.day)});
        for (const CollectiveDecision c : doc.procedure().collective_decisions()) {
            out += text(Msg::detail_separator);
            out += fill(Msg::detail_decision, {format_date(c.date), to_string(c.outcome)});
        }
        return out;
    case FindingCode::no_consultation: return std::string(text(Msg::detail_no_consultation));
    case FindingCode::short_consultation:
        return fill(Msg::detail_short_consultation,
                    {day_or_unknown(f.day), day_or_unknown(f.other),
                     std::to_string(f.day && f.other ? consultation_days(*f.day, *f.other).count : 0),
                     std::to_string(profile.consultation_min_days)});
    case FindingCode::filing_overdue:
        return f.other ? fill(Msg::detail_filed_late, {day_or_unknown(f.day), format_date(*f.other)})
                       : fill(Msg::detail_filing_overdue, {day_or_unknown(f.day)});
    }
    return out;
}

std::string Messages::seed_summary(const CleanupResult& r) const {
    const Corpus& corpus = r.corpus();
    const std::vector<ActionCounts> deciders = r.summary_by_decider();
    std::string out;
    for (const Action a : {Action::repeal, Action::declare_invalid}) {
        bool first = true;
        for (const ActionCounts& c : deciders) {
            if (!c.authority.valid() || c[a] == 0) continue;  // the total comes last: skipped
            const std::string who = !r.scope().is_all() && r.scope().authority() == c.authority
                                        ? std::string(text(Msg::seed_own_unit))
                                        : std::string(corpus.authority(c.authority).name());
            if (first) {
                if (!out.empty()) out += text(Msg::seed_between_actions);
                out += fill(Msg::seed_first, {action(a), who, std::to_string(c[a])});
            } else {
                out += text(Msg::seed_between_deciders);
                out += fill(Msg::seed_more, {who, std::to_string(c[a])});
            }
            first = false;
        }
    }
    return out.empty() ? std::string(text(Msg::seed_nothing)) : out;
}

std::string Messages::reasons(const CleanupResult& r, const CleanupItem& item) const {
    std::string out;
    for (const Finding& f : r.findings(item)) {
        if (!out.empty()) out += text(Msg::detail_separator);
        out += finding(f.code);
        out += lang_ == Lang::zh ? "：" : ": ";
        out += finding_detail(r, item, f);
    }
    return out;
}

}  // namespace normdoc::report
