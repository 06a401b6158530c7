// SPEC §13: the reports for people list documents by first issuer, then by 发文字号 (agency
// prefix, then year and serial as numbers: 〔2013〕6号 before 〔2013〕15号), documents without a
// number last, by id; in Chinese by default, English with --lang en. CSV keeps §10's id order.
#include "test_support.hpp"

#include "normdoc/document_order.hpp"
#include "normdoc/io.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace normdoc {
namespace {

TEST(NumberOrder, TheSerialIsComparedAsANumber) {
    EXPECT_TRUE(number_before("澄科发〔2013〕6号", "澄科发〔2013〕15号"));
    EXPECT_FALSE(number_before("澄科发〔2013〕15号", "澄科发〔2013〕6号"));
    EXPECT_LT(std::string("澄科发〔2013〕15号"), std::string("澄科发〔2013〕6号"));  // bytes would say otherwise
}

TEST(NumberOrder, TheYearComesBeforeTheSerial) {
    EXPECT_TRUE(number_before("澄科发〔2012〕30号", "澄科发〔2013〕6号"));
    EXPECT_TRUE(number_before("澄科发[2009]99号", "澄科发[2010]1号"));
}

TEST(NumberOrder, TheAgencyPrefixComesFirst) {
    // 澄政发 and 澄科发 differ in their second character: bytes decide, whatever the year.
    const bool gov_first = std::string("澄政发") < std::string("澄科发");
    EXPECT_EQ(number_before("澄政发〔2018〕1号", "澄科发〔2010〕1号"), gov_first);
    EXPECT_EQ(number_before("澄科发〔2010〕1号", "澄政发〔2018〕1号"), !gov_first);
}

TEST(NumberOrder, NumbersWithoutAYearCompareTheirDigitsAsNumbers) {
    EXPECT_TRUE(number_before("中华人民共和国主席令第7号", "中华人民共和国主席令第68号"));
    EXPECT_FALSE(number_before("中华人民共和国主席令第68号", "中华人民共和国主席令第7号"));
}

TEST(NumberOrder, IsAStrictOrder) {
    EXPECT_FALSE(number_before("澄科发〔2013〕6号", "澄科发〔2013〕6号"));
    EXPECT_FALSE(number_before("第06号", "第6号") && number_before("第6号", "第06号"));
}

const char* const k_corpus = R"(<?xml version="1.0" encoding="UTF-8"?>
<corpus xmlns="urn:normdoc:corpus:1">
  <authorities>
    <authority id="z-gov" name="江阴市人民政府" kind="government" level="county"/>
    <authority id="a-kjj" name="江阴市科学技术局" kind="department" level="county" parent="z-gov"/>
  </authorities>
  <documents>
    <document id="a" kind="normative" number="澄科发〔2013〕15号"><title>十五号</title><issuer ref="a-kjj"/><dates published="2013-05-01"/></document>
    <document id="b" kind="normative"><title>无文号乙</title><issuer ref="a-kjj"/><dates published="2013-05-01"/></document>
    <document id="c" kind="normative" number="澄科发〔2013〕6号"><title>六号</title><issuer ref="a-kjj"/><dates published="2013-03-01"/></document>
    <document id="d" kind="normative" number="澄政发〔2014〕2号"><title>政府二号</title><issuer ref="z-gov"/><dates published="2014-03-01"/></document>
    <document id="e" kind="normative" number="澄科发〔2012〕30号"><title>十二年</title><issuer ref="a-kjj"/><dates published="2012-03-01"/></document>
    <document id="a0" kind="normative"><title>无文号甲</title><issuer ref="a-kjj"/><dates published="2013-05-01"/></document>
  </documents>
</corpus>
)";

std::vector<std::string> ids(const Corpus& corpus, const std::vector<DocumentId>& docs) {
    std::vector<std::string> out;
    for (DocumentId d : docs) out.emplace_back(corpus.document(d).id());
    return out;
}

TEST(DocumentOrder, FirstIssuerInAuthorityOrderThenNumberThenUnnumberedById) {
    const LoadResult loaded = read_corpus(k_corpus, "order.xml");
    ASSERT_TRUE(loaded.ok());
    const Corpus& corpus = *loaded.corpus;
    const auto& all = corpus.documents_by_id();
    const auto order = in_document_order(corpus, std::vector<DocumentId>(all.begin(), all.end()));
    // z-gov is the corpus's first authority (its id sorts last: the file's order decides).
    EXPECT_EQ(ids(corpus, order), (std::vector<std::string>{"d", "e", "c", "a", "a0", "b"}));
}

#ifdef NORMDOC_CLI
using test::run_cli;

TEST(ReportsOrder, StatusTextListsInTheOrderOfNumbersAndCsvById) {
    const std::string dir = test::scratch_dir("reports-order-status");
    test::write_file(dir + "/c.xml", k_corpus);
    const auto text = run_cli(dir, {"status", "c.xml", "--as-of", "2018-11-30"});
    ASSERT_EQ(text.code, 0) << text.err;
    const std::vector<std::string> in_order{"政府二号", "十二年", "六号", "十五号", "无文号甲", "无文号乙"};
    for (std::size_t k = 1; k < in_order.size(); ++k)
        EXPECT_LT(text.out.find(in_order[k - 1]), text.out.find(in_order[k])) << in_order[k - 1] << " / " << in_order[k] << "\n" << text.out;
    const auto csv = run_cli(dir, {"status", "c.xml", "--as-of", "2018-11-30", "--format", "csv"});
    ASSERT_EQ(csv.code, 0) << csv.err;
    EXPECT_EQ(csv.out.substr(0, csv.out.find('\n', csv.out.find('\n') + 1)), "id,status,last_day,amended\na,expired,2018-04-30,no");
    EXPECT_LT(csv.out.find("\na0,"), csv.out.find("\nb,"));
}

TEST(ReportsOrder, CleanupTextListsEachActionInTheOrderOfNumbers) {
    const std::string dir = test::scratch_dir("reports-order-cleanup");
    test::write_file(dir + "/c.xml", k_corpus);
    // As of 2018-11-30 the bureau's five have expired (declare invalid); the government's runs to 2019-02-28.
    const auto r = run_cli(dir, {"cleanup", "c.xml", "--as-of", "2018-11-30"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("1. 澄科发〔2012〕30号《十二年》"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("2. 澄科发〔2013〕6号《六号》"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("3. 澄科发〔2013〕15号《十五号》"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("4. 《无文号甲》"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("5. 《无文号乙》"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("1. 澄政发〔2014〕2号《政府二号》"), std::string::npos) << r.out;
}

TEST(ReportsLanguage, ChineseByDefaultEnglishWithLangEn) {
    const std::string dir = test::scratch_dir("reports-language");
    test::write_file(dir + "/c.xml", k_corpus);
    const auto zh = run_cli(dir, {"cleanup", "c.xml", "--as-of", "2018-11-30"});
    ASSERT_EQ(zh.code, 0) << zh.err;
    EXPECT_NE(zh.out.find("拟宣布失效：5 件"), std::string::npos) << zh.out;
    EXPECT_NE(zh.out.find("有效期已届满：有效期至 2017-02-28，已届满，尚未宣布失效"), std::string::npos) << zh.out;
    const auto en = run_cli(dir, {"cleanup", "c.xml", "--as-of", "2018-11-30", "--lang", "en"});
    ASSERT_EQ(en.code, 0) << en.err;
    EXPECT_NE(en.out.find("declare invalid: 5 documents"), std::string::npos) << en.out;
    EXPECT_NE(en.out.find("term ended: last day in force 2017-02-28, not formally ended"), std::string::npos) << en.out;
    for (const char* word : {"拟宣布失效", "有效期", "截至", "件"}) EXPECT_EQ(en.out.find(word), std::string::npos) << word << "\n" << en.out;
    const auto status_en = run_cli(dir, {"status", "c.xml", "--as-of", "2018-11-30", "--lang", "en"});
    EXPECT_NE(status_en.out.find("6 documents as of 2018-11-30: 1 in force, 5 expired"), std::string::npos) << status_en.out;
    const auto status_zh = run_cli(dir, {"status", "c.xml", "--as-of", "2018-11-30"});
    EXPECT_NE(status_zh.out.find("截至 2018-11-30 共 6 件：有效 1 件，有效期已届满 5 件"), std::string::npos) << status_zh.out;
}

TEST(ReportsLanguage, AnotherLanguageIsAUsageErrorBeforeTheCorpusIsRead) {
    const std::string dir = test::scratch_dir("reports-language-usage");
    const auto r = run_cli(dir, {"status", "no-such-file.xml", "--lang", "fr"});
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_NE(r.err.find("--lang"), std::string::npos) << r.err;
}
#endif

}  // namespace
}  // namespace normdoc

namespace normdoc {
namespace {
#ifdef NORMDOC_CLI
// impact's text: by depth, then in the order of 文号 within a depth; Chinese by default.
TEST(ReportsOrder, ImpactTextByDepthThenTheOrderOfNumbers) {
    const std::string dir = test::scratch_dir("reports-order-impact");
    test::write_file(dir + "/c.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<corpus xmlns="urn:normdoc:corpus:1">
  <authorities><authority id="kjj" name="江阴市科学技术局" kind="department" level="county"/></authorities>
  <documents>
    <document id="base" kind="normative" number="澄科发〔2012〕1号"><title>依据</title><issuer ref="kjj"/><dates published="2012-01-01"/></document>
    <document id="z15" kind="normative" number="澄科发〔2013〕15号"><title>十五号</title><issuer ref="kjj"/><dates published="2013-05-01"/>
      <relations><based-on ref="base"/></relations></document>
    <document id="z6" kind="normative" number="澄科发〔2013〕6号"><title>六号</title><issuer ref="kjj"/><dates published="2013-03-01"/>
      <relations><based-on ref="base"/></relations></document>
    <document id="a2" kind="normative" number="澄科发〔2013〕2号"><title>二层</title><issuer ref="kjj"/><dates published="2013-06-01"/>
      <relations><implements ref="z15"/></relations></document>
  </documents>
</corpus>
)");
    const auto r = test::run_cli(dir, {"impact", "c.xml", "澄科发〔2012〕1号", "--as-of", "2014-01-01"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("截至 2014-01-01，以 澄科发〔2012〕1号《依据》 为依据的文件（含间接）：3 件"), std::string::npos) << r.out;
    EXPECT_LT(r.out.find("澄科发〔2013〕6号"), r.out.find("澄科发〔2013〕15号")) << r.out;
    EXPECT_LT(r.out.find("澄科发〔2013〕15号"), r.out.find("澄科发〔2013〕2号")) << r.out;  // depth 2 after depth 1
}
#endif
}  // namespace
}  // namespace normdoc
