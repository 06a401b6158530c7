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

// RFC 5545 §3.1 and §3.3.11, as the deadlines calendar writes them (src/report/ical.*).
#include "report/ical.hpp"

namespace normdoc::report {
namespace {

TEST(Ical, TextEscapesBackslashSemicolonCommaAndLineBreaks) {
    EXPECT_EQ(ical_text("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
    EXPECT_EQ(ical_text("澄科发〔2018〕9号，含全角逗号"), "澄科发〔2018〕9号，含全角逗号");  // only ASCII is special
}

TEST(Ical, LinesAreFoldedAt75OctetsNeverInsideACharacter) {
    EXPECT_EQ(ical_folded("SHORT"), "SHORT\r\n");
    const std::string ascii(160, 'x');
    EXPECT_EQ(ical_folded(ascii), std::string(75, 'x') + "\r\n " + std::string(74, 'x') + "\r\n " + std::string(11, 'x') + "\r\n");
    // "SUMMARY:" (8 octets) then 60 characters of 3 octets: the first line holds 8 + 22 × 3 = 74
    // octets (a 23rd character would make 77), each next line a space and 24 characters (73; a
    // 25th would make 76): 22 + 24 + 14.
    auto wen = [](int n) {
        std::string s;
        for (int i = 0; i < n; ++i) s += "文";
        return s;
    };
    const std::string line = "SUMMARY:" + wen(60);
    const std::string folded = ical_folded(line);
    EXPECT_EQ(folded, "SUMMARY:" + wen(22) + "\r\n " + wen(24) + "\r\n " + wen(14) + "\r\n");
    std::string unfolded = folded;
    for (std::size_t at; (at = unfolded.find("\r\n ")) != std::string::npos;) unfolded.erase(at, 3);
    EXPECT_EQ(unfolded, line + "\r\n");
}

TEST(Ical, TheUidNamesTheEventAndTheDocumentWhateverItsId) {
    EXPECT_EQ(deadline_uid(DeadlineEvent::term_ends, "jy-kjj-2014-1"), "term-ends.jy-kjj-2014-1@normdoc");
    EXPECT_EQ(deadline_uid(DeadlineEvent::filing_due, "a b/文"), "filing-due.a%20b%2F%E6%96%87@normdoc");
    EXPECT_NE(deadline_uid(DeadlineEvent::review_opens, "x"), deadline_uid(DeadlineEvent::term_ends, "x"));
}

}  // namespace
}  // namespace normdoc::report
