// The words of the seed report (拟废止 …) and of a legal officer, for the text reports: the report's
// wording, not the rules' (the clean-up rules name actions and findings by their codes only).
#pragma once

#include "normdoc/cleanup.hpp"

#include <string_view>

namespace normdoc::cli {

inline constexpr std::string_view k_action_words[] = {"继续有效", "需评估", "拟修改", "拟宣布失效", "拟废止"};
inline constexpr std::string_view k_finding_words[] = {
    "有效期已届满", "有效期即将届满", "上位依据已失效", "上位依据拟废止或宣布失效", "上位依据已修改",
    "制定机关已撤销", "有效期超过规定", "未经合法性审核", "未经集体讨论决定", "未公开征求意见",
    "征求意见时间不足", "未按期备案"};

// 拟废止, 拟宣布失效, 拟修改, 需评估, 继续有效.
constexpr std::string_view action_words(Action a) noexcept { return detail::enum_name(k_action_words, a); }
// What the code means, in the words of a clean-up report (上位依据已失效 …).
constexpr std::string_view finding_words(FindingCode c) noexcept { return detail::enum_name(k_finding_words, c); }

}  // namespace normdoc::cli
