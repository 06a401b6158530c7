// SPEC §10 `graph`: the relation graph in Graphviz DOT.
#include "normdoc/builder.hpp"
#include "normdoc/dot.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

namespace normdoc {
namespace {

using test::d;

Corpus build(const CorpusBuilder& b) {
    LoadResult r = b.build();
    for (const auto& p : r.problems)
        if (p.is_error()) ADD_FAILURE() << p;
    return r.corpus ? *r.corpus : Corpus();
}

// A chain law ← rule ← policy ← measure ← detail, plus a repealer of the rule and an unrelated
// document.
Corpus corpus() {
    CorpusBuilder b;
    b.authority("npc", "全国人民代表大会常务委员会", AuthorityKind::congress);
    b.authority("jy-gov", "江阴市人民政府", AuthorityKind::government);
    b.document("law", DocumentKind::law, "中华人民共和国促进科技成果转化法").issuer("npc").dates("2015-08-29");
    b.document("rule", DocumentKind::rule, "江苏省促进科技成果转化条例").issuer("npc").dates("2010-01-01").based_on("law");
    b.document("policy", DocumentKind::normative, "关于加快推进全市技术转移体系建设的实施意见").issuer("jy-gov")
        .number("澄政发〔2018〕12号").dates("2018-05-10", "2018-06-01").implements("rule");
    b.document("measure", DocumentKind::normative, "江阴市技术转移机构管理办法（试行）").issuer("jy-gov")
        .dates("2018-07-01").based_on("policy");
    b.document("detail", DocumentKind::normative, "操作\"细则\"").issuer("jy-gov").dates("2018-08-01").based_on("measure");
    b.document("repealer", DocumentKind::rule, "废止决定").issuer("npc").dates("2018-09-01").repeals("rule");
    b.document("elsewhere", DocumentKind::other, "无关文件").issuer("jy-gov").dates("2018-01-01");
    return build(b);
}

TEST(Dot, EveryDocumentIsANodeLabelledWithNumberAndShortTitleColouredByStatus) {
    const Corpus c = corpus();
    const std::string dot = write_dot(c, {d("2018-11-30"), std::nullopt, 2});
    EXPECT_EQ(dot.rfind("digraph normdoc {\n", 0), 0u);
    EXPECT_NE(dot.find("\"policy\" [label=\"澄政发〔2018〕12号\\n关于加快推进全市技术转移体系建设…\\n(in-force)\""),
              std::string::npos)
        << dot;
    EXPECT_NE(dot.find("\"rule\" [label=\"江苏省促进科技成果转化条例\\n(repealed)\", tooltip=\"江苏省促进科技成果转化条例\", "
                       "fillcolor=\"#ffc7ce\"]"),
              std::string::npos)
        << dot;
    EXPECT_NE(dot.find("\"detail\" [label=\"操作\\\"细则\\\"\\n(in-force)\""), std::string::npos) << dot;
    EXPECT_NE(dot.find("\"elsewhere\""), std::string::npos);
}

TEST(Dot, EdgesAreStyledByRelationKind) {
    const std::string dot = write_dot(corpus(), {d("2018-11-30"), std::nullopt, 2});
    EXPECT_NE(dot.find("\"policy\" -> \"rule\" [label=\"implements\", style=solid, color=\"#1f4e79\"]"), std::string::npos) << dot;
    EXPECT_NE(dot.find("\"repealer\" -> \"rule\" [label=\"repeals\", style=bold, color=\"#c00000\"]"), std::string::npos) << dot;
    EXPECT_NE(dot.find("\"rule\" -> \"law\" [label=\"based-on\", style=solid"), std::string::npos) << dot;
}

TEST(Dot, StatusIsAsOfTheDayGiven) {
    const std::string dot = write_dot(corpus(), {d("2018-06-30"), std::nullopt, 2});
    EXPECT_NE(dot.find("\"rule\" [label=\"江苏省促进科技成果转化条例\\n(in-force)\""), std::string::npos) << dot;
    EXPECT_NE(dot.find("\"measure\" [label=\"江阴市技术转移机构管理办法（试行…\\n(draft)\""), std::string::npos) << dot;
}

TEST(Dot, RootLimitsToBasesAndDependentsWithinTheDepth) {
    const Corpus c = corpus();
    const std::string dot = write_dot(c, {d("2018-11-30"), c.find_document("policy"), 1});
    EXPECT_NE(dot.find("\"policy\" [label"), std::string::npos);
    EXPECT_NE(dot.find("penwidth=3"), std::string::npos);
    EXPECT_NE(dot.find("\"rule\" [label"), std::string::npos);
    EXPECT_NE(dot.find("\"measure\" [label"), std::string::npos);
    EXPECT_EQ(dot.find("\"law\" [label"), std::string::npos);
    EXPECT_EQ(dot.find("\"detail\" [label"), std::string::npos);
    EXPECT_EQ(dot.find("\"elsewhere\""), std::string::npos);
    EXPECT_EQ(dot.find("\"repealer\""), std::string::npos);  // not a basis or dependent
    EXPECT_EQ(dot.find("-> \"law\""), std::string::npos);     // edges only between shown nodes

    const std::string two = write_dot(c, {d("2018-11-30"), c.find_document("policy"), 2});
    EXPECT_NE(two.find("\"law\" [label"), std::string::npos);
    EXPECT_NE(two.find("\"detail\" [label"), std::string::npos);
    EXPECT_NE(two.find("\"rule\" -> \"law\""), std::string::npos);
}

// Issue 17 item 8: documents boxed by their first issuer, the box labelled with its name.
TEST(Dot, DocumentsAreGroupedByIssuerInClustersLabelledWithItsName) {
    const Corpus c = corpus();
    const std::string dot = write_dot(c, {d("2018-11-30"), std::nullopt, 2});
    const std::size_t npc = dot.find("graph [label=\"全国人民代表大会常务委员会\"");
    const std::size_t gov = dot.find("graph [label=\"江阴市人民政府\"");
    ASSERT_NE(npc, std::string::npos) << dot;
    ASSERT_NE(gov, std::string::npos) << dot;
    // Each document inside its issuer's cluster: between that cluster's label and the next cluster.
    auto cluster_of = [&](const std::string& id) {
        const std::size_t at = dot.find("    \"" + id + "\" [label");
        EXPECT_NE(at, std::string::npos) << id;
        return dot.rfind("subgraph \"cluster_", at);
    };
    EXPECT_EQ(cluster_of("law"), cluster_of("rule"));
    EXPECT_EQ(cluster_of("law"), cluster_of("repealer"));
    EXPECT_EQ(cluster_of("policy"), cluster_of("measure"));
    EXPECT_EQ(cluster_of("policy"), cluster_of("elsewhere"));
    EXPECT_NE(cluster_of("law"), cluster_of("policy"));
}

// Issue 17 item 8: a bureau's many documents in rows of at most 8, not one strip. Rendered by
// Graphviz, the 40 unrelated documents of one issuer take 5 rows of 8.
TEST(Dot, ABureausDocumentsAreLaidOutInRowsOfAtMostEight) {
    CorpusBuilder b;
    b.authority("kjj", "江阴市科学技术局", AuthorityKind::department);
    for (int i = 1; i <= 40; ++i)
        b.document("d" + std::to_string(i), DocumentKind::normative, "文件" + std::to_string(i)).issuer("kjj")
            .number("澄科发〔2018〕" + std::to_string(i) + "号").dates("2018-01-01");
    const Corpus c = build(b);
    const std::string dot = write_dot(c, {d("2018-11-30"), std::nullopt, 2});
    // In the order of 文号: 〔2018〕1号 … 〔2018〕8号 in the first row, 9号 below 1号.
    EXPECT_NE(dot.find("\"d9\" -> \"d1\" [style=invis]"), std::string::npos) << dot;
    EXPECT_EQ(dot.find("\"d8\" -> \"d1\" [style=invis]"), std::string::npos) << dot;

    if (std::system("dot -V > /dev/null 2>&1") != 0) GTEST_SKIP() << "Graphviz dot is not installed";
    const std::string dir = test::scratch_dir("dot-rows");
    {
        std::ofstream f(dir + "/graph.dot", std::ios::binary);
        f << dot;
    }
    ASSERT_EQ(std::system(("dot -Tplain -o " + dir + "/graph.txt " + dir + "/graph.dot").c_str()), 0);
    // -Tplain: "node NAME X Y …" per node; count the nodes at each height.
    std::istringstream plain(test::read_text(dir + "/graph.txt"));
    std::map<std::string, int> per_row;
    std::string word;
    int nodes = 0;
    for (std::string line; std::getline(plain, line);) {
        std::istringstream l(line);
        std::string kind, name, x, y;
        l >> kind >> name >> x >> y;
        if (kind != "node") continue;
        ++nodes;
        ++per_row[y];
    }
    EXPECT_EQ(nodes, 40);
    EXPECT_EQ(per_row.size(), 5u);
    for (const auto& [y, n] : per_row) EXPECT_LE(n, 8) << "row at " << y;
}

// Issue 17 item 8: --root shows what amends or ends the root, as well as what rests on it.
TEST(Dot, RootShowsWhatAmendsOrEndsIt) {
    const Corpus c = corpus();
    const std::string dot = write_dot(c, {d("2018-11-30"), c.find_document("rule"), 1});
    EXPECT_NE(dot.find("\"repealer\" [label"), std::string::npos) << dot;
    EXPECT_NE(dot.find("\"repealer\" -> \"rule\" [label=\"repeals\""), std::string::npos) << dot;
    EXPECT_NE(dot.find("\"policy\" [label"), std::string::npos);  // rests on it
    EXPECT_NE(dot.find("\"law\" [label"), std::string::npos);     // its basis
    EXPECT_EQ(dot.find("\"elsewhere\""), std::string::npos);
    // And from the repealer's side: what it ends.
    const std::string from = write_dot(c, {d("2018-11-30"), c.find_document("repealer"), 1});
    EXPECT_NE(from.find("\"rule\" [label"), std::string::npos) << from;
}

TEST(Dot, GraphvizRendersIt) {
    if (std::system("dot -V > /dev/null 2>&1") != 0) GTEST_SKIP() << "Graphviz dot is not installed";
    const std::string dir = test::scratch_dir("dot");
    const std::string in = dir + "/graph.dot", out = dir + "/graph.svg";
    {
        std::ofstream f(in, std::ios::binary);
        f << write_dot(corpus(), {d("2018-11-30"), std::nullopt, 2});
    }
    ASSERT_EQ(std::system(("dot -Tsvg -o " + out + ' ' + in + " 2> " + dir + "/stderr.txt").c_str()), 0)
        << test::read_text(dir + "/stderr.txt");
    const std::string svg = test::read_text(out);
    EXPECT_NE(svg.find("<svg"), std::string::npos);
    EXPECT_NE(svg.find("澄政发〔2018〕12号"), std::string::npos);
    EXPECT_EQ(svg.find("Error"), std::string::npos);
}

}  // namespace
}  // namespace normdoc
