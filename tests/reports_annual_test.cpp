// SPEC §13 annual: the year's figures over the documents in scope, CSV figure,count in the SPEC's
// order; text and HTML in the words of the 依法行政 report with the year's lists. Worked out by
// hand on a corpus made for it (each document's role in the comment beside it).
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <regex>
#include <sstream>
#include <string>

namespace normdoc {
namespace {

#ifdef NORMDOC_CLI
using test::run_cli;

const char* const k_corpus = R"(<?xml version="1.0" encoding="UTF-8"?>
<corpus xmlns="urn:normdoc:corpus:1">
  <authorities>
    <authority id="gov" name="江阴市人民政府" kind="government" level="county"/>
    <authority id="kjj" name="江阴市科学技术局" kind="department" level="county" parent="gov"/>
  </authorities>
  <documents>
    <!-- n1: issued 2018 with every step: reviewed, decided, consulted 30 days, filed on time -->
    <document id="n1" kind="normative" number="澄科发〔2018〕1号"><title>全程合规</title><issuer ref="kjj"/>
      <dates published="2018-03-01"/>
      <procedure>
        <consultation from="2018-01-01" to="2018-01-30"/>
        <legality-review date="2018-02-01" outcome="lawful" by="gov"/>
        <collective-decision date="2018-02-10" body="局长办公会" outcome="adopted"/>
        <filing date="2018-03-20" with="gov"/>
      </procedure></document>
    <!-- n2: reviewed but not decided, consultation 10 days, filed late -->
    <document id="n2" kind="normative" number="澄科发〔2018〕2号"><title>部分合规</title><issuer ref="kjj"/>
      <dates published="2018-06-01"/>
      <procedure>
        <consultation from="2018-04-01" to="2018-04-10"/>
        <legality-review date="2018-05-01" outcome="lawful" by="gov"/>
        <filing date="2018-08-01" with="gov"/>
      </procedure></document>
    <!-- o1: issued 2018, not normative; repeals r1, amends a1, declares inv1 invalid -->
    <document id="o1" kind="other" number="澄科发〔2018〕3号"><title>清理决定</title><issuer ref="kjj"/>
      <dates published="2018-07-01"/>
      <relations><repeals ref="r1"/><amends ref="a1" date="2018-09-01"/><declares-invalid ref="inv1" date="2018-10-01"/></relations></document>
    <document id="r1" kind="normative" number="澄科发〔2016〕1号"><title>被废止</title><issuer ref="kjj"/><dates published="2016-01-01"/></document>
    <document id="a1" kind="normative" number="澄科发〔2017〕1号"><title>被修改</title><issuer ref="kjj"/><dates published="2017-01-01"/></document>
    <document id="inv1" kind="normative" number="澄科发〔2017〕5号"><title>被宣布失效</title><issuer ref="kjj"/><dates published="2017-05-01"/></document>
    <!-- x1: last day 2018-02-28, expired in 2018; x0 expired in 2017 (not this year's) -->
    <document id="x1" kind="normative" number="澄科发〔2013〕1号"><title>今年届满</title><issuer ref="kjj"/><dates published="2013-03-01"/></document>
    <document id="x0" kind="normative" number="澄科发〔2012〕1号"><title>去年届满</title><issuer ref="kjj"/><dates published="2012-01-01"/></document>
    <!-- p1: published 2018-12-20, in force from 2019: issued and pending -->
    <document id="p1" kind="normative" number="澄科发〔2018〕9号"><title>明年施行</title><issuer ref="kjj"/>
      <dates published="2018-12-20" effective="2019-01-01"/></document>
    <!-- ev: amended by an event of 2018 -->
    <document id="ev" kind="normative" number="澄科发〔2017〕2号"><title>事件修改</title><issuer ref="kjj"/><dates published="2017-02-01"/>
      <events><event type="amendment" date="2018-04-01" source="external"/></events></document>
    <!-- z1: an amendment dated 2018 by a document published only in 2019: not this year's -->
    <document id="z1" kind="normative" number="澄科发〔2017〕3号"><title>追溯修改</title><issuer ref="kjj"/><dates published="2017-03-01"/></document>
    <document id="o2" kind="other" number="澄科发〔2019〕1号"><title>明年的决定</title><issuer ref="kjj"/>
      <dates published="2019-01-05"/><relations><amends ref="z1" date="2018-05-01"/></relations></document>
    <!-- g1: the government's, outside --scope kjj -->
    <document id="g1" kind="normative" number="澄政发〔2018〕1号"><title>政府文件</title><issuer ref="gov"/><dates published="2018-04-01"/></document>
  </documents>
</corpus>
)";

TEST(ReportsAnnual, CsvFiguresInTheSpecsOrderOverTheScope) {
    const std::string dir = test::scratch_dir("reports-annual-csv");
    test::write_file(dir + "/c.xml", k_corpus);
    const auto r = run_cli(dir, {"annual", "c.xml", "--year", "2018", "--scope", "kjj", "--format", "csv"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out,
              "figure,count\n"
              "issued,4\n"                // n1 n2 o1 p1
              "issued_normative,3\n"      // n1 n2 p1
              "legality_reviewed,2\n"     // n1 n2
              "collectively_decided,1\n"  // n1
              "consulted,1\n"             // n1 (n2: 10 days)
              "filed_on_time,1\n"         // n1 (n2: late)
              "repealed,1\n"              // r1
              "declared_invalid,1\n"      // inv1
              "expired,1\n"               // x1 (x0 expired in 2017)
              "amended,2\n"               // a1, ev (z1's amendment is published in 2019)
              "in_force,6\n"              // n1 n2 o1 a1 ev z1
              "pending,1\n");             // p1
}

TEST(ReportsAnnual, WithoutScopeEveryDocumentCounts) {
    const std::string dir = test::scratch_dir("reports-annual-all");
    test::write_file(dir + "/c.xml", k_corpus);
    const auto r = run_cli(dir, {"annual", "c.xml", "--year", "2018", "--format", "csv"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("\nissued,5\nissued_normative,4\nlegality_reviewed,2\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\nin_force,7\n"), std::string::npos) << r.out;
}

TEST(ReportsAnnual, TextInTheWordsOfTheAnnualReportWithTheYearsLists) {
    const std::string dir = test::scratch_dir("reports-annual-text");
    test::write_file(dir + "/c.xml", k_corpus);
    const auto r = run_cli(dir, {"annual", "c.xml", "--year", "2018", "--scope", "kjj"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("2018年度规范性文件工作情况（江阴市科学技术局）"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("本年度制定规范性文件 3 件，其中经合法性审核 2 件，经集体讨论决定 1 件"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("本年度废止 1 件，宣布失效 1 件，有效期届满 1 件，修改 2 件。"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("本年度发布的文件：4 件"), std::string::npos) << r.out;
    EXPECT_LT(r.out.find("澄科发〔2018〕2号"), r.out.find("澄科发〔2018〕9号"));  // the order of 文号
    EXPECT_NE(r.out.find("本年度废止的文件：1 件"), std::string::npos);
    EXPECT_NE(r.out.find("被废止"), std::string::npos);
    EXPECT_EQ(r.out.find("去年届满"), std::string::npos);  // x0 is not this year's
}

TEST(ReportsAnnual, AllReviewedIsWordedAsTheSeedWordsIt) {
    const std::string dir = test::scratch_dir("reports-annual-seed");
    test::write_file(dir + "/c.xml", k_corpus);
    const auto r = run_cli(dir, {"annual", "c.xml", "--year", "2018", "--scope", "gov", "--lang", "en", "--format", "csv"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("issued,1\n"), std::string::npos) << r.out;
    const auto zh = run_cli(dir, {"annual", "examples.xml", "--year", "2018"});
    EXPECT_EQ(zh.code, 3);  // no such file
    const std::string example = std::string(NORMDOC_SOURCE_DIR) + "/examples/jiangyin.xml";
    const auto seed = run_cli(dir, {"annual", example, "--year", "2018", "--scope", "jy-kjj"});
    ASSERT_EQ(seed.code, 0) << seed.err;
    EXPECT_NE(seed.out.find("本年度制定规范性文件 6 件，均经合法性审核和集体讨论决定"), std::string::npos) << seed.out;
}

TEST(ReportsAnnual, HtmlIsOnePageWithTheFiguresAndLists) {
    const std::string dir = test::scratch_dir("reports-annual-html");
    test::write_file(dir + "/c.xml", k_corpus);
    const auto r = run_cli(dir, {"annual", "c.xml", "--year", "2018", "--scope", "kjj", "--format", "html", "-o", "a.html"});
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string page = test::read_text(dir + "/a.html");
    EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u) << page.substr(0, 80);
    EXPECT_NE(page.find("<tr data-figure=\"issued_normative\"><td>其中规范性文件</td><td class=\"count\">3</td></tr>"), std::string::npos);
    EXPECT_NE(page.find("data-list=\"repealed\""), std::string::npos);
    EXPECT_NE(page.find("<tr data-id=\"r1\">"), std::string::npos);
    EXPECT_EQ(page.find("<script"), std::string::npos);
    EXPECT_EQ(page.find("http://"), std::string::npos);
    EXPECT_EQ(page.find("https://"), std::string::npos);
}

// The page in a real browser (headless Chromium, as tests/cleanup_annex_test.cpp runs it): the
// figures it renders are the CSV's, and it asks the network for nothing.
bool have_chromium() { return std::system("command -v chromium > /dev/null 2>&1") == 0; }

TEST(ReportsAnnual, ChromiumRendersTheFiguresOfTheCsvAndFetchesNothing) {
    if (!have_chromium()) GTEST_SKIP() << "chromium is not installed (scripts/bootstrap installs Debian's chromium)";
    const std::string dir = test::scratch_dir("reports-annual-chromium");
    test::write_file(dir + "/c.xml", k_corpus);
    const auto csv = run_cli(dir, {"annual", "c.xml", "--year", "2018", "--scope", "kjj", "--format", "csv"});
    ASSERT_EQ(csv.code, 0) << csv.err;
    const auto html = run_cli(dir, {"annual", "c.xml", "--year", "2018", "--scope", "kjj", "--format", "html", "-o", dir + "/a.html"});
    ASSERT_EQ(html.code, 0) << html.err;
    const std::string cmd = "timeout 90 chromium --headless --no-sandbox --disable-gpu --no-first-run "
                            "--disable-background-networking --disable-component-update --disable-sync "
                            "--user-data-dir=" + dir + "/profile --host-resolver-rules='MAP * ~NOTFOUND' "
                            "--log-net-log=" + dir + "/net-log.json --dump-dom 'file://" + dir + "/a.html' > " + dir +
                            "/dom.html 2> " + dir + "/chromium.err";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << test::read_text(dir + "/chromium.err");
    const std::string dom = test::read_text(dir + "/dom.html");
    // Every figure row the browser built, as figure,count, against the CSV.
    std::string rendered = "figure,count\n";
    static const std::regex row(R"re(<tr data-figure="([a-z_]+)"><td>[^<]*</td><td class="count">([0-9]+)</td></tr>)re");
    for (auto it = std::sregex_iterator(dom.begin(), dom.end(), row); it != std::sregex_iterator(); ++it)
        rendered += (*it)[1].str() + "," + (*it)[2].str() + "\n";
    EXPECT_EQ(rendered, csv.out) << dom.substr(0, 2000);
    EXPECT_NE(dom.find("本年度制定规范性文件 3 件"), std::string::npos);
    // Nothing asked of the network by the page (its requests are keyed by the file:// page).
    const std::string net = test::read_text(dir + "/net-log.json");
    std::istringstream lines(net);
    for (std::string line; std::getline(lines, line);) {
        if (line.find("\"network_isolation_key\":\"file://") == std::string::npos) continue;
        EXPECT_EQ(line.find("\"url\":\"http"), std::string::npos) << line.substr(0, 300);
    }
}

TEST(ReportsAnnual, AYearIsRequiredAndInTheCalendar) {
    const std::string dir = test::scratch_dir("reports-annual-usage");
    test::write_file(dir + "/c.xml", k_corpus);
    EXPECT_EQ(run_cli(dir, {"annual", "c.xml"}).code, 2);
    EXPECT_EQ(run_cli(dir, {"annual", "c.xml", "--year", "18"}).code, 2);
    EXPECT_EQ(run_cli(dir, {"annual", "c.xml", "--year", "twenty"}).code, 2);
    EXPECT_EQ(run_cli(dir, {"annual", "c.xml", "--year", "2018", "--format", "ics"}).code, 2);
}
#endif

}  // namespace
}  // namespace normdoc
