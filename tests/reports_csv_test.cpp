// SPEC §10: CSV for the people who open it in a spreadsheet: --columns LIST (names from §10, in
// the order given), --bom, the `since` column (the day the status began); the default columns
// unchanged for scripts.
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace normdoc {
namespace {

#ifdef NORMDOC_CLI
using test::run_cli;

// old: term to 2018-06-30 (effective 2013-07-01, 5 years), repealed by rep on 2018-05-01.
// live: in force since 2017-03-01; soon: published 2018-11-20, effective 2019-01-01 (pending);
// draft: no dates; gone: expired (last day 2016-12-31). joint: two issuers.
const char* const k_corpus = R"(<?xml version="1.0" encoding="UTF-8"?>
<corpus xmlns="urn:normdoc:corpus:1">
  <authorities>
    <authority id="gov" name="江阴市人民政府" kind="government" level="county"/>
    <authority id="kjj" name="江阴市科学技术局" kind="department" level="county" parent="gov"/>
  </authorities>
  <documents>
    <document id="old" kind="normative" number="澄科发〔2013〕6号"><title>旧办法</title><issuer ref="kjj"/>
      <dates published="2013-06-20" effective="2013-07-01"/></document>
    <document id="rep" kind="normative" number="澄科发〔2018〕3号"><title>关于废止《旧办法》的决定</title><issuer ref="kjj"/>
      <dates published="2018-04-25" effective="2018-05-01"/>
      <relations><repeals ref="old"/></relations></document>
    <document id="live" kind="normative" number="澄科发〔2017〕2号"><title>现行办法,含逗号</title><issuer ref="kjj"/>
      <dates published="2017-02-20" effective="2017-03-01"/><relations><based-on ref="old"/></relations></document>
    <document id="soon" kind="normative" number="澄科发〔2018〕9号"><title>将施行</title><issuer ref="kjj"/>
      <dates published="2018-11-20" effective="2019-01-01"/></document>
    <document id="draft" kind="normative"><title>草案</title><issuer ref="kjj"/></document>
    <document id="gone" kind="normative" number="澄科发〔2011〕1号"><title>过期</title><issuer ref="kjj"/>
      <dates published="2011-12-25" effective="2012-01-01"/></document>
    <document id="joint" kind="normative" number="澄政发〔2016〕1号"><title>联合发文</title><issuer ref="kjj"/><issuer ref="gov"/>
      <dates published="2016-01-10"/></document>
  </documents>
</corpus>
)";

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

std::string row_of(const std::string& csv, const std::string& id) {
    for (const std::string& line : lines_of(csv))
        if (line.rfind(id + ",", 0) == 0) return line;
    return "(no row " + id + ")";
}

struct Fixture {
    std::string dir;
    explicit Fixture(const std::string& name) : dir(test::scratch_dir(name)) { test::write_file(dir + "/c.xml", k_corpus); }
    test::CliRun run(std::vector<std::string> args) const { return run_cli(dir, std::move(args)); }
};

TEST(ReportsCsv, TheDefaultColumnsDoNotChange) {
    const Fixture f("reports-csv-default");
    const auto status = f.run({"status", "c.xml", "--as-of", "2018-11-30", "--format", "csv"});
    ASSERT_EQ(status.code, 0) << status.err;
    EXPECT_EQ(lines_of(status.out).front(), "id,status,last_day,amended");
    EXPECT_EQ(row_of(status.out, "old"), "old,repealed,2018-06-30,no");
    const auto cleanup = f.run({"cleanup", "c.xml", "--as-of", "2018-11-30", "--format", "csv"});
    ASSERT_EQ(cleanup.code, 0) << cleanup.err;
    EXPECT_EQ(lines_of(cleanup.out).front(), "id,number,status,action,findings");
    EXPECT_EQ(status.out.rfind("\xEF\xBB\xBF", 0), std::string::npos);  // no byte-order mark unless asked
}

TEST(ReportsCsv, SinceIsTheDayTheStatusBeganARepealedDocumentsRepealDay) {
    const Fixture f("reports-csv-since");
    const auto r = f.run({"status", "c.xml", "--as-of", "2018-11-30", "--format", "csv", "--columns", "id,status,since,last_day"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(lines_of(r.out).front(), "id,status,since,last_day");
    EXPECT_EQ(row_of(r.out, "old"), "old,repealed,2018-05-01,2018-06-30");   // not its term's end
    EXPECT_EQ(row_of(r.out, "live"), "live,in-force,2017-03-01,2022-02-28");  // effective
    EXPECT_EQ(row_of(r.out, "soon"), "soon,pending,2018-11-20,2023-12-31");  // published
    EXPECT_EQ(row_of(r.out, "draft"), "draft,draft,,");                       // a draft: empty
    EXPECT_EQ(row_of(r.out, "gone"), "gone,expired,2017-01-01,2016-12-31");   // the day after its last day
}

TEST(ReportsCsv, ColumnsInTheOrderGivenWithMinimalQuotingAndSortedLists) {
    const Fixture f("reports-csv-columns");
    const auto r = f.run({"status", "c.xml", "--as-of", "2018-11-30", "--format", "csv", "--columns",
                          "title,number,id,kind,issuers,drafter,published,effective,amended"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(lines_of(r.out).front(), "title,number,id,kind,issuers,drafter,published,effective,amended");
    EXPECT_NE(r.out.find("\n\"现行办法,含逗号\",澄科发〔2017〕2号,live,"), std::string::npos) << r.out;  // quoted: a comma
    EXPECT_NE(r.out.find("\n联合发文,澄政发〔2016〕1号,joint,normative,gov;kjj,kjj,2016-01-10,2016-01-10,no\n"), std::string::npos) << r.out;
    // rows stay in id order (SPEC §10), whatever the columns
    const auto rows = lines_of(r.out);
    ASSERT_EQ(rows.size(), 8u);
    EXPECT_EQ(rows[1].substr(0, rows[1].find(',')), "草案");  // draft sorts first by id
}

TEST(ReportsCsv, CleanupColumnsIncludeActionFindingsAndDetails) {
    const Fixture f("reports-csv-cleanup");
    const auto r = f.run({"cleanup", "c.xml", "--as-of", "2018-11-30", "--format", "csv", "--columns", "number,action,findings,details,since"});
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string live = [&] {
        for (const std::string& line : lines_of(r.out))
            if (line.rfind("澄科发〔2017〕2号,", 0) == 0) return line;
        return std::string();
    }();
    // live rests on old, repealed 2018-05-01: BASIS_TERMINATED (repeal); also no procedure recorded.
    EXPECT_EQ(live.rfind("澄科发〔2017〕2号,repeal,BASIS_TERMINATED;FILING_OVERDUE;NO_COLLECTIVE_DECISION;NO_CONSULTATION;NO_LEGALITY_REVIEW,", 0), 0u) << live;
    EXPECT_NE(live.find("BASIS_TERMINATED: 上位依据 澄科发〔2013〕6号 于 2018-05-01 已废止"), std::string::npos) << live;
    EXPECT_NE(live.find(";FILING_OVERDUE: "), std::string::npos) << live;
    EXPECT_EQ(live.substr(live.size() - 11), ",2017-03-01") << live;
}

TEST(ReportsCsv, BomStartsTheOutputWithAByteOrderMark) {
    const Fixture f("reports-csv-bom");
    for (const char* command : {"status", "cleanup"}) {
        const auto r = f.run({command, "c.xml", "--as-of", "2018-11-30", "--format", "csv", "--bom"});
        ASSERT_EQ(r.code, 0) << r.err;
        EXPECT_EQ(r.out.rfind("\xEF\xBB\xBF" "id,", 0), 0u) << command;
    }
}

TEST(ReportsCsv, AnUnknownOrMisplacedColumnIsAUsageError) {
    const Fixture f("reports-csv-usage");
    for (const char* list : {"id,bogus", "id,,status", "id,id", ""}) {
        const auto r = f.run({"status", "c.xml", "--format", "csv", "--columns", list});
        EXPECT_EQ(r.code, 2) << list << ": " << r.err;
    }
    const auto r = f.run({"status", "c.xml", "--format", "csv", "--columns", "id,action"});  // cleanup's column
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("accepted: id,number,title"), std::string::npos) << r.err;
}
#endif

}  // namespace
}  // namespace normdoc
