// SPEC §8 (plan XML) and SPEC §6 "Applying a plan": one test per reader problem and per
// all-or-nothing refusal, then the promise that a clean-up after applying ends nothing again.
#include "normdoc/builder.hpp"
#include "normdoc/cleanup.hpp"
#include "normdoc/io.hpp"
#include "normdoc/plan.hpp"
#include "normdoc/status.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace normdoc {
namespace {

using test::d;

// jy-kjj's documents as of 2018-11-30: one resting on a repealed law (repeal), one expired
// (declare-invalid), one without consultation (evaluate), one complete (retain).
CorpusBuilder base() {
    CorpusBuilder b;
    b.authority("jy-gov", "江阴市人民政府", AuthorityKind::government);
    b.authority("jy-kjj", "江阴市科学技术局", AuthorityKind::department).parent("jy-gov");
    b.authority("npc", "全国人民代表大会常务委员会", AuthorityKind::congress);
    b.document("law", DocumentKind::law, "中华人民共和国促进科技成果转化法").issuer("npc").dates("1996-05-15");
    b.document("law-2015", DocumentKind::law, "关于修改《中华人民共和国促进科技成果转化法》的决定").issuer("npc")
        .dates("2015-08-29", "2015-10-01").supersedes("law");
    auto procedure = [](CorpusBuilder::DocumentRef r, const std::string& year = "2014") {
        return r.consultation(year + "-03-01", year + "-03-30")
            .legality_review(year + "-04-10", LegalityOutcome::lawful)
            .collective_decision(year + "-04-20", DecisionOutcome::adopted)
            .filing(year + "-05-20");
    };
    procedure(b.document("repeal-me", DocumentKind::normative, "科技成果转化奖励办法").issuer("jy-kjj")
                  .number("澄科发〔2014〕3号").dates("2014-05-10").based_on("law"));
    procedure(b.document("old", DocumentKind::normative, "科技计划项目管理办法").issuer("jy-kjj")
                  .number("澄科发〔2013〕1号").dates("2013-05-10", "2013-06-01"));
    procedure(b.document("keep", DocumentKind::normative, "专利资助办法").issuer("jy-kjj")
                  .number("澄科发〔2016〕5号").dates("2016-05-10").based_on("law-2015"), "2016");
    b.document("evaluate-me", DocumentKind::normative, "科技镇长团管理办法").issuer("jy-kjj").number("澄科发〔2014〕6号")
        .dates("2014-05-10").legality_review("2014-04-10", LegalityOutcome::lawful)
        .collective_decision("2014-04-20", DecisionOutcome::adopted).filing("2014-05-20");
    return b;
}

Corpus build(const CorpusBuilder& b) {
    LoadResult r = b.build();
    for (const auto& p : r.problems)
        if (p.is_error()) ADD_FAILURE() << p;
    return r.corpus ? *r.corpus : Corpus();
}

Decision decision(std::string_view day = "2018-11-30") {
    return {"jy-kjj-2018-20", "澄科发〔2018〕20号", "关于废止和宣布失效部分规范性文件的决定", {"jy-kjj"}, d(day), DocumentKind::other};
}

std::vector<std::string> codes(const std::vector<Problem>& problems) {
    std::vector<std::string> out;
    for (const auto& p : problems) out.emplace_back(to_string(p.code));
    return out;
}
using Codes = std::vector<std::string>;

TEST(PlanModel, MakePlanListsEveryLookedAtDocumentWithActionAndFindings) {
    const Corpus c = build(base());
    const Plan plan = make_plan(cleanup(c, d("2018-11-30"), *CleanupScope::of(c, "jy-kjj")));
    EXPECT_EQ(plan.as_of, d("2018-11-30"));
    EXPECT_EQ(plan.scope, "jy-kjj");
    ASSERT_EQ(plan.items.size(), 4u);
    EXPECT_EQ(plan.items[0].ref, "evaluate-me");
    EXPECT_EQ(plan.items[0].action, Action::evaluate);
    EXPECT_EQ(plan.items[1].ref, "keep");
    EXPECT_EQ(plan.items[1].action, Action::retain);
    EXPECT_TRUE(plan.items[1].findings.empty());
    EXPECT_EQ(plan.items[2].ref, "old");
    EXPECT_EQ(plan.items[2].action, Action::declare_invalid);
    EXPECT_EQ(plan.items[3].ref, "repeal-me");
    EXPECT_EQ(plan.items[3].action, Action::repeal);
    ASSERT_EQ(plan.items[3].findings.size(), 2u);  // in the order of SPEC §6's table
    EXPECT_EQ(plan.items[3].findings[0].code, FindingCode::expiring);
    EXPECT_EQ(plan.items[3].findings[1].code, FindingCode::basis_terminated);
    EXPECT_EQ(plan.items[3].findings[1].detail,
              "basis 《中华人民共和国促进科技成果转化法》 repealed 2015-10-01 (no basis left)");
}

// ---- writing and reading ------------------------------------------------------------------------

TEST(PlanXml, WrittenAndReadBackIsEqual) {
    const Corpus c = build(base());
    const CleanupResult r = cleanup(c, d("2018-11-30"), *CleanupScope::of(c, "jy-kjj"));
    const Plan plan = make_plan(r);
    for (const std::string& xml : {write_plan(plan), write_plan(r)}) {
        const PlanLoadResult back = read_plan(xml, "plan.xml");
        for (const auto& p : back.problems) ADD_FAILURE() << p;
        ASSERT_TRUE(back.ok());
        EXPECT_EQ(*back.plan, plan) << xml;
    }
}

TEST(PlanXml, TheFormatOfSpec8) {
    Plan plan;
    plan.as_of = d("2018-11-30");
    plan.scope = "jy-kjj";
    plan.items.push_back({"a&b", Action::declare_invalid, {{FindingCode::expired, "last day \"1\" <2>", 0}}, 0});
    plan.items.push_back({"c", Action::retain, {}, 0});
    EXPECT_EQ(write_plan(plan),
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<cleanup-plan xmlns=\"urn:normdoc:plan:1\" as-of=\"2018-11-30\" scope=\"jy-kjj\">\n"
              "  <item ref=\"a&amp;b\" action=\"declare-invalid\">\n"
              "    <finding code=\"EXPIRED\" detail=\"last day &quot;1&quot; &lt;2&gt;\"/>\n"
              "  </item>\n"
              "  <item ref=\"c\" action=\"retain\"/>\n"
              "</cleanup-plan>\n");
}

TEST(PlanXml, CommentsNameEachDocumentForTheEditors) {
    const Corpus c = build(base());
    const std::string xml = write_plan(cleanup(c, d("2018-11-30"), *CleanupScope::of(c, "jy-kjj")));
    EXPECT_NE(xml.find("<!-- 澄科发〔2014〕3号 《科技成果转化奖励办法》 -->\n  <item ref=\"repeal-me\""), std::string::npos) << xml;
}

TEST(PlanXml, OtherNamespacesAreIgnoredAndAPrefixWorks) {
    const PlanLoadResult r = read_plan(
        "<p:cleanup-plan xmlns:p=\"urn:normdoc:plan:1\" xmlns:x=\"urn:other\" as-of=\"2018-11-30\" x:note=\"n\">\n"
        "  <x:remark/>\n"
        "  <p:item ref=\"a\" action=\"repeal\" x:by=\"王\"/>\n"
        "</p:cleanup-plan>\n",
        "plan.xml");
    for (const auto& p : r.problems) ADD_FAILURE() << p;
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r.plan->items.size(), 1u);
    EXPECT_TRUE(r.plan->scope.empty());
}

PlanLoadResult read(const std::string& body, const std::string& root_attributes = " as-of=\"2018-11-30\"") {
    return read_plan("<cleanup-plan xmlns=\"urn:normdoc:plan:1\"" + root_attributes + ">\n" + body + "</cleanup-plan>\n",
                     "plan.xml");
}

TEST(PlanReader, XML_SYNTAX_WithTheLineWhereTheParserStopped) {
    const PlanLoadResult r = read("  <item ref=\"a\" action=\"repeal\">\n  </itm>\n");
    EXPECT_FALSE(r.ok());
    ASSERT_EQ(codes(r.problems), Codes{"XML_SYNTAX"});
    EXPECT_EQ(r.problems[0].file, "plan.xml");
    EXPECT_EQ(r.problems[0].line, 3u);
}

TEST(PlanReader, UNKNOWN_ELEMENT_ForElementsAndAttributesNotInTheFormat) {
    const PlanLoadResult r = read("  <item ref=\"a\" action=\"repeal\" reason=\"x\">\n"
                                  "    <note/>\n"
                                  "  </item>\n"
                                  "  <comment/>\n");
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(codes(r.problems), (Codes{"UNKNOWN_ELEMENT", "UNKNOWN_ELEMENT", "UNKNOWN_ELEMENT"}));
    EXPECT_EQ(r.problems[0].line, 2u);
    EXPECT_EQ(r.problems[1].line, 3u);
    EXPECT_EQ(r.problems[2].line, 5u);
}

TEST(PlanReader, UNKNOWN_ELEMENT_ForARootThatIsNotAPlan) {
    const PlanLoadResult r = read_plan("<corpus xmlns=\"urn:normdoc:corpus:1\"/>", "plan.xml");
    EXPECT_EQ(codes(r.problems), Codes{"UNKNOWN_ELEMENT"});
    EXPECT_FALSE(r.ok());
}

TEST(PlanReader, MISSING_AsOfRefActionOrCode) {
    const PlanLoadResult r = read("  <item action=\"repeal\"/>\n"
                                  "  <item ref=\"b\"/>\n"
                                  "  <item ref=\"c\" action=\"amend\"><finding detail=\"x\"/></item>\n",
                                  "");
    EXPECT_EQ(codes(r.problems), (Codes{"MISSING", "MISSING", "MISSING", "MISSING"}));
    EXPECT_EQ(r.problems[0].line, 1u);
    EXPECT_EQ(r.problems[1].line, 2u);
    EXPECT_EQ(r.problems[2].line, 3u);
    EXPECT_EQ(r.problems[3].line, 4u);
}

TEST(PlanReader, BAD_VALUE_ForAnActionOrFindingCodeThatDoesNotExist) {
    const PlanLoadResult r = read("  <item ref=\"a\" action=\"abolish\"/>\n"
                                  "  <item ref=\"b\" action=\"repeal\"><finding code=\"TOO_OLD\"/></item>\n");
    EXPECT_EQ(codes(r.problems), (Codes{"BAD_VALUE", "BAD_VALUE"}));
    EXPECT_EQ(r.problems[0].line, 2u);
    EXPECT_NE(r.problems[0].message.find("abolish"), std::string::npos);
}

TEST(PlanReader, BAD_DATE_ForTheAsOfDate) {
    const PlanLoadResult r = read("", " as-of=\"2018-11-31\"");
    EXPECT_EQ(codes(r.problems), Codes{"BAD_DATE"});
    EXPECT_EQ(r.problems[0].line, 1u);
}

TEST(PlanReader, DUPLICATE_ID_ForAnItemListedTwiceAtTheLaterOne) {
    const PlanLoadResult r = read("  <item ref=\"a\" action=\"repeal\"/>\n"
                                  "  <item ref=\"b\" action=\"repeal\"/>\n"
                                  "  <item ref=\"a\" action=\"retain\"/>\n");
    EXPECT_EQ(codes(r.problems), Codes{"DUPLICATE_ID"});
    EXPECT_EQ(r.problems[0].line, 4u);
    EXPECT_FALSE(r.ok());
}

TEST(PlanReader, EveryProblemInLineOrder) {
    const PlanLoadResult r = read("  <item ref=\"a\" action=\"x\"/>\n"
                                  "  <bogus/>\n",
                                  " as-of=\"18-11-30\"");
    EXPECT_EQ(codes(r.problems), (Codes{"BAD_DATE", "BAD_VALUE", "UNKNOWN_ELEMENT"}));
}

TEST(PlanReader, UnreadableFileIsAnIoError) {
    EXPECT_THROW(read_plan_file("/nonexistent/plan.xml"), IoError);
}

// ---- applying ------------------------------------------------------------------------------------

TEST(Apply, OneDecisionRepealsAndDeclaresInvalidWhatThePlanSays) {
    const Corpus c = build(base());
    const Plan plan = make_plan(cleanup(c, d("2018-11-30"), *CleanupScope::of(c, "jy-kjj")));
    const ApplyResult r = apply_plan(c, plan, decision());
    for (const auto& p : r.problems) ADD_FAILURE() << p;
    ASSERT_TRUE(r.ok());
    const Corpus& out = *r.corpus;
    EXPECT_EQ(out.document_count(), c.document_count() + 1);
    const DocumentId dec = *out.find_document("jy-kjj-2018-20");
    const Document doc = out.document(dec);
    EXPECT_EQ(doc.kind(), DocumentKind::other);
    EXPECT_EQ(doc.number(), "澄科发〔2018〕20号");
    EXPECT_EQ(doc.published(), d("2018-11-30"));
    EXPECT_EQ(doc.effective(), d("2018-11-30"));
    std::vector<std::pair<std::string, RelationKind>> relations;
    for (const Relation& rel : out.relations_from(dec)) {
        relations.emplace_back(out.document(rel.target).id(), rel.kind);
        EXPECT_EQ(out.relation_date(rel), d("2018-11-30"));
    }
    std::sort(relations.begin(), relations.end());
    EXPECT_EQ(relations, (std::vector<std::pair<std::string, RelationKind>>{
                             {"old", RelationKind::declares_invalid}, {"repeal-me", RelationKind::repeals}}));
    EXPECT_EQ(status_of(out, *out.find_document("repeal-me"), d("2018-11-30")).status, Status::repealed);
    EXPECT_EQ(status_of(out, *out.find_document("keep"), d("2018-11-30")).status, Status::in_force);
}

TEST(Apply, ACleanUpOfTheResultOnThatDayProposesNoEndingForTheAppliedItems) {
    const Corpus c = build(base());
    const CleanupResult before = cleanup(c, d("2018-11-30"), *CleanupScope::of(c, "jy-kjj"));
    ASSERT_EQ(before.count(Action::repeal) + before.count(Action::declare_invalid), 2u);
    const ApplyResult r = apply_plan(c, make_plan(before), decision());
    ASSERT_TRUE(r.ok());
    const CleanupResult after = cleanup(*r.corpus, d("2018-11-30"), *CleanupScope::of(*r.corpus, "jy-kjj"));
    EXPECT_EQ(after.count(Action::repeal), 0u);
    EXPECT_EQ(after.count(Action::declare_invalid), 0u);
    EXPECT_EQ(after.find(*r.corpus->find_document("repeal-me")), nullptr);
    EXPECT_EQ(after.find(*r.corpus->find_document("old")), nullptr);
    EXPECT_EQ(after.items().size(), 3u);  // evaluate-me, keep and the decision itself
}

TEST(Apply, ThePlansActionsAreTakenAsWritten) {
    const Corpus c = build(base());
    Plan plan = make_plan(cleanup(c, d("2018-11-30"), *CleanupScope::of(c, "jy-kjj")));
    for (PlanItem& item : plan.items) {
        if (item.ref == "repeal-me") item.action = Action::amend;         // people decided otherwise
        if (item.ref == "keep") item.action = Action::repeal;
    }
    const ApplyResult r = apply_plan(c, plan, decision());
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(status_of(*r.corpus, *r.corpus->find_document("repeal-me"), d("2018-11-30")).status, Status::in_force);
    EXPECT_EQ(status_of(*r.corpus, *r.corpus->find_document("keep"), d("2018-11-30")).status, Status::repealed);
}

TEST(Apply, KindIsOtherUnlessToldAndLaterDatesWork) {
    const Corpus c = build(base());
    Decision dec = decision("2018-12-15");
    dec.kind = DocumentKind::normative;
    const ApplyResult r = apply_plan(c, make_plan(cleanup(c, d("2018-11-30"), *CleanupScope::of(c, "jy-kjj"))), dec);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.corpus->document(*r.corpus->find_document("jy-kjj-2018-20")).kind(), DocumentKind::normative);
    EXPECT_EQ(status_of(*r.corpus, *r.corpus->find_document("repeal-me"), d("2018-12-14")).status, Status::in_force);
    EXPECT_EQ(status_of(*r.corpus, *r.corpus->find_document("repeal-me"), d("2018-12-15")).status, Status::repealed);
}

class ApplyRefuses : public ::testing::Test {
protected:
    Corpus c = build(base());
    Plan plan = make_plan(cleanup(c, d("2018-11-30"), *CleanupScope::of(c, "jy-kjj")));
};

TEST_F(ApplyRefuses, AnUnknownItem) {
    plan.items.push_back({"nowhere", Action::repeal, {}, 7});
    plan.file = "plan.xml";
    const ApplyResult r = apply_plan(c, plan, decision());
    EXPECT_FALSE(r.ok());
    ASSERT_EQ(codes(r.problems), Codes{"UNKNOWN_REF"});
    EXPECT_EQ(r.problems[0].file, "plan.xml");
    EXPECT_EQ(r.problems[0].line, 7u);
}

TEST_F(ApplyRefuses, AnUnknownIssuer) {
    Decision dec = decision();
    dec.issuers = {"jy-nobody"};
    const ApplyResult r = apply_plan(c, plan, dec);
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(codes(r.problems), Codes{"UNKNOWN_REF"});
}

TEST_F(ApplyRefuses, ANewIdAlreadyInUse) {
    Decision dec = decision();
    dec.id = "keep";
    const ApplyResult r = apply_plan(c, plan, dec);
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(codes(r.problems), Codes{"DUPLICATE_ID"});
}

TEST_F(ApplyRefuses, AnItemAlreadyRepealedOrInvalidAsOfThatDate) {
    const ApplyResult once = apply_plan(c, plan, decision());
    ASSERT_TRUE(once.ok());
    Decision again = decision();
    again.id = "jy-kjj-2018-21";
    again.number = "澄科发〔2018〕21号";
    const ApplyResult r = apply_plan(*once.corpus, plan, again);
    EXPECT_FALSE(r.ok());
    // repeal-me is repealed; old is expired and declared invalid.
    EXPECT_EQ(codes(r.problems), (Codes{"BAD_VALUE", "BAD_VALUE"}));
}

// SPEC §6: after the plan is applied every repeal / declare-invalid item has ended; a document
// not yet published on the decision's date cannot be ended by it (it would stay a draft).
TEST(ApplyRefusesToo, EndingAnItemNotYetPublishedOnTheDecisionsDate) {
    CorpusBuilder b = base();
    b.document("unpublished", DocumentKind::normative, "征求意见稿").issuer("jy-kjj");
    b.document("later", DocumentKind::normative, "明年的办法").issuer("jy-kjj").dates("2019-01-01");
    const Corpus c = build(b);
    Plan plan;
    plan.as_of = d("2018-11-30");
    plan.items.push_back({"unpublished", Action::repeal, {}, 3});
    plan.items.push_back({"later", Action::declare_invalid, {}, 4});
    plan.items.push_back({"keep", Action::evaluate, {}, 5});
    const ApplyResult r = apply_plan(c, plan, decision());
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(codes(r.problems), (Codes{"BAD_VALUE", "BAD_VALUE"}));

    Plan todo = plan;  // the same documents as to-dos (amend, evaluate) are fine
    todo.items[0].action = Action::amend;
    todo.items[1].action = Action::evaluate;
    EXPECT_TRUE(apply_plan(c, todo, decision()).ok());
}

TEST_F(ApplyRefuses, ADateBeforeThePlansAsOfDate) {
    const ApplyResult r = apply_plan(c, plan, decision("2018-11-29"));
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(codes(r.problems), Codes{"DATE_ORDER"});
}

TEST_F(ApplyRefuses, WhatTheValidatorRefusesSuchAsADuplicateNumber) {
    Decision dec = decision("2014-12-01");  // SPEC §7: the same number, issuer and year
    plan.as_of = dec.date;
    dec.number = "澄科发〔2014〕3号";
    const ApplyResult r = apply_plan(c, plan, dec);
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(codes(r.problems), Codes{"DUPLICATE_NUMBER"});
}

TEST_F(ApplyRefuses, AndReportsEveryReason) {
    plan.items.push_back({"nowhere", Action::repeal, {}, 0});
    Decision dec = decision("2018-01-01");
    dec.id = "keep";
    dec.issuers = {"nobody"};
    const ApplyResult r = apply_plan(c, plan, dec);
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(codes(r.problems), (Codes{"DATE_ORDER", "DUPLICATE_ID", "UNKNOWN_REF", "UNKNOWN_REF"}));
}

}  // namespace
}  // namespace normdoc
