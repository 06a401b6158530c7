// The bundled example (examples/jiangyin.xml): it validates, and its clean-up as of 2018-11-30
// for 江阴市科学技术局 proposes what the seed report says — 拟废止的市政府规范性文件2份，
// 拟宣布失效的政府规范性文件1份、本单位规范性文件10份 — each for a reason the report gives.
#include "normdoc/cleanup.hpp"
#include "normdoc/io.hpp"
#include "normdoc/plan.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

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
    static CleanupResult run() { return cleanup(corpus(), d("2018-11-30"), corpus().find_authority("jy-kjj")); }
    static std::vector<std::string> ids(const CleanupResult& r, Action a) {
        std::vector<std::string> out;
        for (const CleanupItem& i : r.items())
            if (i.action == a) out.emplace_back(corpus().document(i.document).id);
        return out;
    }

    static inline Corpus* corpus_ = nullptr;
    static inline std::vector<Problem>* problems_ = nullptr;
};

TEST_F(Example, ValidatesWithoutProblems) {
    for (const Problem& p : *problems_) ADD_FAILURE() << p;
    EXPECT_NE(corpus().find_authority("jy-kjj"), std::nullopt);
    EXPECT_EQ(corpus().authority(*corpus().find_authority("jy-kjj")).name, "江阴市科学技术局");
}

TEST_F(Example, RepealsTheTwoCityGovernmentDocuments) {
    const CleanupResult r = run();
    EXPECT_EQ(ids(r, Action::repeal), (std::vector<std::string>{"jy-gov-2014-38", "jy-gov-2016-21"}));
    for (const CleanupItem& i : r.items()) {
        if (i.action != Action::repeal) continue;
        const Document& doc = corpus().document(i.document);
        EXPECT_EQ(corpus().authority(doc.issuers.at(0)).id, "jy-gov") << doc.id;
        EXPECT_EQ(corpus().authority(doc.drafter).id, "jy-kjj") << doc.id;
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
        const Document& doc = corpus().document(i.document);
        ASSERT_EQ(doc.issuers.size(), 1u) << doc.id;
        ++by_issuer[std::string(corpus().authority(doc.issuers[0]).id)];
        EXPECT_EQ(corpus().authority(doc.drafter).id, "jy-kjj") << doc.id;
        // Terms run out, tasks done: every one has expired.
        EXPECT_TRUE(r.findings(i).contains(FindingCode::expired)) << doc.id;
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
        return c.authority.valid() && corpus().authority(c.authority).id == "jy-gov";
    });
    const auto own = std::find_if(summary.begin(), summary.end(), [](const ActionCounts& c) {
        return c.authority.valid() && corpus().authority(c.authority).id == "jy-kjj";
    });
    ASSERT_NE(gov, summary.end());
    ASSERT_NE(own, summary.end());
    EXPECT_EQ((*gov)[Action::repeal], 2u);           // 拟废止的市政府规范性文件2份
    EXPECT_EQ((*gov)[Action::declare_invalid], 1u);  // 拟宣布失效的政府规范性文件1份
    EXPECT_EQ((*own)[Action::declare_invalid], 10u); // 本单位规范性文件10份
    EXPECT_EQ((*own)[Action::repeal], 0u);
}

TEST_F(Example, ApplyingThePlanEndsThemAll) {
    const CleanupResult before = run();
    const LoadResult applied =
        apply_plan(corpus(), make_plan(before),
                   {"jy-kjj-2018-20", "澄科发〔2018〕20号", "关于废止和宣布失效部分规范性文件的决定", "jy-kjj", d("2018-11-30"), DocumentKind::other});
    for (const Problem& p : applied.problems) ADD_FAILURE() << p;
    ASSERT_TRUE(applied.ok());
    const CleanupResult after = cleanup(*applied.corpus, d("2018-11-30"), applied.corpus->find_authority("jy-kjj"));
    EXPECT_EQ(after.count(Action::repeal), 0u);
    EXPECT_EQ(after.count(Action::declare_invalid), 0u);
    EXPECT_EQ(after.items().size(), before.items().size() - 13 + 1);  // the decision itself is looked at
}

}  // namespace
}  // namespace normdoc
