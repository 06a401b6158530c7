// SPEC §10 `impact`: every document that depends on DOC through based-on / implements,
// transitively, with its shortest depth and its status, whatever it is; by depth, then id.
#include "normdoc/builder.hpp"
#include "normdoc/graph.hpp"
#include "normdoc/impact.hpp"
#include "test_support.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <gtest/gtest.h>

namespace normdoc {
namespace {

using test::d;

Corpus build(const CorpusBuilder& b) {
    LoadResult r = b.build();
    for (const auto& p : r.problems)
        if (p.is_error()) ADD_FAILURE() << p;
    return r.corpus ? *r.corpus : Corpus();
}

struct Row {
    std::string id;
    std::uint32_t depth;
    Status status;
    friend bool operator==(const Row& a, const Row& b) { return a.id == b.id && a.depth == b.depth && a.status == b.status; }
    friend std::ostream& operator<<(std::ostream& os, const Row& r) { return os << r.id << '@' << r.depth << ' ' << r.status; }
};

std::vector<Row> rows(const Corpus& c, std::string_view root, std::string_view day) {
    std::vector<Row> out;
    for (const ImpactEntry& e : impact(c, *c.find_document(root), d(day)))
        out.push_back({std::string(c.document(e.document).id()), e.depth, e.status});
    return out;
}

// law ← rule ← {b, a} ← c; a cites law; x amends rule (no dependency).
CorpusBuilder base() {
    CorpusBuilder b;
    b.authority("npc", "全国人民代表大会常务委员会", AuthorityKind::congress);
    b.authority("jy-kjj", "江阴市科学技术局", AuthorityKind::department);
    b.document("law", DocumentKind::law, "中华人民共和国促进科技成果转化法").issuer("npc").dates("2015-08-29");
    b.document("rule", DocumentKind::rule, "江苏省促进科技成果转化条例").issuer("npc").dates("2016-01-01").based_on("law");
    b.document("b", DocumentKind::normative, "实施意见").issuer("jy-kjj").dates("2018-05-10").implements("rule");
    b.document("a", DocumentKind::normative, "操作规范").issuer("jy-kjj").dates("2010-05-10").implements("rule").cites("law");
    b.document("c", DocumentKind::normative, "细则").issuer("jy-kjj").dates("2018-06-01").based_on("a").based_on("b");
    b.document("x", DocumentKind::rule, "修改决定").issuer("npc").dates("2017-01-01").amends("rule");
    b.document("later", DocumentKind::normative, "草案").issuer("jy-kjj").based_on("law");  // a draft
    return b;
}

TEST(Impact, EveryTransitiveDependentByDepthThenId) {
    const Corpus c = build(base());
    EXPECT_EQ(rows(c, "law", "2018-11-30"), (std::vector<Row>{{"later", 1, Status::draft},
                                                             {"rule", 1, Status::in_force},
                                                             {"a", 2, Status::expired},
                                                             {"b", 2, Status::in_force},
                                                             {"c", 3, Status::in_force}}));
}

TEST(Impact, TheSameOrderWhenFewOfManyDocumentsAreReached) {
    // Few reached among many: sorted by comparing ids rather than by walking the id order.
    CorpusBuilder b = base();
    for (int i = 0; i < 400; ++i)
        b.document("z" + std::to_string(i), DocumentKind::other, "无关文件").issuer("jy-kjj").dates("2018-01-01");
    const Corpus c = build(b);
    EXPECT_EQ(rows(c, "law", "2018-11-30"), (std::vector<Row>{{"later", 1, Status::draft},
                                                             {"rule", 1, Status::in_force},
                                                             {"a", 2, Status::expired},
                                                             {"b", 2, Status::in_force},
                                                             {"c", 3, Status::in_force}}));
}

TEST(Impact, ShortestDepthWhenReachedTwice) {
    CorpusBuilder b = base();
    b.document("d", DocumentKind::normative, "通知").issuer("jy-kjj").dates("2018-07-01").based_on("c").based_on("rule");
    const Corpus c = build(b);
    const auto r = rows(c, "rule", "2018-11-30");
    ASSERT_EQ(r.size(), 4u);
    EXPECT_EQ(r[2], (Row{"d", 1, Status::in_force}));  // "a","b","d" at depth 1: byte order
    EXPECT_EQ(r[3], (Row{"c", 2, Status::in_force}));
}

TEST(Impact, OnlyBasedOnAndImplementsCount) {
    const Corpus c = build(base());
    // x amends rule, a cites law: neither depends on them.
    for (const Row& r : rows(c, "law", "2018-11-30")) EXPECT_NE(r.id, "x");
    EXPECT_TRUE(rows(c, "x", "2018-11-30").empty());
    EXPECT_TRUE(rows(c, "c", "2018-11-30").empty());  // nothing depends on a leaf
}

TEST(Impact, StatusAsOfTheDayAsked) {
    const Corpus c = build(base());
    const auto r = rows(c, "rule", "2018-05-31");
    EXPECT_EQ(r, (std::vector<Row>{{"a", 1, Status::expired}, {"b", 1, Status::in_force}, {"c", 2, Status::draft}}));
}

TEST(Impact, ALongChainWithoutRecursion) {
    CorpusBuilder b;
    b.authority("gov", "政府", AuthorityKind::government);
    b.document("d0", DocumentKind::other, "文件").issuer("gov").dates("2018-01-01");
    const int n = 100000;
    for (int i = 1; i < n; ++i)
        b.document("d" + std::to_string(i), DocumentKind::other, "文件").issuer("gov").dates("2018-01-01")
            .based_on("d" + std::to_string(i - 1));
    const Corpus c = build(b);
    const auto r = impact(c, *c.find_document("d0"), d("2018-11-30"));
    ASSERT_EQ(r.size(), static_cast<std::size_t>(n - 1));
    EXPECT_EQ(r.back().depth, static_cast<std::uint32_t>(n - 1));
}

TEST(Impact, GenericOverAUsersBoostGraph) {
    // A user's own bidirectional adjacency_list: edge 1→0, 2→1, 3→0, 4→2 with a "kind" of 0
    // (follow) or 1 (ignore) on 4→2.
    using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property, int>;
    G g(5);
    boost::add_edge(1, 0, 0, g);
    boost::add_edge(2, 1, 0, g);
    boost::add_edge(3, 0, 0, g);
    boost::add_edge(4, 2, 1, g);
    const auto reached = dependents_by_depth(g, 0, [&g](G::edge_descriptor e) { return g[e] == 0; });
    ASSERT_EQ(reached.size(), 3u);
    EXPECT_EQ(reached[0].vertex, 1u);
    EXPECT_EQ(reached[0].depth, 1u);
    EXPECT_EQ(reached[1].vertex, 3u);
    EXPECT_EQ(reached[2].vertex, 2u);
    EXPECT_EQ(reached[2].depth, 2u);
}

}  // namespace
}  // namespace normdoc
