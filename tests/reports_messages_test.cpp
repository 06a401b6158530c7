// The message catalogue (src/report/messages.*): every message in both languages, the holes
// filled where each language puts them.
#include "report/messages.hpp"

#include <gtest/gtest.h>

namespace normdoc::report {
namespace {

TEST(Messages, EveryMessageHasItsTextInBothLanguages) {
    EXPECT_EQ(missing_messages(Lang::zh), 0u);
    EXPECT_EQ(missing_messages(Lang::en), 0u);
}

TEST(Messages, HolesAreFilledByNumberWhereverThePatternPutsThem) {
    EXPECT_EQ(fill_pattern("{1} {0} 件", {"3", "有效"}), "有效 3 件");
    EXPECT_EQ(fill_pattern("{0} of {1}", {"a"}), "a of {1}");  // a hole without argument stays
    EXPECT_EQ(Messages(Lang::zh).fill(Msg::cleanup_copies, {"2"}), "2 份");
}

TEST(Messages, ActionsInTheSeedsWords) {
    const Messages zh(Lang::zh), en(Lang::en);
    EXPECT_EQ(zh.action(Action::repeal), "拟废止");
    EXPECT_EQ(zh.action(Action::declare_invalid), "拟宣布失效");
    EXPECT_EQ(zh.action(Action::retain), "继续有效");
    EXPECT_EQ(en.action(Action::declare_invalid), "declare invalid");
    EXPECT_EQ(parse_lang("zh"), Lang::zh);
    EXPECT_EQ(parse_lang("en"), Lang::en);
    EXPECT_FALSE(parse_lang("fr"));
}

}  // namespace
}  // namespace normdoc::report
