// SPEC §13 deadlines: for every document in scope in force or pending as of D, each of its term's
// last day, its review window's first day (§4) and, for a normative document not filed by D, its
// filing deadline that falls in D … D+DAYS (default 180); CSV date,event,id,number,title sorted by
// date, event, id; ics an RFC 5545 calendar, one all-day event a row. Worked out by hand.
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace normdoc {
namespace {

#ifdef NORMDOC_CLI
using test::run_cli;

// As of 2018-11-30, the window is 2018-11-30 … 2019-05-29 (180 days).
const char* const k_corpus = R"(<?xml version="1.0" encoding="UTF-8"?>
<corpus xmlns="urn:normdoc:corpus:1">
  <authorities>
    <authority id="gov" name="江阴市人民政府" kind="government" level="county"/>
    <authority id="kjj" name="江阴市科学技术局" kind="department" level="county" parent="gov"/>
  </authorities>
  <documents>
    <!-- last day 2018-12-31 (review opened 2018-07-01, before D) -->
    <document id="t1" kind="normative" number="澄科发〔2014〕1号"><title>年底届满</title><issuer ref="kjj"/><dates published="2014-01-01"/></document>
    <document id="a-t3" kind="normative" number="澄科发〔2014〕3号"><title>同日届满</title><issuer ref="kjj"/><dates published="2014-01-01"/></document>
    <document id="t-gov" kind="normative" number="澄政发〔2014〕1号"><title>政府届满</title><issuer ref="gov"/><dates published="2014-01-01"/></document>
    <!-- last day 2019-07-31: the review window opens 2019-02-01 -->
    <document id="t2" kind="normative" number="澄科发〔2014〕8号"><title>评估期</title><issuer ref="kjj"/><dates published="2014-08-01"/></document>
    <!-- filings: f1 due 2018-12-15; f2 filed in time (nothing); f3 filed after D (due 2018-12-20); fD due on D -->
    <document id="f1" kind="normative" number="澄科发〔2018〕11号"><title>待备案</title><issuer ref="kjj"/><dates published="2018-11-15"/></document>
    <document id="f2" kind="normative" number="澄科发〔2018〕10号"><title>已备案</title><issuer ref="kjj"/><dates published="2018-11-10"/>
      <procedure><filing date="2018-11-20" with="gov"/></procedure></document>
    <document id="f3" kind="normative" number="澄科发〔2018〕12号"><title>晚备案</title><issuer ref="kjj"/><dates published="2018-11-20"/>
      <procedure><filing date="2018-12-05" with="gov"/></procedure></document>
    <document id="fD" kind="normative" number="澄科发〔2018〕9号"><title>今日到期</title><issuer ref="kjj"/><dates published="2018-10-31"/></document>
    <!-- the same day 2018-12-30: a filing due (zz-f4) and a term ending (aa-t4): the event decides -->
    <document id="zz-f4" kind="normative" number="澄科发〔2018〕13号"><title>同日备案</title><issuer ref="kjj"/><dates published="2018-11-30"/></document>
    <document id="aa-t4" kind="normative" number="澄科发〔2013〕20号"><title>同日届满二</title><issuer ref="kjj"/><dates published="2013-12-31"/></document>
    <!-- pending, not filed: due 2018-12-25 -->
    <document id="pd" kind="normative" number="澄科发〔2018〕14号"><title>待施行</title><issuer ref="kjj"/>
      <dates published="2018-11-25" effective="2019-01-01"/></document>
    <!-- the window's last day is in it, the day after is not; both review windows open on D
         (2019-05-30 and 2019-05-31 less 6 months: 11-30, the last day of November, SPEC §4) -->
    <document id="tE" kind="normative" number="澄科发〔2014〕5号"><title>窗口末日</title><issuer ref="kjj"/><dates published="2014-05-30"/></document>
    <document id="tE2" kind="normative" number="澄科发〔2014〕6号"><title>窗口之外</title><issuer ref="kjj"/><dates published="2014-05-31"/></document>
    <!-- repealed: its last day 2019-01-31 would fall in the window, but it is not in force -->
    <document id="rp" kind="normative" number="澄科发〔2014〕2号"><title>已废止</title><issuer ref="kjj"/><dates published="2014-02-01"/></document>
    <document id="rep" kind="normative" number="澄科发〔2018〕5号"><title>废止决定</title><issuer ref="kjj"/><dates published="2018-05-20"/>
      <procedure><filing date="2018-05-25" with="gov"/></procedure><relations><repeals ref="rp"/></relations></document>
    <!-- not normative: no filing due -->
    <document id="o" kind="other"><title>其他文件</title><issuer ref="kjj"/><dates published="2018-11-20"/></document>
    <document id="dr" kind="normative"><title>草案</title><issuer ref="kjj"/></document>
  </documents>
</corpus>
)";

const std::string k_expected =
    "date,event,id,number,title\n"
    "2018-11-30,filing-due,fD,澄科发〔2018〕9号,今日到期\n"
    "2018-11-30,review-opens,tE,澄科发〔2014〕5号,窗口末日\n"
    "2018-11-30,review-opens,tE2,澄科发〔2014〕6号,窗口之外\n"
    "2018-12-15,filing-due,f1,澄科发〔2018〕11号,待备案\n"
    "2018-12-20,filing-due,f3,澄科发〔2018〕12号,晚备案\n"
    "2018-12-25,filing-due,pd,澄科发〔2018〕14号,待施行\n"
    "2018-12-30,filing-due,zz-f4,澄科发〔2018〕13号,同日备案\n"
    "2018-12-30,term-ends,aa-t4,澄科发〔2013〕20号,同日届满二\n"
    "2018-12-31,term-ends,a-t3,澄科发〔2014〕3号,同日届满\n"
    "2018-12-31,term-ends,t-gov,澄政发〔2014〕1号,政府届满\n"
    "2018-12-31,term-ends,t1,澄科发〔2014〕1号,年底届满\n"
    "2019-02-01,review-opens,t2,澄科发〔2014〕8号,评估期\n"
    "2019-05-29,term-ends,tE,澄科发〔2014〕5号,窗口末日\n";

struct Fixture {
    std::string dir;
    explicit Fixture(const std::string& name) : dir(test::scratch_dir(name)) { test::write_file(dir + "/c.xml", k_corpus); }
};

TEST(ReportsDeadlines, CsvSortedByDateEventIdWithinTheWindow) {
    const Fixture f("reports-deadlines-csv");
    const auto r = run_cli(f.dir, {"deadlines", "c.xml", "--as-of", "2018-11-30", "--format", "csv"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, k_expected);
}

TEST(ReportsDeadlines, WithinAndScopeNarrowIt) {
    const Fixture f("reports-deadlines-narrow");
    const auto r = run_cli(f.dir, {"deadlines", "c.xml", "--as-of", "2018-11-30", "--within", "20", "--scope", "kjj", "--format", "csv"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out,
              "date,event,id,number,title\n"
              "2018-11-30,filing-due,fD,澄科发〔2018〕9号,今日到期\n"
              "2018-11-30,review-opens,tE,澄科发〔2014〕5号,窗口末日\n"
              "2018-11-30,review-opens,tE2,澄科发〔2014〕6号,窗口之外\n"
              "2018-12-15,filing-due,f1,澄科发〔2018〕11号,待备案\n"
              "2018-12-20,filing-due,f3,澄科发〔2018〕12号,晚备案\n");
    const auto zero = run_cli(f.dir, {"deadlines", "c.xml", "--as-of", "2018-12-31", "--within", "0", "--scope", "gov", "--format", "csv"});
    EXPECT_EQ(zero.out, "date,event,id,number,title\n2018-12-31,term-ends,t-gov,澄政发〔2014〕1号,政府届满\n");
}

TEST(ReportsDeadlines, TextByDateInChinese) {
    const Fixture f("reports-deadlines-text");
    const auto r = run_cli(f.dir, {"deadlines", "c.xml", "--as-of", "2018-11-30"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("2018-11-30 至 2019-05-29 到期事项：13 项\n", 0), 0u) << r.out;
    EXPECT_NE(r.out.find("备案期限届满"), std::string::npos);
    EXPECT_LT(r.out.find("今日到期"), r.out.find("窗口末日"));
    const auto en = run_cli(f.dir, {"deadlines", "c.xml", "--as-of", "2018-11-30", "--lang", "en"});
    EXPECT_EQ(en.out.rfind("Falling due from 2018-11-30 to 2019-05-29: 13\n", 0), 0u) << en.out;
}

// RFC 5545 §3.1: unfold (a CRLF followed by one space or tab is removed).
std::vector<std::string> unfolded_lines(const std::string& ics) {
    std::string joined;
    for (std::size_t i = 0; i < ics.size(); ++i) {
        if (ics[i] == '\r' && i + 2 < ics.size() && ics[i + 1] == '\n' && (ics[i + 2] == ' ' || ics[i + 2] == '\t')) {
            i += 2;
            continue;
        }
        joined += ics[i];
    }
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t at = joined.find("\r\n"); at != std::string::npos; at = joined.find("\r\n", start)) {
        out.push_back(joined.substr(start, at - start));
        start = at + 2;
    }
    return out;
}

TEST(ReportsDeadlines, IcsIsAnRfc5545CalendarWithOneAllDayEventPerRow) {
    const Fixture f("reports-deadlines-ics");
    const auto r = run_cli(f.dir, {"deadlines", "c.xml", "--as-of", "2018-11-30", "--format", "ics"});
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string& ics = r.out;
    // Every line ends in CRLF, none longer than 75 octets, and no bare LF.
    std::size_t start = 0, lines = 0;
    for (std::size_t at = ics.find('\n'); at != std::string::npos; at = ics.find('\n', start)) {
        ASSERT_GT(at, start) << "empty line";
        EXPECT_EQ(ics[at - 1], '\r') << "line " << lines;
        EXPECT_LE(at - 1 - start, 75u) << ics.substr(start, at - start);
        // A fold never cuts a UTF-8 character: no line starts with a continuation byte after the fold's space.
        if (ics[start] == ' ' && at > start + 1) {
            EXPECT_NE(static_cast<unsigned char>(ics[start + 1]) & 0xC0, 0x80);
        }
        start = at + 1;
        ++lines;
    }
    EXPECT_EQ(start, ics.size());
    const auto l = unfolded_lines(ics);
    ASSERT_GE(l.size(), 2u);
    EXPECT_EQ(l.front(), "BEGIN:VCALENDAR");
    EXPECT_EQ(l.back(), "END:VCALENDAR");
    EXPECT_NE(std::find(l.begin(), l.end(), "VERSION:2.0"), l.end());
    EXPECT_NE(std::find_if(l.begin(), l.end(), [](const std::string& s) { return s.rfind("PRODID:", 0) == 0; }), l.end());
    // One VEVENT per CSV row, in its order, each with its all-day date, a DTSTAMP and a distinct UID.
    std::vector<std::string> starts, uids;
    std::size_t events = 0, stamps = 0, ends = 0;
    for (const std::string& s : l) {
        events += s == "BEGIN:VEVENT";
        stamps += s.rfind("DTSTAMP:", 0) == 0 && s.size() == 24 && s.back() == 'Z';
        if (s.rfind("DTSTART;VALUE=DATE:", 0) == 0) starts.push_back(s.substr(19));
        if (s.rfind("DTEND;VALUE=DATE:", 0) == 0) ++ends;
        if (s.rfind("UID:", 0) == 0) uids.push_back(s.substr(4));
    }
    EXPECT_EQ(events, 13u);
    EXPECT_EQ(stamps, 13u);
    EXPECT_EQ(ends, 13u);
    ASSERT_EQ(starts.size(), 13u);
    EXPECT_EQ(starts.front(), "20181130");
    EXPECT_EQ(starts.back(), "20190529");
    EXPECT_EQ(std::set<std::string>(uids.begin(), uids.end()).size(), 13u);
    EXPECT_NE(std::find_if(l.begin(), l.end(), [](const std::string& s) { return s.find("SUMMARY:") == 0 && s.find("窗口末日") != std::string::npos; }), l.end());
    // The same corpus and day: the same bytes, so the same UIDs.
    const auto again = run_cli(f.dir, {"deadlines", "c.xml", "--as-of", "2018-11-30", "--format", "ics"});
    EXPECT_EQ(again.out, ics);
}

TEST(ReportsDeadlines, IcsEscapesTextAndFoldsLongChineseTitles) {
    const std::string dir = test::scratch_dir("reports-deadlines-ics-escape");
    std::string corpus = k_corpus;
    const std::string title = "关于印发《江阴市科技创新平台建设资助办法》的通知，含逗号;分号\\反斜杠以及一个很长很长很长很长的标题";
    corpus.replace(corpus.find("年底届满"), std::string("年底届满").size(), title);
    test::write_file(dir + "/c.xml", corpus);
    const auto r = run_cli(dir, {"deadlines", "c.xml", "--as-of", "2018-11-30", "--format", "ics"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto l = unfolded_lines(r.out);
    const auto summary = std::find_if(l.begin(), l.end(), [](const std::string& s) { return s.find("SUMMARY:") == 0 && s.find("反斜杠") != std::string::npos; });
    ASSERT_NE(summary, l.end()) << r.out;
    EXPECT_NE(summary->find("通知，含逗号\\;分号\\\\反斜杠"), std::string::npos) << *summary;
    EXPECT_GT(summary->size(), 75u);  // it was folded to fit
}

TEST(ReportsDeadlines, CalendarFromTheCsvWhateverTheWindow) {
    const Fixture f("reports-deadlines-huge");
    const auto r = run_cli(f.dir, {"deadlines", "c.xml", "--as-of", "2018-11-30", "--within", "99999999999", "--format", "csv"});
    ASSERT_EQ(r.code, 0) << r.err;  // a window past the calendar's end is that end, not a crash
    EXPECT_NE(r.out.find("tE2"), std::string::npos);
}
#endif

}  // namespace
}  // namespace normdoc
