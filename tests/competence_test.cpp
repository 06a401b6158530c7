// SPEC §2 Competence, rule by rule: an authority A is competent for a document T on day X when A
// is an issuer of T, or A is reached from an issuer of T by `successor` links of authorities
// abolished on or before X, or A is above one of those by `parent`. A modifying relation is
// competent when some issuer of its source is competent for its target on the source's published
// day; a relation from a draft is not checked. The validator warns NOT_COMPETENT otherwise.
#include "normdoc/builder.hpp"
#include "normdoc/competence.hpp"
#include "normdoc/status.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace normdoc {
namespace {

using test::d;

// 江苏省人民政府 > 江阴市人民政府 > 市科技局, 市财政局 (siblings), 市经信委 (abolished 2015-01-01,
// succeeded by 市工信局, itself abolished 2019-03-01, succeeded by 市工业和信息化局).
CorpusBuilder registry() {
    CorpusBuilder b;
    b.authority("prov", "江苏省人民政府", AuthorityKind::government).level(Level::provincial);
    b.authority("city", "江阴市人民政府", AuthorityKind::government).level(Level::county).parent("prov");
    b.authority("kjj", "江阴市科学技术局", AuthorityKind::department).level(Level::county).parent("city");
    b.authority("czj", "江阴市财政局", AuthorityKind::department).level(Level::county).parent("city");
    b.authority("jxw", "江阴市经济和信息化委员会", AuthorityKind::department).level(Level::county).parent("city")
        .abolished("2015-01-01", "gxj");
    b.authority("gxj", "江阴市工信局", AuthorityKind::department).level(Level::county).parent("city")
        .abolished("2019-03-01", "gyxxh");
    b.authority("gyxxh", "江阴市工业和信息化局", AuthorityKind::department).level(Level::county).parent("city");
    b.document("city-doc", DocumentKind::normative, "市政府的文件").issuer("city").dates("2012-01-01");
    b.document("kjj-doc", DocumentKind::normative, "科技局的文件").issuer("kjj").dates("2012-01-01");
    b.document("jxw-doc", DocumentKind::normative, "经信委的文件").issuer("jxw").dates("2012-01-01");
    b.document("joint-doc", DocumentKind::normative, "科技局、财政局联合发文").issuer("kjj").issuer("czj").dates("2012-01-01");
    return b;
}

const Corpus& corpus() {
    static const Corpus c = [] {
        LoadResult r = registry().build();
        EXPECT_TRUE(r.ok());
        return *r.corpus;
    }();
    return c;
}

AuthorityId a(std::string_view id) { return *corpus().find_authority(id); }
DocumentId doc(std::string_view id) { return *corpus().find_document(id); }

bool competent(std::string_view authority, std::string_view target, std::string_view day) {
    return is_competent(corpus(), a(authority), doc(target), d(day));
}

TEST(Competence, TheIssuerIsCompetentForItsOwnDocument) {
    EXPECT_TRUE(competent("kjj", "kjj-doc", "2018-11-30"));
    EXPECT_TRUE(competent("city", "city-doc", "2018-11-30"));
}

TEST(Competence, TheSuccessorOnceTheIssuerIsAbolished) {
    EXPECT_TRUE(competent("gxj", "jxw-doc", "2015-01-01"));  // abolished on that day: it no longer exists
    EXPECT_TRUE(competent("gxj", "jxw-doc", "2016-06-30"));
}

TEST(Competence, NotTheSuccessorBeforeTheAbolition) {
    EXPECT_FALSE(competent("gxj", "jxw-doc", "2014-12-31"));
}

TEST(Competence, TheSuccessorOfASuccessorOnceBothAreAbolished) {
    EXPECT_TRUE(competent("gyxxh", "jxw-doc", "2019-03-01"));
    EXPECT_FALSE(competent("gyxxh", "jxw-doc", "2019-02-28"));  // 市工信局 still exists
}

TEST(Competence, TheParentOfTheIssuer) {
    EXPECT_TRUE(competent("city", "kjj-doc", "2018-11-30"));
}

TEST(Competence, TheGrandparentOfTheIssuer) {
    EXPECT_TRUE(competent("prov", "kjj-doc", "2018-11-30"));
}

TEST(Competence, TheParentOfASuccessor) {
    EXPECT_TRUE(competent("city", "jxw-doc", "2016-06-30"));
}

TEST(Competence, NotAChildOfTheIssuer) {
    // A department may propose ending its government's document, not end it (the seed's 拟废止).
    EXPECT_FALSE(competent("kjj", "city-doc", "2018-11-30"));
}

TEST(Competence, NotASibling) {
    EXPECT_FALSE(competent("czj", "kjj-doc", "2018-11-30"));
}

TEST(Competence, AJointDecisionIsCompetentWhenOneOfItsIssuersIs) {
    const AuthorityId with_city[] = {a("czj"), a("city")};
    const AuthorityId departments[] = {a("czj"), a("gyxxh")};
    EXPECT_TRUE(is_competent(corpus(), Span<AuthorityId>(with_city, 2), doc("kjj-doc"), d("2018-11-30")));
    EXPECT_FALSE(is_competent(corpus(), Span<AuthorityId>(departments, 2), doc("kjj-doc"), d("2018-11-30")));
}

TEST(Competence, EachIssuerOfAJointTargetIsCompetentForIt) {
    EXPECT_TRUE(competent("kjj", "joint-doc", "2018-11-30"));
    EXPECT_TRUE(competent("czj", "joint-doc", "2018-11-30"));
    EXPECT_FALSE(competent("gyxxh", "joint-doc", "2018-11-30"));
}

TEST(Competence, WhoIsCompetentNamesTheIssuerAndTheSuccessorsReached) {
    const std::vector<AuthorityId> before = competent_bodies(corpus(), doc("jxw-doc"), d("2014-06-30"));
    const std::vector<AuthorityId> after = competent_bodies(corpus(), doc("jxw-doc"), d("2020-01-01"));
    EXPECT_EQ(before, (std::vector<AuthorityId>{a("jxw")}));
    EXPECT_EQ(after, (std::vector<AuthorityId>{a("jxw"), a("gxj"), a("gyxxh")}));
}

// The validator's side: NOT_COMPETENT at the relation, naming source, kind, target and issuers.
std::vector<Problem> not_competent(const LoadResult& r) {
    std::vector<Problem> out;
    for (const Problem& p : r.problems)
        if (p.code == ProblemCode::not_competent) out.push_back(p);
    return out;
}

TEST(NotCompetent, ADepartmentRepealingItsGovernmentsDocumentIsWarnedAndKeepsItsEffect) {
    CorpusBuilder b = registry();
    b.document("kjj-repeal", DocumentKind::other, "科技局关于废止市政府文件的决定").issuer("kjj").dates("2015-06-01")
        .repeals("city-doc", "2015-06-01");
    const LoadResult r = b.build();
    ASSERT_TRUE(r.ok());
    const std::vector<Problem> warned = not_competent(r);
    ASSERT_EQ(warned.size(), 1u);
    EXPECT_EQ(warned[0].severity, Severity::warning);
    EXPECT_EQ(warned[0].subject, Subject::relation_of("kjj-repeal", RelationKind::repeals, "city-doc"));
    for (const std::string_view word : {"kjj-repeal", "repeals", "city-doc", "city"})
        EXPECT_NE(warned[0].message.find(word), std::string::npos) << word << " in " << warned[0].message;
    // The registry records what was published: the repeal has its effect.
    EXPECT_EQ(status_of(*r.corpus, *r.corpus->find_document("city-doc"), d("2015-12-01")).status, Status::repealed);
}

TEST(NotCompetent, ARelationOfACompetentSourceIsNotWarned) {
    CorpusBuilder b = registry();
    b.document("city-repeal", DocumentKind::other, "市政府关于废止科技局文件的决定").issuer("city").dates("2018-06-01")
        .repeals("kjj-doc", "2018-06-01");
    b.document("gxj-amend", DocumentKind::normative, "工信局修改经信委文件").issuer("gxj").dates("2016-06-01")
        .amends("jxw-doc", "2016-06-01");
    EXPECT_TRUE(not_competent(b.build()).empty());
}

TEST(NotCompetent, ASuccessorActingBeforeTheAbolitionIsWarned) {
    CorpusBuilder b = registry();
    b.document("gxj-early", DocumentKind::normative, "工信局提前修改经信委文件").issuer("gxj").dates("2014-06-01")
        .amends("jxw-doc", "2014-06-01");
    EXPECT_EQ(not_competent(b.build()).size(), 1u);
}

TEST(NotCompetent, AJointSourceIsCompetentWhenOneOfItsIssuersIs) {
    CorpusBuilder b = registry();
    b.document("joint-repeal", DocumentKind::other, "市政府、财政局联合决定").issuer("czj").issuer("city").dates("2018-06-01")
        .repeals("kjj-doc", "2018-06-01");
    EXPECT_TRUE(not_competent(b.build()).empty());
}

TEST(NotCompetent, ARelationFromADraftIsNotChecked) {
    CorpusBuilder b = registry();
    b.document("kjj-draft", DocumentKind::other, "科技局拟废止市政府文件的草案").issuer("kjj").repeals("city-doc");
    const LoadResult r = b.build();
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(not_competent(r).empty());
}

}  // namespace
}  // namespace normdoc
