// Issue 17 item 8: `normdoc graph --format svg`, rendered by Graphviz's dot program: every
// document is a node of the picture, every issuer a box.
#include "normdoc/io.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <set>
#include <string>

namespace normdoc {
namespace {

#ifdef NORMDOC_CLI

const std::string k_example = std::string(NORMDOC_SOURCE_DIR) + "/examples/jiangyin.xml";

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

bool have_dot() { return std::system("command -v dot > /dev/null 2>&1") == 0; }

TEST(GraphSvg, TheSvgHoldsEveryDocumentAsANodeAndEveryIssuerAsABox) {
    if (!have_dot()) GTEST_SKIP() << "Graphviz dot is not installed (scripts/bootstrap installs Debian's graphviz)";
    const std::string dir = test::scratch_dir("graph-svg-every-node");
    const test::CliRun r = test::run_cli(dir, {"graph", k_example, "--as-of", "2018-11-30", "--format", "svg", "-o", dir + "/g.svg"});
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string svg = test::read_text(dir + "/g.svg");
    ASSERT_NE(svg.find("<svg"), std::string::npos);

    LoadResult loaded = read_corpus_file(k_example);
    ASSERT_TRUE(loaded.corpus);
    const Corpus& c = *loaded.corpus;
    std::set<std::uint32_t> issuers;
    for (DocumentId d : c.documents_by_id()) issuers.insert(c.document(d).issuers()[0].index());
    EXPECT_EQ(occurrences(svg, "<g id=\"node"), c.document_count());
    EXPECT_EQ(occurrences(svg, "<g id=\"clust"), issuers.size());
    EXPECT_NE(svg.find("江阴市科学技术局"), std::string::npos);  // a cluster's label
    EXPECT_NE(svg.find("澄科发〔2013〕6号"), std::string::npos);
}

TEST(GraphSvg, RootAndDefaultDot) {
    const std::string dir = test::scratch_dir("graph-svg-root");
    const test::CliRun dot = test::run_cli(dir, {"graph", k_example, "--as-of", "2018-11-30", "--root", "jy-gov-2014-38"});
    ASSERT_EQ(dot.code, 0) << dot.err;
    EXPECT_EQ(dot.out.rfind("digraph normdoc {", 0), 0u);  // DOT stays the default
    if (!have_dot()) GTEST_SKIP() << "Graphviz dot is not installed";
    const test::CliRun svg = test::run_cli(dir, {"graph", k_example, "--as-of", "2018-11-30", "--root", "jy-gov-2014-38", "--format", "svg"});
    ASSERT_EQ(svg.code, 0) << svg.err;
    // Every node the DOT names is drawn.
    EXPECT_EQ(occurrences(svg.out, "<g id=\"node"), occurrences(dot.out, "\n    \"") - occurrences(dot.out, "[style=invis]"));
    EXPECT_GE(occurrences(svg.out, "<g id=\"node"), 3u);
}

TEST(GraphSvg, WithoutDotItSaysWhatToInstall) {
    const std::string dir = test::scratch_dir("graph-svg-no-dot");
    const char* path = std::getenv("PATH");
    const std::string saved = path ? path : "";
    setenv("PATH", (dir + "/nothing-here").c_str(), 1);
    const test::CliRun r = test::run_cli(dir, {"graph", k_example, "--as-of", "2018-11-30", "--format", "svg", "-o", dir + "/g.svg"});
    setenv("PATH", saved.c_str(), 1);
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_NE(r.err.find("Graphviz"), std::string::npos) << r.err;
    EXPECT_EQ(test::read_text(dir + "/g.svg"), "");
}

#endif  // NORMDOC_CLI

}  // namespace
}  // namespace normdoc
