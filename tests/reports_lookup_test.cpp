// SPEC §10: wherever a command takes a document id (impact DOC, graph --root DOC), a 发文字号
// held by exactly one document is taken as well; one held by several is exit 2 listing them.
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <string>

namespace normdoc {
namespace {

#ifdef NORMDOC_CLI
using test::run_cli;

// 澄政发〔2018〕1号 is used by two issuers (allowed: a number is a serial of its issuer's year).
const char* const k_corpus = R"(<?xml version="1.0" encoding="UTF-8"?>
<corpus xmlns="urn:normdoc:corpus:1">
  <authorities>
    <authority id="gov" name="江阴市人民政府" kind="government" level="county"/>
    <authority id="kjj" name="江阴市科学技术局" kind="department" level="county" parent="gov"/>
  </authorities>
  <documents>
    <document id="base" kind="normative" number="澄政发〔2016〕7号"><title>基础</title><issuer ref="gov"/><dates published="2016-01-10"/></document>
    <document id="dep" kind="normative" number="澄科发〔2017〕2号"><title>依据基础</title><issuer ref="kjj"/>
      <dates published="2017-01-10"/><relations><based-on ref="base"/></relations></document>
    <document id="twin-a" kind="normative" number="澄政发〔2018〕1号"><title>甲</title><issuer ref="gov"/><dates published="2018-01-10"/></document>
    <document id="twin-b" kind="normative" number="澄政发〔2018〕1号"><title>乙</title><issuer ref="kjj"/><dates published="2018-02-10"/></document>
  </documents>
</corpus>
)";

TEST(ReportsLookup, ImpactTakesANumberHeldByOneDocument) {
    const std::string dir = test::scratch_dir("reports-lookup-impact");
    test::write_file(dir + "/c.xml", k_corpus);
    const auto by_number = run_cli(dir, {"impact", "c.xml", "澄政发〔2016〕7号", "--as-of", "2018-11-30", "--format", "csv"});
    ASSERT_EQ(by_number.code, 0) << by_number.err;
    EXPECT_EQ(by_number.out, "id,depth,status\ndep,1,in-force\n");
    const auto by_id = run_cli(dir, {"impact", "c.xml", "base", "--as-of", "2018-11-30", "--format", "csv"});
    EXPECT_EQ(by_id.out, by_number.out);
}

TEST(ReportsLookup, GraphRootTakesANumberToo) {
    const std::string dir = test::scratch_dir("reports-lookup-graph");
    test::write_file(dir + "/c.xml", k_corpus);
    const auto by_number = run_cli(dir, {"graph", "c.xml", "--root", "澄科发〔2017〕2号", "--as-of", "2018-11-30"});
    ASSERT_EQ(by_number.code, 0) << by_number.err;
    const auto by_id = run_cli(dir, {"graph", "c.xml", "--root", "dep", "--as-of", "2018-11-30"});
    EXPECT_EQ(by_number.out, by_id.out);
}

TEST(ReportsLookup, ANumberHeldBySeveralIsAUsageErrorListingThem) {
    const std::string dir = test::scratch_dir("reports-lookup-ambiguous");
    test::write_file(dir + "/c.xml", k_corpus);
    const auto r = run_cli(dir, {"impact", "c.xml", "澄政发〔2018〕1号", "--as-of", "2018-11-30"});
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_NE(r.err.find("held by 2 documents"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("twin-a 《甲》"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("twin-b 《乙》"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
}

TEST(ReportsLookup, NeitherIdNorNumberIsAUsageError) {
    const std::string dir = test::scratch_dir("reports-lookup-unknown");
    test::write_file(dir + "/c.xml", k_corpus);
    EXPECT_EQ(run_cli(dir, {"impact", "c.xml", "澄政发〔2099〕1号"}).code, 2);
    EXPECT_EQ(run_cli(dir, {"graph", "c.xml", "--root", "nothing"}).code, 2);
}
#endif

}  // namespace
}  // namespace normdoc
