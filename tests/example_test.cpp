// The bundled example (examples/jiangyin.xml): it validates, and its clean-up as of 2018-11-30
// for 江阴市科学技术局 proposes what the seed report says — 拟废止的市政府规范性文件2份，
// 拟宣布失效的政府规范性文件1份、本单位规范性文件10份 — each for a reason the report gives.
#include "normdoc/cleanup.hpp"
#include "normdoc/io.hpp"
#include "normdoc/plan.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

namespace normdoc {
namespace {

using test::d;

const std::string k_example = std::string(NORMDOC_SOURCE_DIR) + "/examples/jiangyin.xml";

class Example : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        LoadResult r = read_corpus_file(k_example);
        problems_ = new std::vector<Problem>(r.problems);
        if (r.corpus) corpus_ = new Corpus(*r.corpus);
    }
    static void TearDownTestSuite() {
        delete corpus_;
        delete problems_;
    }
    void SetUp() override { ASSERT_NE(corpus_, nullptr) << "examples/jiangyin.xml does not load"; }

    static const Corpus& corpus() { return *corpus_; }
    static CleanupResult run() { return cleanup(corpus(), d("2018-11-30"), *CleanupScope::of(corpus(), "jy-kjj")); }
    static std::vector<std::string> ids(const CleanupResult& r, Action a) {
        std::vector<std::string> out;
        for (const CleanupItem& i : r.items())
            if (i.action == a) out.emplace_back(corpus().document(i.document).id());
        return out;
    }

    static inline Corpus* corpus_ = nullptr;
    static inline std::vector<Problem>* problems_ = nullptr;
};

TEST_F(Example, ValidatesWithoutProblems) {
    for (const Problem& p : *problems_) ADD_FAILURE() << p;
    EXPECT_NE(corpus().find_authority("jy-kjj"), std::nullopt);
    EXPECT_EQ(corpus().authority(*corpus().find_authority("jy-kjj")).name(), "江阴市科学技术局");
}

TEST_F(Example, RepealsTheTwoCityGovernmentDocuments) {
    const CleanupResult r = run();
    EXPECT_EQ(ids(r, Action::repeal), (std::vector<std::string>{"jy-gov-2014-38", "jy-gov-2016-21"}));
    for (const CleanupItem& i : r.items()) {
        if (i.action != Action::repeal) continue;
        const Document doc = corpus().document(i.document);
        EXPECT_EQ(corpus().authority(doc.issuers().at(0)).id(), "jy-gov") << doc.id();
        EXPECT_EQ(corpus().authority(doc.drafter()).id(), "jy-kjj") << doc.id();
    }
    // The first because its basis was repealed, the second by the cascade.
    EXPECT_TRUE(r.findings(*r.find(*corpus().find_document("jy-gov-2014-38"))).contains(FindingCode::basis_terminated));
    EXPECT_TRUE(r.findings(*r.find(*corpus().find_document("jy-gov-2016-21"))).contains(FindingCode::basis_to_be_terminated));
}

TEST_F(Example, DeclaresOneGovernmentAndTenOwnDocumentsInvalid) {
    const CleanupResult r = run();
    EXPECT_EQ(r.count(Action::declare_invalid), 11u);
    std::map<std::string, int> by_issuer;
    for (const CleanupItem& i : r.items()) {
        if (i.action != Action::declare_invalid) continue;
        const Document doc = corpus().document(i.document);
        ASSERT_EQ(doc.issuers().size(), 1u) << doc.id();
        ++by_issuer[std::string(corpus().authority(doc.issuers()[0]).id())];
        EXPECT_EQ(corpus().authority(doc.drafter()).id(), "jy-kjj") << doc.id();
        // Terms run out, tasks done: every one has expired.
        EXPECT_TRUE(r.findings(i).contains(FindingCode::expired)) << doc.id();
    }
    EXPECT_EQ(by_issuer, (std::map<std::string, int>{{"jy-gov", 1}, {"jy-kjj", 10}}));
}

TEST_F(Example, SomeToAmendSomeToEvaluateTheRestRetained) {
    const CleanupResult r = run();
    EXPECT_EQ(ids(r, Action::amend),
              (std::vector<std::string>{"jy-kjj-2016-9", "jy-kjj-2017-12", "jy-kjj-2017-5", "jy-scl-2016-2"}));
    EXPECT_EQ(ids(r, Action::evaluate), (std::vector<std::string>{"jy-kjj-2014-1", "jy-kjj-2015-7", "jy-kjj-2017-8"}));
    EXPECT_EQ(r.count(Action::retain), 8u);
}

TEST_F(Example, TheSeedsThreeTrialMeasuresAndThreePoliciesAreRetained) {
    const CleanupResult r = run();
    for (const char* id : {"jy-kjj-2018-5", "jy-kjj-2018-9", "jy-kjj-2018-11", "jy-party-2018-8", "jy-gov-2018-12",
                           "jy-party-office-2018-45"}) {
        const CleanupItem* i = r.find(*corpus().find_document(id));
        ASSERT_NE(i, nullptr) << id;
        EXPECT_EQ(i->action, Action::retain) << id;
        EXPECT_TRUE(r.findings(*i).empty()) << id;
    }
}

TEST_F(Example, SummaryByIssuerInTheSeedsTerms) {
    const auto summary = run().summary_by_issuer();
    const auto gov = std::find_if(summary.begin(), summary.end(), [](const ActionCounts& c) {
        return c.authority.valid() && corpus().authority(c.authority).id() == "jy-gov";
    });
    const auto own = std::find_if(summary.begin(), summary.end(), [](const ActionCounts& c) {
        return c.authority.valid() && corpus().authority(c.authority).id() == "jy-kjj";
    });
    ASSERT_NE(gov, summary.end());
    ASSERT_NE(own, summary.end());
    EXPECT_EQ((*gov)[Action::repeal], 2u);           // 拟废止的市政府规范性文件2份
    EXPECT_EQ((*gov)[Action::declare_invalid], 1u);  // 拟宣布失效的政府规范性文件1份
    EXPECT_EQ((*own)[Action::declare_invalid], 10u); // 本单位规范性文件10份
    EXPECT_EQ((*own)[Action::repeal], 0u);
}

// SPEC §2/§6: the bureau may end only its own documents; the city government's three are left for
// it, and it applies its part of the same plan afterwards (the seed: 拟废止的市政府规范性文件2份 …).
TEST_F(Example, TheBureauAppliesItsPartAndTheCityGovernmentItsOwn) {
    const CleanupResult before = run();
    const Plan plan = make_plan(before);
    Decision bureau{"jy-kjj-2018-20", "澄科发〔2018〕20号", "关于废止和宣布失效部分规范性文件的决定", {"jy-kjj"}, d("2018-11-30"), DocumentKind::other};
    EXPECT_FALSE(apply_plan(corpus(), plan, bureau).ok());  // not competent for the city government's documents
    ApplyOptions part;
    part.only_competent = true;
    const ApplyResult first = apply_plan(corpus(), plan, bureau, part);
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(first.repealed + first.declared_invalid, 10u);
    ASSERT_EQ(first.left_out.size(), 3u);
    for (const LeftOutItem& item : first.left_out) {
        ASSERT_EQ(item.competent.size(), 1u);
        EXPECT_EQ(corpus().authority(item.competent[0]).id(), "jy-gov");
    }
    Decision city{"jy-gov-2018-30", "澄政发〔2018〕30号", "关于废止和宣布失效部分市政府规范性文件的决定", {"jy-gov"}, d("2018-11-30"), DocumentKind::other};
    const ApplyResult second = apply_plan(*first.corpus, plan, city, part);
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second.repealed, 2u);
    EXPECT_EQ(second.declared_invalid, 1u);
    const CleanupResult after = cleanup(*second.corpus, d("2018-11-30"), *CleanupScope::of(*second.corpus, "jy-kjj"));
    EXPECT_EQ(after.count(Action::repeal), 0u);
    EXPECT_EQ(after.count(Action::declare_invalid), 0u);
    EXPECT_EQ(after.items().size(), before.items().size() - 13 + 1);  // the bureau's decision itself is looked at
}


// ---- the same through the command line (SPEC §10) ---------------------------------------------

#ifdef NORMDOC_CLI

using test::CliRun;
using test::run_cli;

const std::vector<std::string> k_apply_options{"--id", "jy-kjj-2018-20", "--number", "澄科发〔2018〕20号", "--title",
                                               "关于废止和宣布失效部分规范性文件的决定", "--issuer", "jy-kjj"};

std::vector<std::string> apply_args(const std::string& corpus, const std::string& plan, const std::string& date,
                                    const std::string& out) {
    std::vector<std::string> args{"apply", corpus, plan};
    args.insert(args.end(), k_apply_options.begin(), k_apply_options.end());
    args.insert(args.end(), {"--date", date, "-o", out});
    return args;
}

TEST(ExampleCli, CleanupCsvRowsByIdWithSortedFindingCodes) {
    const std::string dir = test::scratch_dir("example-cli-csv");
    const CliRun r = run_cli(dir, {"cleanup", k_example, "--as-of", "2018-11-30", "--scope", "jy-kjj", "--format", "csv"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("id,number,status,action,findings\n", 0), 0u);
    EXPECT_NE(r.out.find("\njy-gov-2014-38,澄政发〔2014〕38号,in-force,repeal,BASIS_TERMINATED\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\njy-kjj-2017-8,澄科发〔2017〕8号,in-force,evaluate,FILING_OVERDUE;NO_CONSULTATION\n"), std::string::npos);
    EXPECT_NE(r.out.find("\njy-kjj-2018-5,澄科发〔2018〕5号,in-force,retain,\n"), std::string::npos);
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 29);  // header + 28 documents looked at
    EXPECT_LT(r.out.find("jy-gov-2012-18,"), r.out.find("jy-gov-2014-38,"));
}

TEST(ExampleCli, CleanupTextGroupsByActionAndSummarisesInTheSeedsTerms) {
    const std::string dir = test::scratch_dir("example-cli-text");
    const CliRun r = run_cli(dir, {"cleanup", k_example, "--as-of", "2018-11-30", "--scope", "jy-kjj"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("\n拟废止：2 件\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\n拟宣布失效：11 件\n"), std::string::npos);
    EXPECT_NE(r.out.find("上位依据 苏科规〔2013〕2号 于 2018-05-01 已废止（已无有效依据）"), std::string::npos);
    EXPECT_LT(r.out.find("拟废止："), r.out.find("继续有效："));
    // The summary: 江阴市人民政府 2 to repeal, 1 to declare invalid; the bureau 10.
    EXPECT_NE(r.out.find("江阴市人民政府          2 份        1 份"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("江阴市科学技术局        0 份       10 份"), std::string::npos) << r.out;
    // and the seed's own sentence (拟废止的市政府规范性文件2份，拟宣布失效的政府规范性文件1份、本单位规范性文件10份).
    EXPECT_NE(r.out.find("拟废止的江阴市人民政府规范性文件 2 份，拟宣布失效的江阴市人民政府规范性文件 1 份、本单位规范性文件 10 份"),
              std::string::npos) << r.out;
}

TEST(ExampleCli, CleanupTextInEnglishWordsTheSameFindings) {
    const std::string dir = test::scratch_dir("example-cli-text-en");
    const CliRun r = run_cli(dir, {"cleanup", k_example, "--as-of", "2018-11-30", "--scope", "jy-kjj", "--lang", "en"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("\nrepeal: 2 documents\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("basis 苏科规〔2013〕2号 repealed 2018-05-01 (no basis left)"), std::string::npos);
    EXPECT_EQ(r.out.find("拟废止"), std::string::npos) << r.out;
}

TEST(ExampleCli, AnUnknownScopeOrDocumentIsAUsageError) {
    const std::string dir = test::scratch_dir("example-cli-usage");
    EXPECT_EQ(run_cli(dir, {"cleanup", k_example, "--scope", "jy-nobody"}).code, 2);
    EXPECT_EQ(run_cli(dir, {"impact", k_example, "no-such-doc"}).code, 2);
    EXPECT_EQ(run_cli(dir, {"graph", k_example, "--root", "no-such-doc"}).code, 2);
    EXPECT_EQ(run_cli(dir, {"cleanup", k_example, "--format", "dot"}).code, 2);
}

TEST(ExampleCli, ImpactCsvByDepthThenId) {
    const std::string dir = test::scratch_dir("example-cli-impact");
    const CliRun r = run_cli(dir, {"impact", k_example, "jy-party-2018-8", "--as-of", "2018-11-30", "--format", "csv"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, "id,depth,status\njy-kjj-2018-9,1,in-force\njy-party-office-2018-45,1,in-force\n");
    const CliRun chain = run_cli(dir, {"impact", k_example, "js-kjt-2013-2", "--as-of", "2018-11-30", "--format", "csv"});
    EXPECT_EQ(chain.out, "id,depth,status\njy-gov-2014-38,1,in-force\njy-kjj-2016-9,1,in-force\njy-gov-2016-21,2,in-force\n");
}

TEST(ExampleCli, GraphIsDot) {
    const std::string dir = test::scratch_dir("example-cli-graph");
    const CliRun r = run_cli(dir, {"graph", k_example, "--root", "jy-gov-2014-38", "--depth", "1", "--as-of", "2018-11-30"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("digraph normdoc {", 0), 0u);
    EXPECT_NE(r.out.find("\"jy-gov-2016-21\" -> \"jy-gov-2014-38\" [label=\"implements\""), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("\"jy-kjj-2018-5\""), std::string::npos);
}

TEST(ExampleCli, PlanThenApplyThenNothingLeftToEnd) {
    const std::string dir = test::scratch_dir("example-cli-apply");
    const CliRun plan = run_cli(dir, {"cleanup", k_example, "--as-of", "2018-11-30", "--scope", "jy-kjj", "--format", "xml", "-o", "plan.xml"});
    ASSERT_EQ(plan.code, 0) << plan.err;
    // SPEC §2/§6: the bureau refuses to decide for the city government, applies its own part, and the
    // city government applies its part of the same plan.
    const CliRun refused = run_cli(dir, apply_args(k_example, "plan.xml", "2018-11-30", "after.xml"));
    EXPECT_EQ(refused.code, 1);
    EXPECT_EQ(std::count(refused.err.begin(), refused.err.end(), '\n'), 3 + 1) << refused.err;
    EXPECT_NE(refused.err.find("error: NOT_COMPETENT: item jy-gov-2014-38 (repeal): 江阴市科学技术局 (jy-kjj) is not competent"),
              std::string::npos) << refused.err;
    std::vector<std::string> bureau = apply_args(k_example, "plan.xml", "2018-11-30", "bureau.xml");
    bureau.push_back("--only-competent");
    const CliRun part = run_cli(dir, bureau);
    ASSERT_EQ(part.code, 0) << part.err;
    EXPECT_EQ(std::count(part.err.begin(), part.err.end(), '\n'), 3) << part.err;  // a warning for each item left
    // SPEC §13: what it did, in words: the decision, how many ended, what is left to whom.
    EXPECT_NE(part.out.find("废止 0 件，宣布失效 10 件"), std::string::npos) << part.out;
    EXPECT_NE(part.out.find("未予处理 3 件："), std::string::npos) << part.out;
    EXPECT_NE(part.out.find("澄政发〔2014〕38号《江阴市科技型中小企业认定管理办法》（拟废止）：须由江阴市人民政府 (jy-gov)"), std::string::npos) << part.out;
    EXPECT_NE(part.out.find("另有 7 件待人工处理（修改、评估）："), std::string::npos) << part.out;
    const CliRun applied = run_cli(dir, {"apply", "bureau.xml", "plan.xml", "--id", "jy-gov-2018-30", "--number", "澄政发〔2018〕30号",
                                         "--title", "关于废止和宣布失效部分市政府规范性文件的决定", "--issuer", "jy-gov",
                                         "--date", "2018-11-30", "--only-competent", "-o", "after.xml"});
    ASSERT_EQ(applied.code, 0) << applied.err;
    EXPECT_NE(applied.out.find("废止 2 件，宣布失效 1 件"), std::string::npos) << applied.out;
    const CliRun after = run_cli(dir, {"cleanup", "after.xml", "--as-of", "2018-11-30", "--scope", "jy-kjj", "--format", "csv"});
    ASSERT_EQ(after.code, 0) << after.err;
    EXPECT_EQ(after.out.find(",repeal,"), std::string::npos) << after.out;
    EXPECT_EQ(after.out.find(",declare-invalid,"), std::string::npos) << after.out;
    EXPECT_NE(after.out.find("\njy-kjj-2018-20,澄科发〔2018〕20号,in-force,retain,\n"), std::string::npos) << after.out;
}

TEST(ExampleCli, ApplyWritesNothingOnAnyProblemNotEvenOverItsInput) {
    const std::string dir = test::scratch_dir("example-cli-apply-refused");
    std::filesystem::copy_file(k_example, dir + "/corpus.xml");
    const std::string before = test::read_text(dir + "/corpus.xml");
    ASSERT_EQ(run_cli(dir, {"cleanup", "corpus.xml", "--as-of", "2018-11-30", "--scope", "jy-kjj", "--format", "xml", "-o", "plan.xml"}).code, 0);

    const CliRun early = run_cli(dir, apply_args("corpus.xml", "plan.xml", "2018-11-29", "corpus.xml"));
    EXPECT_EQ(early.code, 1);
    EXPECT_NE(early.err.find("DATE_ORDER"), std::string::npos) << early.err;
    EXPECT_EQ(test::read_text(dir + "/corpus.xml"), before);

    std::ofstream(dir + "/bad-plan.xml") << "<cleanup-plan xmlns=\"urn:normdoc:plan:1\" as-of=\"2018-11-30\">\n"
                                            "  <item ref=\"jy-gov-2014-38\" action=\"abolish\"/>\n</cleanup-plan>\n";
    const CliRun bad = run_cli(dir, apply_args("corpus.xml", "bad-plan.xml", "2018-11-30", "out.xml"));
    EXPECT_EQ(bad.code, 1);
    EXPECT_NE(bad.err.find("bad-plan.xml:2: error: BAD_VALUE"), std::string::npos) << bad.err;
    EXPECT_FALSE(std::filesystem::exists(dir + "/out.xml"));

    EXPECT_EQ(run_cli(dir, apply_args("corpus.xml", "missing-plan.xml", "2018-11-30", "out.xml")).code, 3);

    // Applied over its input (its own part), it works; applied again, every item is already ended or
    // not the bureau's to decide.
    std::vector<std::string> part = apply_args("corpus.xml", "plan.xml", "2018-11-30", "corpus.xml");
    part.push_back("--only-competent");
    ASSERT_EQ(run_cli(dir, part).code, 0);
    std::vector<std::string> again = apply_args("corpus.xml", "plan.xml", "2018-11-30", "corpus.xml");
    again[4] = "jy-kjj-2018-21";
    again[6] = "澄科发〔2018〕21号";
    const std::string applied = test::read_text(dir + "/corpus.xml");
    const CliRun twice = run_cli(dir, again);
    EXPECT_EQ(twice.code, 1);
    EXPECT_EQ(std::count(twice.err.begin(), twice.err.end(), '\n'), 13 + 1) << twice.err;  // 13 items + "nothing written"
    EXPECT_EQ(test::read_text(dir + "/corpus.xml"), applied);
}

#endif  // NORMDOC_CLI

}  // namespace
}  // namespace normdoc
