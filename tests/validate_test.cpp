// SPEC §7 "Validation problems" decided on the model (the one validator behind both the XML
// reader and CorpusBuilder): one test per code the validator owns.
#include "normdoc/builder.hpp"
#include "normdoc/draft.hpp"
#include "normdoc/status.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace normdoc {
namespace {

CorpusBuilder base() {
    CorpusBuilder b;
    b.authority("gov", "江阴市人民政府", AuthorityKind::government);
    b.authority("kjj", "江阴市科学技术局", AuthorityKind::department).parent("gov");
    b.document("law", DocumentKind::law, "中华人民共和国促进科技成果转化法").issuer("gov").dates("2015-08-29");
    return b;
}

std::vector<Problem> problems_with(const LoadResult& r, ProblemCode code) {
    std::vector<Problem> out;
    for (const auto& p : r.problems)
        if (p.code == code) out.push_back(p);
    return out;
}

TEST(Validate, ACleanCorpusHasNoProblems) {
    const LoadResult r = base().build();
    EXPECT_TRUE(r.ok());
    EXPECT_TRUE(r.problems.empty());
}

// Problem::subject: what a problem is about, by kind and id, so that no program reads messages.
TEST(Validate, EveryProblemSaysWhatItIsAbout) {
    CorpusBuilder b = base();
    b.authority("old", "撤销的机关", AuthorityKind::department).parent("nowhere");
    b.document("d1", DocumentKind::normative, "甲").issuer("gov").dates("2018-01-01").repeals("missing");
    b.document("d2", DocumentKind::normative, "乙").dates("2018-01-01");
    const LoadResult r = b.build();
    ASSERT_EQ(r.problems.size(), 3u);
    for (const Problem& p : r.problems) {
        if (p.code == ProblemCode::unknown_ref && p.subject.kind == SubjectKind::authority) {
            EXPECT_EQ(p.subject.id, "old");
        } else if (p.code == ProblemCode::unknown_ref) {
            EXPECT_EQ(p.subject, Subject::relation_of("d1", RelationKind::repeals, "missing"));
            EXPECT_EQ(p.subject.document_id(), "d1");
        } else {
            EXPECT_EQ(p.code, ProblemCode::missing);
            EXPECT_EQ(p.subject, Subject::document("d2"));
        }
    }
}

TEST(Validate, DuplicateIdOfDocumentsAndOfAuthoritiesButSeparateSpaces) {
    CorpusBuilder b = base();
    b.document("law", DocumentKind::law, "又一部法").issuer("gov").dates("2016-01-01");
    b.authority("gov", "重复", AuthorityKind::government);
    b.document("kjj", DocumentKind::other, "与机关同名的文件").issuer("kjj").dates("2016-01-01");  // separate id spaces
    const LoadResult r = b.build();
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(problems_with(r, ProblemCode::duplicate_id).size(), 2u);
}

TEST(Validate, BadIdWithWhiteSpaceOrControlCharacters) {
    CorpusBuilder b = base();
    b.document("has space", DocumentKind::other, "t").issuer("gov").dates("2016-01-01");
    b.document("tab\there", DocumentKind::other, "t").issuer("gov").dates("2016-01-01");
    b.document("ideographic\xe3\x80\x80space", DocumentKind::other, "t").issuer("gov").dates("2016-01-01");
    b.document("", DocumentKind::other, "t").issuer("gov").dates("2016-01-01");
    b.document("澄政发-2018-12", DocumentKind::other, "t").issuer("gov").dates("2016-01-01");  // fine
    EXPECT_EQ(problems_with(b.build(), ProblemCode::bad_value).size(), 4u);
}

TEST(Validate, DuplicateNumberAtTheLaterDocument) {
    CorpusBuilder b = base();
    b.document("a", DocumentKind::normative, "甲").issuer("gov").dates("2018-01-01").number("澄政发〔2018〕1号");
    b.document("b", DocumentKind::normative, "乙").issuer("gov").dates("2018-02-01").number("澄政发〔2018〕1号");
    const auto found = problems_with(b.build(), ProblemCode::duplicate_number);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].message.find("document b"), std::string::npos);
    EXPECT_NE(found[0].message.find("document a"), std::string::npos);
}

TEST(Validate, UnknownRefForIssuerDrafterRelationReviewerAndFiling) {
    CorpusBuilder b = base();
    b.document("a", DocumentKind::normative, "甲")
        .issuer("nobody")
        .drafter("nobody2")
        .dates("2018-01-01")
        .based_on("prc-law-2015-32")
        .legality_review("2017-12-01", LegalityOutcome::lawful, "jy-sfj")
        .filing("2018-01-10", "wx-gov");
    b.authority("x", "某局", AuthorityKind::department).parent("p-missing").successor("s-missing");
    const LoadResult r = b.build();
    EXPECT_EQ(problems_with(r, ProblemCode::unknown_ref).size(), 7u);
    bool named = false;
    for (const auto& p : problems_with(r, ProblemCode::unknown_ref))
        named |= p.message.find("prc-law-2015-32") != std::string::npos && p.message.find("not in the corpus") != std::string::npos;
    EXPECT_TRUE(named);
}

TEST(Validate, SelfReferenceOfARelationAndOfASuccessor) {
    CorpusBuilder b = base();
    b.document("a", DocumentKind::normative, "甲").issuer("gov").dates("2018-01-01").repeals("a");
    b.authority("x", "某局", AuthorityKind::department).abolished("2019-01-01", "x");
    EXPECT_EQ(problems_with(b.build(), ProblemCode::self_reference).size(), 2u);
}

TEST(Validate, DateOrderEffectiveBeforePublishedExpiresBeforeEffectiveConsultationBackwards) {
    CorpusBuilder b = base();
    b.document("a", DocumentKind::normative, "甲").issuer("gov").dates("2018-02-01", "2018-01-01");
    b.document("b", DocumentKind::normative, "乙").issuer("gov").dates("2018-01-01", "2018-02-01").expires("2018-01-31");
    b.document("c", DocumentKind::normative, "丙").issuer("gov").dates("2018-01-01").consultation("2017-11-30", "2017-11-01");
    b.document("ok", DocumentKind::normative, "丁").issuer("gov").dates("2018-01-01").expires("2018-01-01");
    EXPECT_EQ(problems_with(b.build(), ProblemCode::date_order).size(), 3u);
}

TEST(Validate, MissingTitleAndIssuer) {
    draft::Corpus d;
    d.authorities.push_back({"gov", "政府", AuthorityKind::government, {}, {}, {}, {}, 3});
    draft::Document doc;
    doc.id = "a";
    doc.line = 7;
    d.documents.push_back(doc);
    const LoadResult r = build_corpus(d);
    const auto found = problems_with(r, ProblemCode::missing);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].line, 7u);
}

TEST(Validate, ExtendsWithoutUntilIsMissing) {
    CorpusBuilder b = base();
    b.document("a", DocumentKind::normative, "甲").issuer("gov").dates("2018-01-01");
    b.document("b", DocumentKind::normative, "乙").issuer("gov").dates("2019-01-01").relation(RelationKind::extends, "a");
    EXPECT_EQ(problems_with(b.build(), ProblemCode::missing).size(), 1u);
}

TEST(Validate, BasisCycleNamesItsMembersAtTheFirstInFileOrder) {
    draft::Corpus d = base().draft();
    for (int i = 0; i < 3; ++i) {
        draft::Document doc;
        doc.id = "c" + std::to_string(i);
        doc.title = "循环";
        doc.issuers.push_back({"gov", 0});
        doc.line = static_cast<std::size_t>(10 + i);
        doc.relations.push_back({i == 1 ? RelationKind::implements : RelationKind::based_on, {"c" + std::to_string((i + 1) % 3), 0}, {}, {}, 0});
        d.documents.push_back(doc);
    }
    const auto found = problems_with(build_corpus(d), ProblemCode::basis_cycle);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].line, 10u);
    for (const char* m : {"c0", "c1", "c2"}) EXPECT_NE(found[0].message.find(m), std::string::npos) << m;
}

TEST(Validate, ModificationCycleOfAmendsRepealsSupersedesDeclaresInvalid) {
    CorpusBuilder b = base();
    b.document("a", DocumentKind::normative, "甲").issuer("gov").dates("2018-01-01").amends("b");
    b.document("b", DocumentKind::normative, "乙").issuer("gov").dates("2018-01-01").supersedes("a");
    b.document("c", DocumentKind::normative, "丙").issuer("gov").dates("2018-01-01").based_on("a").cites("c2");
    b.document("c2", DocumentKind::normative, "丁").issuer("gov").dates("2018-01-01").cites("c");  // cites: no cycle
    const LoadResult r = b.build();
    EXPECT_EQ(problems_with(r, ProblemCode::modification_cycle).size(), 1u);
    EXPECT_TRUE(problems_with(r, ProblemCode::basis_cycle).empty());
}

TEST(Validate, ExtendsIsNotAModificationCycle) {
    CorpusBuilder b = base();
    b.document("a", DocumentKind::normative, "甲").issuer("gov").dates("2018-01-01").extends("b", "2030-01-01");
    b.document("b", DocumentKind::normative, "乙").issuer("gov").dates("2018-01-01").extends("a", "2030-01-01");
    EXPECT_TRUE(problems_with(b.build(), ProblemCode::modification_cycle).empty());
}

TEST(Validate, SuccessorCycle) {
    CorpusBuilder b = base();
    b.authority("x", "甲局", AuthorityKind::department).abolished("2019-01-01", "y");
    b.authority("y", "乙局", AuthorityKind::department).abolished("2019-01-01", "z");
    b.authority("z", "丙局", AuthorityKind::department).abolished("2019-01-01", "x");
    b.authority("w", "丁局", AuthorityKind::department).abolished("2019-01-01", "x");  // leads into it, not part of it
    const auto found = problems_with(b.build(), ProblemCode::successor_cycle);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].message.find("w"), std::string::npos);
}

TEST(Validate, NumberYearMismatchIsAWarning) {
    CorpusBuilder b = base();
    b.document("a", DocumentKind::normative, "甲").issuer("gov").dates("2019-01-03").number("澄政发〔2018〕12号");
    b.document("b", DocumentKind::normative, "乙").issuer("gov").dates("2018-01-03").number("澄政发[2018]13号");
    b.document("c", DocumentKind::normative, "丙").issuer("gov").dates("2019-01-03").number("澄政发（2018）14号");
    const LoadResult r = b.build();
    EXPECT_TRUE(r.ok());
    const auto found = problems_with(r, ProblemCode::number_year_mismatch);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].severity, Severity::warning);
}

TEST(Validate, BadDateFromTheBuilder) {
    CorpusBuilder b = base();
    b.document("a", DocumentKind::normative, "甲").issuer("gov").dates("2018-02-30");
    const LoadResult r = b.build();
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(problems_with(r, ProblemCode::bad_date).size(), 1u);
}

TEST(Validate, DefaultsAreResolved) {
    CorpusBuilder b = base();
    b.document("a", DocumentKind::normative, "某某办法（暂行）").issuer("kjj").issuer("gov").dates("2018-01-01");
    const LoadResult r = b.build();
    ASSERT_TRUE(r.ok());
    const Document a = r.corpus->document(*r.corpus->find_document("a"));
    EXPECT_TRUE(a.trial());
    EXPECT_EQ(r.corpus->authority(a.drafter()).id(), "kjj");  // SPEC §1: the first issuer
    EXPECT_EQ(a.effective(), a.published());
}

TEST(Validate, LongBasisChainDoesNotOverflowAndLongCycleIsFound) {
    constexpr int n = 100000;
    draft::Corpus d = base().draft();
    d.documents.reserve(n + 1);
    for (int i = 0; i < n; ++i) {
        draft::Document doc;
        doc.id = "d" + std::to_string(i);
        doc.title = "链";
        doc.issuers.push_back({"gov", 0});
        doc.relations.push_back({RelationKind::based_on, {i == 0 ? "law" : "d" + std::to_string(i - 1), 0}, {}, {}, 0});
        d.documents.push_back(std::move(doc));
    }
    EXPECT_TRUE(build_corpus(d).ok());
    d.documents[1].relations[0].target.id = "d" + std::to_string(n - 1);  // closes a cycle d1..d(n-1)
    const auto found = problems_with(build_corpus(d), ProblemCode::basis_cycle);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].message.find("more"), std::string::npos);
}

TEST(Validate, ToDraftRoundTripsToAnEqualCorpus) {
    CorpusBuilder b = base();
    b.authority("old", "原科技局", AuthorityKind::department).level(Level::county).abolished("2019-03-01", "kjj");
    b.document("a", DocumentKind::normative, "甲")
        .issuer("kjj")
        .number("澄科发〔2018〕3号")
        .subject("technology-transfer")
        .dates("2018-05-10", "2018-06-01")
        .based_on("law")
        .consultation("2018-03-01", "2018-03-30")
        .legality_review("2018-04-10", LegalityOutcome::lawful, "gov")
        .collective_decision("2018-04-20", DecisionOutcome::adopted, "局长办公会")
        .filing("2018-05-20", "gov")
        .event(EventType::amendment, "2019-01-01", "external: 锡政发〔2018〕99号");
    b.document("b", DocumentKind::normative, "乙").issuer("gov").dates("2019-01-01").amends("a").extends("a", "2025-01-01");
    const LoadResult r = b.build();
    ASSERT_TRUE(r.ok());
    const LoadResult again = build_corpus(to_draft(*r.corpus));
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(describe_difference(*r.corpus, *again.corpus), "");
}

TEST(Validate, EqualityNoticesAChangedField) {
    CorpusBuilder b = base();
    b.document("a", DocumentKind::normative, "甲").issuer("gov").dates("2018-01-01");
    const Corpus one = *b.build().corpus;
    draft::Corpus changed = to_draft(one);
    changed.documents[1].expires = test::d("2020-01-01");
    EXPECT_NE(describe_difference(one, *build_corpus(changed).corpus), "");
}

}  // namespace
}  // namespace normdoc

namespace normdoc {
namespace {

TEST(Index, DocumentsByIdAreInByteOrderWhateverTheSharedPrefixes) {
    CorpusBuilder b;
    b.authority("gov", "政府", AuthorityKind::government);
    std::vector<std::string> ids;
    std::mt19937 rng(7);
    const std::string stems[] = {"cn-js-wx-jy-gov-", "cn-js-wx-jy-gov-2018-", "cn-js-wx-", "c", "cn-js-wx-jy-kjj-", "澄政发-"};
    for (int i = 0; i < 2000; ++i) {
        std::string id = stems[rng() % 6] + std::to_string(rng() % 5000);
        if (rng() % 3 == 0) id += "-" + std::to_string(rng() % 10);
        if (std::find(ids.begin(), ids.end(), id) != ids.end()) continue;
        ids.push_back(id);
        b.document(id, DocumentKind::other, "文件").issuer("gov").dates("2018-01-01");
    }
    const LoadResult r = b.build();
    ASSERT_TRUE(r.ok());
    std::vector<std::string> got;
    for (DocumentId id : r.corpus->documents_by_id()) got.emplace_back(r.corpus->document(id).id());
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(got, ids);
    for (const auto& id : ids) EXPECT_EQ(r.corpus->document(*r.corpus->find_document(id)).id(), id);
    // A document's rank is its position in that order (the key of the status indexes).
    const auto& order = r.corpus->documents_by_id();
    const auto& data = detail::data_of(*r.corpus);
    for (std::uint32_t rank = 0; rank < order.size(); ++rank) ASSERT_EQ(detail::rank_of(data, order[rank]).index(), rank);
}

TEST(Index, DependentsAndModificationsOfADocumentWhateverTheIdOrder) {
    // Ids whose byte order is not the file order: the indexes by rank still answer by document.
    CorpusBuilder b;
    b.authority("gov", "政府", AuthorityKind::government);
    b.document("z-law", DocumentKind::law, "法").issuer("gov").dates("2010-01-01");
    b.document("m-rule", DocumentKind::rule, "规章").issuer("gov").dates("2012-01-01").based_on("z-law");
    b.document("a-doc", DocumentKind::normative, "文件").issuer("gov").dates("2015-01-01").implements("z-law").based_on("m-rule");
    b.document("b-amend", DocumentKind::normative, "修改").issuer("gov").dates("2016-01-01").amends("m-rule").based_on("z-law");
    const LoadResult r = b.build();
    ASSERT_TRUE(r.ok());
    const Corpus& c = *r.corpus;
    auto ids = [&c](auto range) {
        std::vector<std::string> out;
        for (DocumentId id : range) out.emplace_back(c.document(id).id());
        return out;
    };
    EXPECT_EQ(ids(c.dependents_of(*c.find_document("z-law"))), (std::vector<std::string>{"m-rule", "a-doc", "b-amend"}));
    EXPECT_EQ(ids(c.dependents_of(*c.find_document("m-rule"))), (std::vector<std::string>{"a-doc"}));
    EXPECT_TRUE(c.dependents_of(*c.find_document("a-doc")).empty());
    const auto& data = detail::data_of(c);
    const auto m = detail::modifications_at(data, detail::rank_of(data, *c.find_document("m-rule")));
    ASSERT_EQ(m.size(), 1u);
    EXPECT_EQ(c.document(detail::document_at(data, m[0].source)).id(), "b-amend");
    EXPECT_EQ(detail::to_date(m[0].from), test::d("2016-01-01"));
    EXPECT_TRUE(detail::modifications_at(data, detail::rank_of(data, *c.find_document("z-law"))).empty());
}

}  // namespace
}  // namespace normdoc
