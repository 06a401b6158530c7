// The clean-up annex (SPEC §13): the rows of the 规范性文件清理结果 tables.
#include "report/annex.hpp"

#include "report/annex_order.hpp"

#include <algorithm>

namespace normdoc::report {

namespace {

// SPEC §13's words for the actions, weakest first as Action is.
constexpr std::string_view k_table_titles[] = {"继续有效", "需评估", "拟修改", "拟宣布失效", "拟废止"};
constexpr std::string_view k_opinions[] = {"继续有效", "评估", "修改", "宣布失效", "废止"};
constexpr std::string_view k_finding_words[] = {
    "有效期已届满", "有效期即将届满", "上位依据已失效", "上位依据拟废止或宣布失效", "上位依据已修改",
    "制定机关已撤销", "有效期超过规定", "未经合法性审核", "未经集体讨论决定", "未公开征求意见",
    "征求意见时间不足", "未按期备案"};

}  // namespace

Annex make_annex(const CleanupResult& result) {
    Annex annex;
    annex.result = &result;
    std::vector<const CleanupItem*> ordered;
    ordered.reserve(result.items().size());
    for (const CleanupItem& item : result.items()) ordered.push_back(&item);
    order_by_number(result.corpus(), ordered);

    std::array<std::size_t, k_action_count> counts{};
    for (const CleanupItem* item : ordered) ++counts[static_cast<std::size_t>(item->action)];
    annex.all.reserve(ordered.size());
    for (int a = static_cast<int>(k_action_count) - 1; a >= 0; --a) {
        if (counts[static_cast<std::size_t>(a)] == 0) continue;
        AnnexTable table;
        table.action = static_cast<Action>(a);
        table.items.reserve(counts[static_cast<std::size_t>(a)]);
        // A stable pass per action keeps the order of 文号 inside each table.
        for (const CleanupItem* item : ordered)
            if (item->action == table.action) table.items.push_back(item);
        annex.all.insert(annex.all.end(), table.items.begin(), table.items.end());
        annex.tables.push_back(std::move(table));
    }
    return annex;
}

std::string_view annex_table_title(Action a) { return detail::enum_name(k_table_titles, a); }
std::string_view annex_opinion(Action a) { return detail::enum_name(k_opinions, a); }

std::string annex_issuers(const Corpus& corpus, const Document& doc) {
    std::string out;
    for (AuthorityId a : doc.issuers()) {
        if (!out.empty()) out += "、";
        out += corpus.authority(a).name();
    }
    return out;
}

std::string annex_reason(const CleanupResult& result, const CleanupItem& item) {
    std::string out;
    for (const Finding& f : result.findings(item)) {
        if (!out.empty()) out += "；";
        out += detail::enum_name(k_finding_words, f.code);
        out += "（";
        out += result.detail(item, f);
        out += "）";
    }
    return out;
}

std::string annex_decider_sentence(const Corpus& corpus, const ActionCounts& counts) {
    std::string out;
    const std::string name = counts.authority.valid() ? std::string(corpus.authority(counts.authority).name()) : std::string();
    for (const Action a : {Action::repeal, Action::declare_invalid}) {
        if (counts[a] == 0) continue;
        if (!out.empty()) out += "，";
        out += annex_table_title(a);
        out += "的";
        out += name;
        out += "规范性文件 ";
        out += std::to_string(counts[a]);
        out += " 份";
    }
    return out;
}

}  // namespace normdoc::report
