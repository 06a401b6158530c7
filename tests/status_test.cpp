// SPEC §4 (last day in force, extensions) and §5 (status as of a day), one test per rule.
#include "normdoc/builder.hpp"
#include "normdoc/status.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

namespace normdoc {
namespace {

using test::d;

// A government and one normative document effective 2018-06-01 (last day 2023-05-31).
CorpusBuilder base() {
    CorpusBuilder b;
    b.authority("gov", "江阴市人民政府", AuthorityKind::government);
    b.document("doc", DocumentKind::normative, "关于加快推进全市技术转移体系建设的实施意见")
        .issuer("gov")
        .dates("2018-05-10", "2018-06-01");
    return b;
}

Corpus build(const CorpusBuilder& b) {
    LoadResult r = b.build();
    for (const auto& p : r.problems) ADD_FAILURE() << p;
    return *r.corpus;
}

DocumentStatus status(const Corpus& c, std::string_view id, std::string_view day) {
    return status_of(c, *c.find_document(id), d(day));
}

TEST(LastDay, NormativeWithoutExpiresLastsFiveYearsLessADay) {
    const Corpus c = build(base());
    EXPECT_EQ(status(c, "doc", "2019-01-01").last_day, d("2023-05-31"));
}

TEST(LastDay, TrialDocumentLastsTwoYears) {
    CorpusBuilder b = base();
    b.document("trial", DocumentKind::normative, "江阴市技术转移机构管理办法（试行）").issuer("gov").dates("2018-03-01");
    const Corpus c = build(b);
    EXPECT_TRUE(c.document(*c.find_document("trial")).trial());
    EXPECT_EQ(status(c, "trial", "2019-01-01").last_day, d("2020-02-29"));
}

TEST(LastDay, ExplicitTrialFalseOverridesTheTitle) {
    CorpusBuilder b = base();
    b.document("t", DocumentKind::normative, "暂行办法").issuer("gov").dates("2018-03-01").trial(false);
    const Corpus c = build(b);
    EXPECT_EQ(status(c, "t", "2019-01-01").last_day, d("2023-02-28"));
}

TEST(LastDay, ProfileYearsComeFromTheCorpus) {
    CorpusBuilder b = base();
    Profile p;
    p.validity_years = 3;
    b.profile(p);
    EXPECT_EQ(status(build(b), "doc", "2019-01-01").last_day, d("2021-05-31"));
}

TEST(LastDay, OtherKindsHaveNoLastDayUnlessExpiresGivesOne) {
    CorpusBuilder b = base();
    b.document("law", DocumentKind::law, "中华人民共和国促进科技成果转化法").issuer("gov").dates("2015-08-29");
    b.document("rule", DocumentKind::rule, "规章").issuer("gov").dates("2015-08-29").expires("2020-12-31");
    const Corpus c = build(b);
    EXPECT_FALSE(status(c, "law", "2030-01-01").last_day);
    EXPECT_EQ(status(c, "law", "2030-01-01").status, Status::in_force);
    EXPECT_EQ(status(c, "rule", "2021-01-01").status, Status::expired);
}

TEST(LastDay, ExtensionInEffectReplacesTheLastDay) {
    CorpusBuilder b = base();
    b.document("ext", DocumentKind::normative, "关于延长有效期的通知").issuer("gov").dates("2023-05-01").extends("doc", "2025-12-31");
    const Corpus c = build(b);
    EXPECT_EQ(status(c, "doc", "2023-04-30").last_day, d("2023-05-31"));  // not yet published
    EXPECT_EQ(status(c, "doc", "2023-06-01").last_day, d("2025-12-31"));
    EXPECT_EQ(status(c, "doc", "2023-06-01").status, Status::in_force);
}

TEST(LastDay, LateExtensionDoesNotReviveAndIsWarned) {
    CorpusBuilder b = base();
    b.document("ext", DocumentKind::normative, "关于延长有效期的通知").issuer("gov").dates("2023-07-01").extends("doc", "2025-12-31");
    const LoadResult r = b.build();
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].code, ProblemCode::late_extension);
    EXPECT_EQ(r.problems[0].severity, Severity::warning);
    EXPECT_EQ(status(*r.corpus, "doc", "2024-01-01").last_day, d("2023-05-31"));
    EXPECT_EQ(status(*r.corpus, "doc", "2024-01-01").status, Status::expired);
}

TEST(LastDay, ExtensionDatedInTimeButPublishedLateAppliesFromPublication) {
    CorpusBuilder b = base();
    b.document("ext", DocumentKind::normative, "关于延长有效期的通知")
        .issuer("gov")
        .dates("2023-07-01")
        .extends("doc", "2025-12-31", "2023-05-20");
    const Corpus c = build(b);
    EXPECT_EQ(status(c, "doc", "2023-06-15").status, Status::expired);
    EXPECT_EQ(status(c, "doc", "2023-07-01").status, Status::in_force);
    EXPECT_EQ(status(c, "doc", "2023-07-01").last_day, d("2025-12-31"));
}

TEST(LastDay, ExtensionsApplyInDateOrderThenSourceId) {
    CorpusBuilder b = base();
    // Same date: "a" then "b" by source id; b's until wins.
    b.document("b", DocumentKind::other, "延期二").issuer("gov").dates("2023-01-01").extends("doc", "2024-06-30");
    b.document("a", DocumentKind::other, "延期一").issuer("gov").dates("2023-01-01").extends("doc", "2026-06-30");
    const Corpus c = build(b);
    EXPECT_EQ(status(c, "doc", "2023-02-01").last_day, d("2024-06-30"));
}

TEST(LastDay, ExtensionDoesNotAffectADocumentWithoutLastDay) {
    CorpusBuilder b = base();
    b.document("law", DocumentKind::law, "法").issuer("gov").dates("2015-08-29");
    b.document("ext", DocumentKind::other, "延期").issuer("gov").dates("2023-01-01").extends("law", "2024-06-30");
    const Corpus c = build(b);
    EXPECT_FALSE(status(c, "law", "2025-01-01").last_day);
    EXPECT_EQ(status(c, "law", "2025-01-01").status, Status::in_force);
}

TEST(Status, DraftWithoutPublicationOrBeforeIt) {
    CorpusBuilder b = base();
    b.document("nopub", DocumentKind::normative, "草案").issuer("gov");
    const Corpus c = build(b);
    EXPECT_EQ(status(c, "nopub", "2030-01-01").status, Status::draft);
    EXPECT_EQ(status(c, "doc", "2018-05-09").status, Status::draft);
}

TEST(Status, PendingBetweenPublicationAndEffect) {
    const Corpus c = build(base());
    EXPECT_EQ(status(c, "doc", "2018-05-10").status, Status::pending);
    EXPECT_EQ(status(c, "doc", "2018-05-31").status, Status::pending);
    EXPECT_EQ(status(c, "doc", "2018-06-01").status, Status::in_force);
}

TEST(Status, InForceOnTheLastDayExpiredTheDayAfter) {
    const Corpus c = build(base());
    EXPECT_EQ(status(c, "doc", "2023-05-31").status, Status::in_force);
    const auto s = status(c, "doc", "2023-06-01");
    EXPECT_EQ(s.status, Status::expired);
    EXPECT_EQ(s.ended, d("2023-06-01"));
}

TEST(Status, RepealTakesEffectOnItsDateOnceItsSourceIsPublished) {
    CorpusBuilder b = base();
    b.document("rep", DocumentKind::normative, "关于废止的决定").issuer("gov").dates("2020-03-01").repeals("doc", "2020-01-01");
    const Corpus c = build(b);
    EXPECT_EQ(status(c, "doc", "2020-02-01").status, Status::in_force);  // source not yet published
    const auto s = status(c, "doc", "2020-03-01");
    EXPECT_EQ(s.status, Status::repealed);
    EXPECT_EQ(s.ended, d("2020-01-01"));
}

TEST(Status, RelationDateDefaultsToTheSourcesEffectiveDate) {
    CorpusBuilder b = base();
    b.document("rep", DocumentKind::normative, "新办法").issuer("gov").dates("2020-03-01", "2020-04-01").supersedes("doc");
    const Corpus c = build(b);
    EXPECT_EQ(status(c, "doc", "2020-03-31").status, Status::in_force);
    EXPECT_EQ(status(c, "doc", "2020-04-01").status, Status::repealed);
}

TEST(Status, DeclaresInvalidGivesInvalid) {
    CorpusBuilder b = base();
    b.document("dec", DocumentKind::other, "关于宣布失效的决定").issuer("gov").dates("2020-03-01").declares_invalid("doc");
    EXPECT_EQ(status(build(b), "doc", "2020-03-01").status, Status::invalid);
}

TEST(Status, ExplicitEventsEndTheDocument) {
    CorpusBuilder b = base();
    b.document("e1", DocumentKind::normative, "一").issuer("gov").dates("2018-01-01").event(EventType::repeal, "2019-01-01");
    b.document("e2", DocumentKind::normative, "二").issuer("gov").dates("2018-01-01").event(EventType::invalidation, "2019-01-01");
    const Corpus c = build(b);
    EXPECT_EQ(status(c, "e1", "2018-12-31").status, Status::in_force);
    EXPECT_EQ(status(c, "e1", "2019-01-01").status, Status::repealed);
    EXPECT_EQ(status(c, "e2", "2019-01-01").status, Status::invalid);
}

TEST(Status, OfSeveralEventsTheEarliestOnOrBeforeTheDayDecides) {
    // Events in no particular order: the earlier repeal and amendment are listed last.
    CorpusBuilder b = base();
    b.document("ev", DocumentKind::normative, "有事件").issuer("gov").dates("2018-01-01")
        .event(EventType::repeal, "2021-01-01")
        .event(EventType::amendment, "2019-09-01")
        .event(EventType::invalidation, "2019-06-01")
        .event(EventType::repeal, "2019-03-01")
        .event(EventType::amendment, "2018-06-01");
    const Corpus c = build(b);
    EXPECT_FALSE(status(c, "ev", "2018-05-31").amended);
    EXPECT_TRUE(status(c, "ev", "2018-06-01").amended);
    EXPECT_EQ(status(c, "ev", "2019-02-28").status, Status::in_force);
    const auto s = status(c, "ev", "2022-01-01");
    EXPECT_EQ(s.status, Status::repealed);
    EXPECT_EQ(s.ended, d("2019-03-01"));
}

TEST(Status, EarliestEndingWins) {
    CorpusBuilder b = base();
    b.document("dec", DocumentKind::other, "宣布失效").issuer("gov").dates("2019-01-01").declares_invalid("doc");
    b.document("rep", DocumentKind::other, "废止").issuer("gov").dates("2020-01-01").repeals("doc");
    const auto s = status(build(b), "doc", "2021-01-01");
    EXPECT_EQ(s.status, Status::invalid);
    EXPECT_EQ(s.ended, d("2019-01-01"));
}

TEST(Status, OnATieRepealedBeatsInvalidBeatsExpired) {
    CorpusBuilder b = base();
    // The term ends 2023-05-31, so expiry is dated 2023-06-01: the same day as both decisions.
    b.document("dec", DocumentKind::other, "宣布失效").issuer("gov").dates("2023-06-01").declares_invalid("doc");
    b.document("rep", DocumentKind::other, "废止").issuer("gov").dates("2023-06-01").repeals("doc");
    EXPECT_EQ(status(build(b), "doc", "2023-06-01").status, Status::repealed);

    CorpusBuilder b2 = base();
    b2.document("dec", DocumentKind::other, "宣布失效").issuer("gov").dates("2023-06-01").declares_invalid("doc");
    EXPECT_EQ(status(build(b2), "doc", "2023-06-01").status, Status::invalid);
}

TEST(Status, RepealingTheRepealingDocumentDoesNotRevive) {
    CorpusBuilder b = base();
    b.document("rep", DocumentKind::other, "废止").issuer("gov").dates("2019-01-01").repeals("doc");
    b.document("rep2", DocumentKind::other, "废止废止").issuer("gov").dates("2020-01-01").repeals("rep");
    EXPECT_EQ(status(build(b), "doc", "2020-06-01").status, Status::repealed);
}

TEST(Amended, FlagSetByAmendsRelationInEffectOrAmendmentEvent) {
    CorpusBuilder b = base();
    b.document("am", DocumentKind::normative, "修改").issuer("gov").dates("2019-03-01").amends("doc");
    b.document("ev", DocumentKind::normative, "有事件").issuer("gov").dates("2018-01-01").event(EventType::amendment, "2019-01-01");
    const Corpus c = build(b);
    EXPECT_FALSE(status(c, "doc", "2019-02-28").amended);
    EXPECT_TRUE(status(c, "doc", "2019-03-01").amended);
    EXPECT_FALSE(status(c, "ev", "2018-12-31").amended);
    EXPECT_TRUE(status(c, "ev", "2019-01-01").amended);
}

TEST(Status, ADocumentNothingModifiesGetsTheSameStatusFromItsDatesAlone) {
    // The same documents twice: as they are (nothing modifies them: the fast path of status_of)
    // and each one amended by a draft, which is never in effect (the full rule).
    auto documents = [](CorpusBuilder& b, bool touched) {
        b.document("normative", DocumentKind::normative, "办法").issuer("gov").dates("2018-05-10", "2018-06-01");
        b.document("trial", DocumentKind::normative, "办法（试行）").issuer("gov").dates("2016-02-29");
        b.document("rule", DocumentKind::rule, "规章").issuer("gov").dates("2015-01-01", "2015-02-01").expires("2019-06-30");
        b.document("law", DocumentKind::law, "法").issuer("gov").dates("2015-01-01");
        b.document("unpublished", DocumentKind::normative, "草案").issuer("gov");
        if (touched)
            for (const char* id : {"normative", "trial", "rule", "law", "unpublished"})
                b.document(std::string("draft-") + id, DocumentKind::other, "未发布的修改").issuer("gov").amends(id);
    };
    CorpusBuilder plain_b, touched_b;
    plain_b.authority("gov", "政府", AuthorityKind::government);
    touched_b.authority("gov", "政府", AuthorityKind::government);
    documents(plain_b, false);
    documents(touched_b, true);
    const Corpus plain = build(plain_b), touched = build(touched_b);
    for (const char* day : {"2014-12-31", "2015-01-15", "2016-02-28", "2016-02-29", "2018-02-28", "2018-03-01", "2018-05-10",
                            "2018-05-31", "2018-06-01", "2019-06-30", "2019-07-01", "2023-05-31", "2023-06-01"})
        for (const char* id : {"normative", "trial", "rule", "law", "unpublished"})
            EXPECT_EQ(status(plain, id, day), status(touched, id, day)) << id << " on " << day;
}

}  // namespace
}  // namespace normdoc
