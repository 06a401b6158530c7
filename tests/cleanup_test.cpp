// SPEC §6: the clean-up as of a day. One test per finding code, with the table's condition and
// action, then scope, the choice of action, the cascade and the report's summary.
#include "normdoc/builder.hpp"
#include "normdoc/cleanup.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace normdoc {
namespace {

using test::d;

// A government, its science bureau, and a law. Documents added by the tests carry a complete,
// timely procedure unless they say otherwise, so each test sees only the finding it is about.
CorpusBuilder base() {
    CorpusBuilder b;
    b.authority("jy-gov", "江阴市人民政府", AuthorityKind::government);
    b.authority("jy-kjj", "江阴市科学技术局", AuthorityKind::department).parent("jy-gov");
    b.authority("jy-sfj", "江阴市司法局", AuthorityKind::department).parent("jy-gov");
    b.authority("wx-gov", "无锡市人民政府", AuthorityKind::government);
    b.authority("npc", "全国人民代表大会常务委员会", AuthorityKind::congress);
    b.document("law", DocumentKind::law, "中华人民共和国促进科技成果转化法").issuer("npc").dates("2015-08-29", "2015-10-01");
    return b;
}

// A normative document with the whole procedure done on time: published 2018-05-10, effective
// 2018-06-01 (last day 2023-05-31).
CorpusBuilder::DocumentRef good(CorpusBuilder& b, std::string_view id, std::string_view issuer = "jy-kjj") {
    return b.document(id, DocumentKind::normative, "关于加快推进全市技术转移体系建设的实施意见")
        .issuer(issuer)
        .dates("2018-05-10", "2018-06-01")
        .consultation("2018-03-01", "2018-03-30")
        .legality_review("2018-04-10", LegalityOutcome::lawful, "jy-sfj")
        .collective_decision("2018-04-20", DecisionOutcome::adopted, "局长办公会")
        .filing("2018-05-20", "wx-gov");
}

Corpus build(const CorpusBuilder& b) {
    LoadResult r = b.build();
    for (const auto& p : r.problems)
        if (p.is_error()) ADD_FAILURE() << p;
    return r.corpus ? *r.corpus : Corpus();
}

struct Clean {
    Corpus corpus;
    CleanupResult result;
    Clean(const CorpusBuilder& b, std::string_view day, std::optional<std::string_view> scope = std::nullopt)
        : corpus(build(b)),
          result(cleanup(corpus, d(day), scope ? *CleanupScope::of(corpus, *scope) : CleanupScope::all())) {}

    const CleanupItem* item(std::string_view id) const { return result.find(*corpus.find_document(id)); }
    Action action(std::string_view id) const {
        const CleanupItem* i = item(id);
        EXPECT_NE(i, nullptr) << id << " not looked at";
        return i ? i->action : Action::retain;
    }
    std::vector<FindingCode> codes(std::string_view id) const {
        std::vector<FindingCode> out;
        if (const CleanupItem* i = item(id))
            for (Finding f : result.findings(*i)) out.push_back(f.code);
        return out;
    }
    bool has(std::string_view id, FindingCode c) const {
        const CleanupItem* i = item(id);
        return i && result.findings(*i).contains(c);
    }
    std::optional<Action> action_of(std::string_view id, FindingCode c) const {
        const CleanupItem* i = item(id);
        return i ? result.findings(*i).action_of(c) : std::nullopt;
    }
    std::string detail(std::string_view id, FindingCode c) const {
        const CleanupItem* i = item(id);
        if (!i) return "(not looked at)";
        for (Finding f : result.findings(*i))
            if (f.code == c) return result.detail(*i, f);
        return "(no such finding)";
    }
};

using Codes = std::vector<FindingCode>;

TEST(Cleanup, DocumentWithCompleteProcedureIsRetainedWithoutFindings) {
    CorpusBuilder b = base();
    good(b, "doc").based_on("law");
    const Clean r(b, "2018-11-30");
    EXPECT_EQ(r.codes("doc"), Codes{});
    EXPECT_EQ(r.action("doc"), Action::retain);
}

// ---- which documents are looked at ------------------------------------------------------------

TEST(CleanupScope, IssuerOrDrafterExactlyTheScopeAuthority) {
    CorpusBuilder b = base();
    b.authority("jy-kjj-office", "科技局办公室", AuthorityKind::other).parent("jy-kjj");
    good(b, "own", "jy-kjj");
    good(b, "drafted", "jy-gov").drafter("jy-kjj");
    good(b, "joint", "jy-gov").issuer("jy-kjj");
    good(b, "gov", "jy-gov");
    good(b, "subordinate", "jy-kjj-office");
    const Clean r(b, "2018-11-30", "jy-kjj");
    EXPECT_NE(r.item("own"), nullptr);
    EXPECT_NE(r.item("drafted"), nullptr);
    EXPECT_NE(r.item("joint"), nullptr);
    EXPECT_EQ(r.item("gov"), nullptr);
    EXPECT_EQ(r.item("subordinate"), nullptr);
    EXPECT_EQ(r.item("law"), nullptr);
    EXPECT_EQ(r.result.items().size(), 3u);
}

TEST(CleanupScope, NotTheSuccessorOfTheScopeAuthority) {
    CorpusBuilder b = base();
    b.authority("old", "江阴市科学技术委员会", AuthorityKind::department).abolished("2016-03-01", "jy-kjj");
    b.document("old-doc", DocumentKind::other, "旧文件").issuer("old").dates("2015-01-01");
    const Clean r(b, "2018-11-30", "jy-kjj");
    EXPECT_EQ(r.item("old-doc"), nullptr);
}

TEST(CleanupScope, NoScopeLooksAtEveryDocument) {
    CorpusBuilder b = base();
    good(b, "a", "jy-kjj");
    good(b, "b", "jy-gov");
    const Clean r(b, "2018-11-30");
    EXPECT_EQ(r.result.items().size(), 3u);  // the law too
    EXPECT_EQ(r.action("law"), Action::retain);
}

TEST(CleanupScope, LooksAtInForcePendingAndExpiredNotFormallyEnded) {
    CorpusBuilder b = base();
    good(b, "in-force");
    good(b, "pending").dates("2018-11-01", "2019-01-01");
    b.document("draft", DocumentKind::normative, "征求意见稿").issuer("jy-kjj");
    good(b, "expired").dates("2012-05-10", "2012-06-01");
    good(b, "expired-then-ended").dates("2012-05-10", "2012-06-01").event(EventType::invalidation, "2018-01-01");
    good(b, "expired-then-repealed").dates("2012-05-10", "2012-06-01");
    good(b, "repealer").dates("2018-01-01").repeals("expired-then-repealed");
    good(b, "repealed").dates("2012-05-10", "2016-06-01");
    good(b, "repealer2").dates("2018-01-01").repeals("repealed");
    good(b, "invalid").event(EventType::invalidation, "2018-09-01");
    const Clean r(b, "2018-11-30", "jy-kjj");
    EXPECT_EQ(r.item("in-force")->status, Status::in_force);
    EXPECT_EQ(r.item("pending")->status, Status::pending);
    EXPECT_EQ(r.item("expired")->status, Status::expired);
    EXPECT_EQ(r.item("draft"), nullptr);
    EXPECT_EQ(r.item("expired-then-ended"), nullptr);
    EXPECT_EQ(r.item("expired-then-repealed"), nullptr);
    EXPECT_EQ(r.item("repealed"), nullptr);
    EXPECT_EQ(r.item("invalid"), nullptr);
}

TEST(CleanupScope, ItemsAreSortedById) {
    CorpusBuilder b = base();
    good(b, "b");
    good(b, "a").number("澄科发〔2018〕2号");
    good(b, "B").number("澄科发〔2018〕3号");
    const Clean r(b, "2018-11-30", "jy-kjj");
    ASSERT_EQ(r.result.items().size(), 3u);
    EXPECT_EQ(r.corpus.document(r.result.items()[0].document).id(), "B");
    EXPECT_EQ(r.corpus.document(r.result.items()[1].document).id(), "a");
    EXPECT_EQ(r.corpus.document(r.result.items()[2].document).id(), "b");
}

// ---- one test per finding code ------------------------------------------------------------------

TEST(Finding, EXPIRED_IsTheOnlyFindingOfAnExpiredDocumentAndDeclaresItInvalid) {
    CorpusBuilder b = base();
    // Effective 2013-06-01: last day 2018-05-31; no procedure at all, a basis repealed: none of it
    // is checked.
    b.document("old", DocumentKind::normative, "关于加强科技创新的若干意见").issuer("jy-kjj")
        .dates("2013-05-10", "2013-06-01").based_on("law");
    b.document("repealer", DocumentKind::law, "修正案").issuer("npc").dates("2018-01-01").repeals("law");
    const Clean r(b, "2018-11-30", "jy-kjj");
    EXPECT_EQ(r.codes("old"), Codes{FindingCode::expired});
    EXPECT_EQ(r.action("old"), Action::declare_invalid);
    EXPECT_EQ(r.detail("old", FindingCode::expired), "last day in force 2018-05-31, not formally ended");
}

TEST(Finding, EXPIRING_InsideTheReviewWindowCallsForEvaluation) {
    CorpusBuilder b = base();
    good(b, "doc");  // last day 2023-05-31, window opens 2022-12-01
    EXPECT_FALSE(Clean(b, "2022-11-30").has("doc", FindingCode::expiring));
    const Clean r(b, "2022-12-01");
    EXPECT_EQ(r.action_of("doc", FindingCode::expiring), Action::evaluate);
    EXPECT_EQ(r.detail("doc", FindingCode::expiring), "last day in force 2023-05-31, review window opened 2022-12-01");
    EXPECT_TRUE(Clean(b, "2023-05-31").has("doc", FindingCode::expiring));
}

TEST(Finding, EXPIRING_OnlyForADocumentInForce) {
    CorpusBuilder b = base();
    // Effective in the future but expiring soon after: pending, so not EXPIRING.
    good(b, "doc").dates("2018-11-01", "2019-01-01").expires("2019-03-31");
    const Clean r(b, "2018-11-30");
    EXPECT_EQ(r.item("doc")->status, Status::pending);
    EXPECT_FALSE(r.has("doc", FindingCode::expiring));
}

TEST(Finding, BASIS_TERMINATED_EveryBasisEndedRepeals) {
    CorpusBuilder b = base();
    b.document("rule", DocumentKind::rule, "江苏省科学技术进步条例").issuer("npc").dates("2010-01-01").number("苏政令〔2010〕7号");
    good(b, "doc").based_on("law").implements("rule").based_on("rule");  // rule counted once
    b.document("repealer", DocumentKind::law, "决定").issuer("npc").dates("2018-07-01").repeals("law");
    b.document("repealer2", DocumentKind::rule, "决定").issuer("npc").dates("2018-08-01").declares_invalid("rule");
    const Clean r(b, "2018-11-30");
    EXPECT_EQ(r.action_of("doc", FindingCode::basis_terminated), Action::repeal);
    EXPECT_EQ(r.action("doc"), Action::repeal);
    EXPECT_EQ(r.detail("doc", FindingCode::basis_terminated),
              "basis 《中华人民共和国促进科技成果转化法》 repealed 2018-07-01; basis 苏政令〔2010〕7号 invalid 2018-08-01 "
              "(no basis left)");
}

TEST(Finding, BASIS_TERMINATED_SomeBasisLeftAmends) {
    CorpusBuilder b = base();
    b.document("rule", DocumentKind::rule, "江苏省科学技术进步条例").issuer("npc").dates("2010-01-01").expires("2017-12-31");
    good(b, "doc").based_on("law").based_on("rule");
    const Clean r(b, "2018-11-30");
    EXPECT_EQ(r.action_of("doc", FindingCode::basis_terminated), Action::amend);
    EXPECT_EQ(r.action("doc"), Action::amend);
    EXPECT_EQ(r.detail("doc", FindingCode::basis_terminated),
              "basis 《江苏省科学技术进步条例》 expired 2018-01-01 (1 of 2 bases remain)");
}

TEST(Finding, BASIS_TERMINATED_NotBeforeTheBasisEnds) {
    CorpusBuilder b = base();
    good(b, "doc").based_on("law");
    b.document("repealer", DocumentKind::law, "决定").issuer("npc").dates("2018-12-01").repeals("law");
    EXPECT_FALSE(Clean(b, "2018-11-30").has("doc", FindingCode::basis_terminated));
    EXPECT_TRUE(Clean(b, "2018-12-01").has("doc", FindingCode::basis_terminated));
}

TEST(Finding, BASIS_TO_BE_TERMINATED_ABasisThisPlanEndsRepealsItsDependent) {
    CorpusBuilder b = base();
    // The basis expired 2018-05-31 (EXPIRED → declare-invalid)… no: it is ended already. Take a
    // basis whose own basis is repealed: it gets repeal in this plan, not ended as of D.
    good(b, "basis").based_on("law").number("澄科发〔2018〕1号");
    good(b, "dependent").implements("basis");
    b.document("repealer", DocumentKind::law, "决定").issuer("npc").dates("2018-07-01").repeals("law");
    const Clean r(b, "2018-11-30");
    EXPECT_EQ(r.action("basis"), Action::repeal);
    EXPECT_EQ(r.action_of("dependent", FindingCode::basis_to_be_terminated), Action::repeal);
    EXPECT_FALSE(r.has("dependent", FindingCode::basis_terminated));
    EXPECT_EQ(r.detail("dependent", FindingCode::basis_to_be_terminated),
              "basis 澄科发〔2018〕1号 to be repealed by this clean-up (no basis left)");
}

TEST(Finding, BASIS_TO_BE_TERMINATED_WithAnotherBasisLeftAmends) {
    CorpusBuilder b = base();
    good(b, "basis").based_on("law");
    b.document("law2", DocumentKind::law, "中华人民共和国科学技术进步法").issuer("npc").dates("2007-12-29");
    good(b, "dependent").implements("basis").based_on("law2");
    b.document("repealer", DocumentKind::law, "决定").issuer("npc").dates("2018-07-01").repeals("law");
    const Clean r(b, "2018-11-30");
    EXPECT_EQ(r.action_of("dependent", FindingCode::basis_to_be_terminated), Action::amend);
    EXPECT_EQ(r.action("dependent"), Action::amend);
}

TEST(Finding, BASIS_TO_BE_TERMINATED_AndTerminatedTogetherRepealWhenNothingIsLeft) {
    CorpusBuilder b = base();
    good(b, "basis").based_on("law");
    b.document("law2", DocumentKind::law, "中华人民共和国科学技术进步法").issuer("npc").dates("2007-12-29");
    good(b, "dependent").implements("basis").based_on("law2");
    b.document("repealer", DocumentKind::law, "决定").issuer("npc").dates("2018-07-01").repeals("law").repeals("law2");
    const Clean r(b, "2018-11-30");
    EXPECT_EQ(r.action_of("dependent", FindingCode::basis_terminated), Action::repeal);
    EXPECT_EQ(r.action_of("dependent", FindingCode::basis_to_be_terminated), Action::repeal);
}

TEST(Finding, BASIS_TO_BE_TERMINATED_NeverByADocumentOutsideTheScope) {
    CorpusBuilder b = base();
    good(b, "gov-basis", "jy-gov").based_on("law");  // would be repealed, but it is not jy-kjj's
    good(b, "dependent").implements("gov-basis");
    b.document("repealer", DocumentKind::law, "决定").issuer("npc").dates("2018-07-01").repeals("law");
    const Clean r(b, "2018-11-30", "jy-kjj");
    EXPECT_EQ(r.item("gov-basis"), nullptr);
    EXPECT_FALSE(r.has("dependent", FindingCode::basis_to_be_terminated));
    EXPECT_EQ(r.action("dependent"), Action::retain);
}

TEST(Finding, BASIS_AMENDED_StrictlyAfterPublicationAndOnOrBeforeTheDay) {
    CorpusBuilder b = base();
    good(b, "doc").based_on("law");  // published 2018-05-10
    b.document("amender", DocumentKind::law, "修正").issuer("npc").dates("2018-05-10").amends("law");
    EXPECT_FALSE(Clean(b, "2018-11-30").has("doc", FindingCode::basis_amended));  // same day: not after

    CorpusBuilder later = base();
    good(later, "doc").based_on("law");
    later.document("amender", DocumentKind::law, "修正").issuer("npc").dates("2018-05-11").amends("law");
    EXPECT_FALSE(Clean(later, "2018-05-10").has("doc", FindingCode::basis_amended));
    const Clean r(later, "2018-11-30");
    EXPECT_EQ(r.action_of("doc", FindingCode::basis_amended), Action::evaluate);
    EXPECT_EQ(r.detail("doc", FindingCode::basis_amended),
              "basis 《中华人民共和国促进科技成果转化法》 amended 2018-05-11, after this document's publication 2018-05-10");
}

TEST(Finding, BASIS_AMENDED_ByAnAmendmentEvent) {
    CorpusBuilder b = base();
    good(b, "doc").based_on("law");
    b.document("rule", DocumentKind::rule, "条例").issuer("npc").dates("2010-01-01").event(EventType::amendment, "2018-09-01");
    good(b, "doc2").based_on("rule");
    const Clean r(b, "2018-11-30");
    EXPECT_FALSE(r.has("doc", FindingCode::basis_amended));
    EXPECT_EQ(r.action_of("doc2", FindingCode::basis_amended), Action::evaluate);
}

TEST(Finding, ISSUER_ABOLISHED_WithASuccessorChainAmends) {
    CorpusBuilder b = base();
    b.authority("office", "江阴市科技创新办公室", AuthorityKind::department).abolished("2017-01-01", "commission");
    b.authority("commission", "江阴市科学技术委员会", AuthorityKind::department).abolished("2018-03-01", "jy-kjj");
    good(b, "doc", "office");
    EXPECT_FALSE(Clean(b, "2016-12-31").has("doc", FindingCode::issuer_abolished));
    const Clean r(b, "2018-11-30");
    EXPECT_EQ(r.action_of("doc", FindingCode::issuer_abolished), Action::amend);
    EXPECT_EQ(r.detail("doc", FindingCode::issuer_abolished),
              "issuer 江阴市科技创新办公室 abolished 2017-01-01, succeeded by 江阴市科学技术局");
}

TEST(Finding, ISSUER_ABOLISHED_WithoutLivingSuccessorDeclaresInvalid) {
    CorpusBuilder b = base();
    b.authority("office", "江阴市科技创新办公室", AuthorityKind::department).abolished("2017-01-01", "commission");
    b.authority("commission", "江阴市科学技术委员会", AuthorityKind::department).abolished("2018-03-01");
    good(b, "doc", "office");
    const Clean r(b, "2018-11-30");
    EXPECT_EQ(r.action_of("doc", FindingCode::issuer_abolished), Action::declare_invalid);
    EXPECT_EQ(r.detail("doc", FindingCode::issuer_abolished),
              "issuer 江阴市科技创新办公室 abolished 2017-01-01, no successor in existence");
}

TEST(Finding, ISSUER_ABOLISHED_OnlyWhenEveryIssuerIs) {
    CorpusBuilder b = base();
    b.authority("office", "江阴市科技创新办公室", AuthorityKind::department).abolished("2017-01-01");
    good(b, "joint", "office").issuer("jy-kjj");
    good(b, "alone", "office");
    const Clean r(b, "2018-11-30");
    EXPECT_FALSE(r.has("joint", FindingCode::issuer_abolished));
    EXPECT_TRUE(r.has("alone", FindingCode::issuer_abolished));
}

TEST(Finding, ISSUER_ABOLISHED_EachIssuerMustHaveALivingSuccessorForAmend) {
    CorpusBuilder b = base();
    b.authority("a", "甲办", AuthorityKind::department).abolished("2017-01-01", "jy-kjj");
    b.authority("b", "乙办", AuthorityKind::department).abolished("2017-01-01");
    good(b, "doc", "a").issuer("b");
    EXPECT_EQ(Clean(b, "2018-11-30").action_of("doc", FindingCode::issuer_abolished), Action::declare_invalid);
}

TEST(Finding, TERM_TOO_LONG_ExpiresLaterThanTheProfileAllows) {
    CorpusBuilder b = base();
    good(b, "ok").expires("2023-05-31");
    good(b, "long").expires("2023-06-01");
    b.document("trial", DocumentKind::normative, "江阴市技术转移机构管理办法（试行）").issuer("jy-kjj")
        .dates("2018-03-01").expires("2021-02-28");
    b.document("rule", DocumentKind::rule, "规章").issuer("jy-gov").dates("2018-03-01").expires("2040-01-01");
    const Clean r(b, "2018-11-30");
    EXPECT_FALSE(r.has("ok", FindingCode::term_too_long));
    EXPECT_EQ(r.action_of("long", FindingCode::term_too_long), Action::amend);
    EXPECT_EQ(r.detail("long", FindingCode::term_too_long),
              "expires 2023-06-01, later than the 5-year term allows (2023-05-31)");
    EXPECT_TRUE(r.has("trial", FindingCode::term_too_long));  // trial: last day 2020-02-29
    EXPECT_EQ(r.detail("trial", FindingCode::term_too_long),
              "expires 2021-02-28, later than the 2-year trial term allows (2020-02-29)");
    EXPECT_FALSE(r.has("rule", FindingCode::term_too_long));  // not a normative document
}

TEST(Finding, NO_LEGALITY_REVIEW_ReviewMustPrecedeTheFirstAdoption) {
    CorpusBuilder b = base();
    b.document("late", DocumentKind::normative, "办法").issuer("jy-kjj").dates("2018-05-10")
        .consultation("2018-03-01", "2018-03-30").filing("2018-05-20")
        .collective_decision("2018-04-20", DecisionOutcome::adopted)
        .legality_review("2018-04-21", LegalityOutcome::lawful);
    b.document("same-day", DocumentKind::normative, "办法二").issuer("jy-kjj").dates("2018-05-10")
        .collective_decision("2018-04-20", DecisionOutcome::adopted)
        .legality_review("2018-04-20", LegalityOutcome::lawful_with_changes);
    b.document("unlawful", DocumentKind::normative, "办法三").issuer("jy-kjj").dates("2018-05-10")
        .collective_decision("2018-04-20", DecisionOutcome::adopted)
        .legality_review("2018-04-10", LegalityOutcome::unlawful);
    // The first adopted decision counts; a rejected one earlier does not.
    b.document("first-adoption", DocumentKind::normative, "办法四").issuer("jy-kjj").dates("2018-05-10")
        .collective_decision("2018-04-01", DecisionOutcome::rejected)
        .collective_decision("2018-04-20", DecisionOutcome::adopted)
        .collective_decision("2018-04-25", DecisionOutcome::adopted)
        .legality_review("2018-04-15", LegalityOutcome::lawful);
    const Clean r(b, "2018-11-30");
    EXPECT_EQ(r.action_of("late", FindingCode::no_legality_review), Action::amend);
    EXPECT_EQ(r.detail("late", FindingCode::no_legality_review),
              "no lawful legality review on or before the collective decision of 2018-04-20; review 2018-04-21 lawful");
    EXPECT_FALSE(r.has("same-day", FindingCode::no_legality_review));
    EXPECT_TRUE(r.has("unlawful", FindingCode::no_legality_review));
    EXPECT_FALSE(r.has("first-adoption", FindingCode::no_legality_review));
}

TEST(Finding, NO_LEGALITY_REVIEW_WithoutDecisionTheReviewMustPrecedePublication) {
    CorpusBuilder b = base();
    b.document("ok", DocumentKind::normative, "办法").issuer("jy-kjj").dates("2018-05-10")
        .legality_review("2018-05-10", LegalityOutcome::lawful);
    b.document("late", DocumentKind::normative, "办法二").issuer("jy-kjj").dates("2018-05-10")
        .legality_review("2018-05-11", LegalityOutcome::lawful);
    // A decision after publication does not move the cut-off.
    b.document("decided-late", DocumentKind::normative, "办法三").issuer("jy-kjj").dates("2018-05-10")
        .collective_decision("2018-06-01", DecisionOutcome::adopted)
        .legality_review("2018-05-05", LegalityOutcome::lawful);
    const Clean r(b, "2018-11-30");
    EXPECT_FALSE(r.has("ok", FindingCode::no_legality_review));
    EXPECT_TRUE(r.has("late", FindingCode::no_legality_review));
    EXPECT_EQ(r.detail("late", FindingCode::no_legality_review),
              "no lawful legality review on or before publication 2018-05-10; review 2018-05-11 lawful");
    EXPECT_FALSE(r.has("decided-late", FindingCode::no_legality_review));
}

TEST(Finding, NO_COLLECTIVE_DECISION_NoAdoptionOnOrBeforePublication) {
    CorpusBuilder b = base();
    good(b, "ok");
    b.document("none", DocumentKind::normative, "办法").issuer("jy-kjj").dates("2018-05-10");
    b.document("rejected", DocumentKind::normative, "办法二").issuer("jy-kjj").dates("2018-05-10")
        .collective_decision("2018-04-20", DecisionOutcome::rejected);
    b.document("after", DocumentKind::normative, "办法三").issuer("jy-kjj").dates("2018-05-10")
        .collective_decision("2018-05-11", DecisionOutcome::adopted);
    b.document("on-the-day", DocumentKind::normative, "办法四").issuer("jy-kjj").dates("2018-05-10")
        .collective_decision("2018-05-10", DecisionOutcome::adopted);
    const Clean r(b, "2018-11-30");
    EXPECT_FALSE(r.has("ok", FindingCode::no_collective_decision));
    EXPECT_EQ(r.action_of("none", FindingCode::no_collective_decision), Action::amend);
    EXPECT_TRUE(r.has("rejected", FindingCode::no_collective_decision));
    EXPECT_TRUE(r.has("after", FindingCode::no_collective_decision));
    EXPECT_FALSE(r.has("on-the-day", FindingCode::no_collective_decision));
    EXPECT_EQ(r.detail("rejected", FindingCode::no_collective_decision),
              "no adopted collective decision on or before publication 2018-05-10; decision 2018-04-20 rejected");
}

TEST(Finding, NO_CONSULTATION_NoneRecorded) {
    CorpusBuilder b = base();
    good(b, "ok");
    b.document("none", DocumentKind::normative, "办法").issuer("jy-kjj").dates("2018-05-10");
    const Clean r(b, "2018-11-30");
    EXPECT_FALSE(r.has("ok", FindingCode::no_consultation));
    EXPECT_EQ(r.action_of("none", FindingCode::no_consultation), Action::evaluate);
    EXPECT_FALSE(r.has("none", FindingCode::short_consultation));
}

TEST(Finding, SHORT_CONSULTATION_BothEndsCount) {
    CorpusBuilder b = base();
    good(b, "thirty").consultation("2018-03-01", "2018-03-30");  // 30 days
    good(b, "short").consultation("2018-03-01", "2018-03-29");   // 29 days
    const Clean r(b, "2018-11-30");
    EXPECT_FALSE(r.has("thirty", FindingCode::short_consultation));
    EXPECT_EQ(r.action_of("short", FindingCode::short_consultation), Action::evaluate);
    EXPECT_EQ(r.detail("short", FindingCode::short_consultation),
              "consultation 2018-03-01 to 2018-03-29 lasted 29 days, minimum 30");
}

TEST(Finding, FILING_OVERDUE_DeadlineBeforeTheDayAndNoTimelyFiling) {
    CorpusBuilder b = base();
    // Published 2018-05-10: due 2018-06-09.
    good(b, "on-time").filing("2018-06-09");
    good(b, "late").filing("2018-06-10");
    b.document("none", DocumentKind::normative, "办法").issuer("jy-kjj").dates("2018-05-10");
    EXPECT_FALSE(Clean(b, "2018-06-09").has("none", FindingCode::filing_overdue));  // deadline not yet passed
    const Clean r(b, "2018-06-10");
    EXPECT_FALSE(r.has("on-time", FindingCode::filing_overdue));
    EXPECT_EQ(r.action_of("late", FindingCode::filing_overdue), Action::evaluate);
    EXPECT_EQ(r.detail("late", FindingCode::filing_overdue), "filing due 2018-06-09, filed 2018-06-10");
    EXPECT_EQ(r.detail("none", FindingCode::filing_overdue), "filing due 2018-06-09, none recorded");
}

TEST(Finding, ProceduralCodesOnlyForNormativeAndPartyNormativeDocuments) {
    CorpusBuilder b = base();
    b.authority("party", "中共江阴市委", AuthorityKind::party);
    b.document("rule", DocumentKind::rule, "规章").issuer("jy-gov").dates("2018-05-10");
    b.document("other", DocumentKind::other, "通知").issuer("jy-gov").dates("2018-05-10");
    b.document("party-doc", DocumentKind::party_normative, "意见").issuer("party").dates("2018-05-10");
    const Clean r(b, "2018-11-30");
    EXPECT_EQ(r.codes("rule"), Codes{});
    EXPECT_EQ(r.codes("other"), Codes{});
    EXPECT_EQ(r.codes("party-doc"), (Codes{FindingCode::no_legality_review, FindingCode::no_collective_decision,
                                           FindingCode::no_consultation, FindingCode::filing_overdue}));
}

// ---- the action --------------------------------------------------------------------------------

TEST(CleanupAction, StrongestOfTheFindings) {
    CorpusBuilder b = base();
    // amend (NO_COLLECTIVE_DECISION) + evaluate (NO_CONSULTATION, FILING_OVERDUE) → amend.
    b.document("doc", DocumentKind::normative, "办法").issuer("jy-kjj").dates("2018-05-10")
        .legality_review("2018-05-01", LegalityOutcome::lawful);
    // + a repealed basis → repeal.
    b.document("doc2", DocumentKind::normative, "办法二").issuer("jy-kjj").dates("2018-05-10").based_on("law");
    b.document("repealer", DocumentKind::law, "决定").issuer("npc").dates("2018-07-01").repeals("law");
    const Clean r(b, "2018-11-30");
    EXPECT_EQ(r.action("doc"), Action::amend);
    EXPECT_EQ(r.action("doc2"), Action::repeal);
    EXPECT_EQ(r.result.count(Action::repeal), 1u);
    EXPECT_EQ(r.result.count(Action::amend), 1u);
}

TEST(CleanupAction, OrderOfStrength) {
    EXPECT_LT(Action::retain, Action::evaluate);
    EXPECT_LT(Action::evaluate, Action::amend);
    EXPECT_LT(Action::amend, Action::declare_invalid);
    EXPECT_LT(Action::declare_invalid, Action::repeal);
    EXPECT_EQ(to_string(Action::declare_invalid), "declare-invalid");
    EXPECT_EQ(parse_action("repeal"), Action::repeal);
    EXPECT_EQ(parse_action("delete"), std::nullopt);
    EXPECT_EQ(parse_finding_code("BASIS_TO_BE_TERMINATED"), FindingCode::basis_to_be_terminated);
}

// ---- the cascade -------------------------------------------------------------------------------

TEST(CleanupCascade, ADependentOfADocumentThisPlanEndsIsJudgedInTheSameRun) {
    CorpusBuilder b = base();
    // Written dependents first, so file order is not the order of judgement.
    good(b, "c").implements("b");
    good(b, "b").implements("a");
    good(b, "a").based_on("law");
    b.document("repealer", DocumentKind::law, "决定").issuer("npc").dates("2018-07-01").repeals("law");
    const Clean r(b, "2018-11-30");
    EXPECT_EQ(r.action("a"), Action::repeal);
    EXPECT_EQ(r.action("b"), Action::repeal);
    EXPECT_EQ(r.action("c"), Action::repeal);
    EXPECT_EQ(r.codes("c"), Codes{FindingCode::basis_to_be_terminated});
}

TEST(CleanupCascade, AnExpiredBasisDeclaredInvalidMakesItsDependentsRepealed) {
    CorpusBuilder b = base();
    good(b, "old").dates("2013-05-10", "2013-06-01");  // expired 2018-06-01
    good(b, "dep").implements("old");
    const Clean r(b, "2018-11-30");
    EXPECT_EQ(r.action("old"), Action::declare_invalid);
    EXPECT_EQ(r.codes("dep"), Codes{FindingCode::basis_terminated});  // ended already: not "to be"
    EXPECT_EQ(r.action("dep"), Action::repeal);
}

TEST(CleanupCascade, DeclareInvalidForAnAbolishedIssuerCascadesToo) {
    CorpusBuilder b = base();
    b.authority("office", "江阴市科技创新办公室", AuthorityKind::department).abolished("2017-01-01");
    good(b, "orphan", "office").drafter("jy-kjj");
    good(b, "dep").implements("orphan");
    const Clean r(b, "2018-11-30", "jy-kjj");
    EXPECT_EQ(r.action("orphan"), Action::declare_invalid);
    EXPECT_EQ(r.action_of("dep", FindingCode::basis_to_be_terminated), Action::repeal);
}

TEST(CleanupCascade, AChainOfAHundredThousandDocumentsInOnePass) {
    CorpusBuilder b = base();
    const int n = 100000;
    b.document("doc0", DocumentKind::other, "文件0").issuer("jy-kjj").dates("2018-01-01").based_on("law");
    for (int i = 1; i < n; ++i)
        b.document("doc" + std::to_string(i), DocumentKind::other, "文件").issuer("jy-kjj").dates("2018-01-01")
            .implements("doc" + std::to_string(i - 1));
    b.document("repealer", DocumentKind::law, "决定").issuer("npc").dates("2018-07-01").repeals("law");
    const Clean r(b, "2018-11-30", "jy-kjj");
    EXPECT_EQ(r.result.count(Action::repeal), static_cast<std::size_t>(n));
    EXPECT_EQ(r.action("doc" + std::to_string(n - 1)), Action::repeal);
}

// ---- the report's summary ------------------------------------------------------------------------

TEST(CleanupSummary, CountsPerIssuingAuthorityThenTheTotal) {
    CorpusBuilder b = base();
    good(b, "gov", "jy-gov").drafter("jy-kjj").dates("2013-05-10", "2013-06-01");  // expired
    good(b, "own");
    good(b, "own-old").dates("2013-05-10", "2013-06-01");
    const Clean r(b, "2018-11-30", "jy-kjj");
    const auto summary = r.result.summary_by_issuer();
    ASSERT_EQ(summary.size(), 3u);
    EXPECT_EQ(r.corpus.authority(summary[0].authority).id(), "jy-gov");
    EXPECT_EQ(summary[0][Action::declare_invalid], 1u);
    EXPECT_EQ(r.corpus.authority(summary[1].authority).id(), "jy-kjj");
    EXPECT_EQ(summary[1][Action::declare_invalid], 1u);
    EXPECT_EQ(summary[1][Action::retain], 1u);
    EXPECT_FALSE(summary[2].authority.valid());
    EXPECT_EQ(summary[2].total(), 3u);
}

}  // namespace
}  // namespace normdoc
