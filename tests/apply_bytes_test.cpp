// `apply` writes its input's bytes plus the decision document and nothing else (issue 17 item 7):
// comments, layout and attribute order stay, so that a corpus under version control shows a
// decision as its diff. The result read back is the corpus that apply_plan validated.
#include "test_support.hpp"

#include "normdoc/io.hpp"
#include "normdoc/draft.hpp"
#include "normdoc/plan.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace normdoc::test {
namespace {

const std::string k_example = std::string(NORMDOC_SOURCE_DIR) + "/examples/jiangyin.xml";

draft::Document decision_document() {
    draft::Document d;
    d.id = "decision";
    d.kind = DocumentKind::other;
    d.number = "A〔2020〕1号";
    d.title = "关于废止部分规范性文件的决定";
    d.issuers = {draft::Ref{"a", 0}};
    d.published = d.effective = Date(2020, 1, 1);
    draft::Relation r;
    r.kind = RelationKind::repeals;
    r.target = draft::Ref{"old", 0};
    r.date = Date(2020, 1, 1);
    d.relations.push_back(r);
    return d;
}

const std::string k_head =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- kept -->\n"
    "<corpus xmlns=\"urn:normdoc:corpus:1\">\n"
    "  <authorities><authority kind=\"government\" id=\"a\" name=\"A\" level=\"county\"/></authorities>\n";

// `after` is `before` with one document element inserted, on lines of its own, and nothing else.
void expect_only_inserted(const std::string& before, const std::string& after, const std::string& inserted_start) {
    std::size_t begin = after.find(inserted_start);
    ASSERT_NE(begin, std::string::npos) << after;
    while (begin > 0 && (after[begin - 1] == ' ' || after[begin - 1] == '\t')) --begin;
    std::size_t end = after.find("</document>", begin);
    ASSERT_NE(end, std::string::npos);
    end += std::string("</document>").size();
    if (after.compare(end, 2, "\r\n") == 0) end += 2;
    else if (after.compare(end, 1, "\n") == 0) end += 1;
    EXPECT_EQ(after.substr(0, begin) + after.substr(end), before) << "every other byte kept";
}

TEST(InsertDocument, GoesAfterTheLastDocumentInTheFilesIndentation) {
    const std::string xml = k_head +
                            "  <documents>\n"
                            "    <document id=\"old\" kind=\"normative\" number=\"A〔2018〕1号\"><title>T</title>"
                            "<issuer ref=\"a\"/><dates published=\"2018-01-01\"/></document>\n"
                            "  </documents>\n"
                            "</corpus>\n";
    const auto out = insert_document(xml, decision_document());
    ASSERT_TRUE(out);
    expect_only_inserted(xml, *out, "    <document id=\"decision\"");
    EXPECT_NE(out->find("\n      <title>关于废止部分规范性文件的决定</title>\n"), std::string::npos) << *out;
    EXPECT_NE(out->find("</document>\n  </documents>\n</corpus>\n"), std::string::npos) << *out;
    const LoadResult read = read_corpus(*out, "out.xml");
    ASSERT_TRUE(read.corpus);
    EXPECT_TRUE(read.corpus->find_document("decision"));
}

TEST(InsertDocument, KeepsCrLfLineEndsAndTabs) {
    const std::string xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<corpus xmlns=\"urn:normdoc:corpus:1\">\r\n"
        "\t<authorities><authority id=\"a\" name=\"A\" kind=\"government\" level=\"county\"/></authorities>\r\n"
        "\t<documents>\r\n"
        "\t\t<document id=\"old\" kind=\"normative\" number=\"A〔2018〕1号\"><title>T</title>"
        "<issuer ref=\"a\"/><dates published=\"2018-01-01\"/></document>\r\n"
        "\t</documents>\r\n</corpus>\r\n";
    const auto out = insert_document(xml, decision_document());
    ASSERT_TRUE(out);
    expect_only_inserted(xml, *out, "\t\t<document id=\"decision\"");
    EXPECT_NE(out->find("\r\n\t\t\t<title>"), std::string::npos) << *out;
    EXPECT_EQ(out->find("\n\t\t\t<title>") - 1, out->find("\r\n\t\t\t<title>"));
}

TEST(InsertDocument, AnEmptySelfClosingDocumentsElementIsOpened) {
    const std::string xml = k_head + "  <documents/>\n</corpus>\n";
    const auto out = insert_document(xml, decision_document());
    ASSERT_TRUE(out);
    EXPECT_EQ(out->substr(0, k_head.size() + 14), k_head + "  <documents>\n");
    EXPECT_NE(out->find("  </documents>\n</corpus>\n"), std::string::npos) << *out;
}

TEST(InsertDocument, AnEndTagOnTheLastDocumentsLineGetsLinesOfItsOwn) {
    const std::string xml = k_head + "  <documents><!-- none yet --></documents>\n</corpus>\n";
    const auto out = insert_document(xml, decision_document());
    ASSERT_TRUE(out);
    EXPECT_NE(out->find("<documents><!-- none yet -->\n    <document id=\"decision\""), std::string::npos) << *out;
    EXPECT_NE(out->find("</document>\n  </documents>\n</corpus>\n"), std::string::npos) << *out;
}

TEST(InsertDocument, NoneForAFileInAnotherEncodingOrWithPrefixedElements) {
    EXPECT_FALSE(insert_document("<?xml version=\"1.0\" encoding=\"GBK\"?>\n<corpus xmlns=\"urn:normdoc:corpus:1\">"
                                 "<documents/></corpus>",
                                 decision_document()));
    EXPECT_FALSE(insert_document("<n:corpus xmlns:n=\"urn:normdoc:corpus:1\"><n:documents/></n:corpus>",
                                 decision_document()));
    EXPECT_FALSE(insert_document("<corpus xmlns=\"urn:normdoc:corpus:1\"></corpus>", decision_document()));
}

#ifdef NORMDOC_CLI

TEST(ApplyCli, TheOutputIsTheInputPlusTheDecisionAndReadsBackAsTheAppliedCorpus) {
    const std::string dir = scratch_dir("apply_bytes_example");
    const std::string plan = dir + "/plan.xml";
    CliOptions to_plan;
    to_plan.stdout_path = plan;
    ASSERT_EQ(run_cli(dir, {"cleanup", k_example, "--as-of", "2018-11-30", "--scope", "jy-kjj", "--format", "xml"}, to_plan)
                  .code,
              0);
    const std::string out = dir + "/out.xml";
    const CliRun run = run_cli(dir, {"apply", k_example, plan, "--id", "jy-kjj-2018-30", "--number", "澄科发〔2018〕30号",
                                     "--title", "关于宣布失效部分规范性文件的决定", "--issuer", "jy-kjj", "--date",
                                     "2018-12-10", "--only-competent", "-o", out});
    ASSERT_EQ(run.code, 0) << run.err;
    const std::string before = read_text(k_example);
    const std::string after = read_text(out);
    expect_only_inserted(before, after, "    <document id=\"jy-kjj-2018-30\"");

    // The same corpus as the library's apply_plan gives.
    const LoadResult source = read_corpus(before, k_example);
    const PlanLoadResult read_plan = read_plan_file(plan);
    ASSERT_TRUE(source.corpus && read_plan.ok());
    Decision decision;
    decision.id = "jy-kjj-2018-30";
    decision.number = "澄科发〔2018〕30号";
    decision.title = "关于宣布失效部分规范性文件的决定";
    decision.issuers = {"jy-kjj"};
    decision.date = Date(2018, 12, 10);
    ApplyOptions options;
    options.only_competent = true;
    const ApplyResult applied = apply_plan(*source.corpus, *read_plan.plan, decision, options);
    ASSERT_TRUE(applied.ok());
    const LoadResult written = read_corpus(after, out);
    ASSERT_TRUE(written.corpus);
    EXPECT_EQ(describe_difference(*written.corpus, *applied.corpus), "");
}

TEST(ApplyCli, AGeneratedCorpusKeepsItsBytesToo) {
    const std::string dir = scratch_dir("apply_bytes_generated");
    const std::string corpus = dir + "/g.xml";
    ASSERT_EQ(run_cli(dir, {"generate", "--documents", "3000", "--seed", "11", "-o", corpus}).code, 0);
    const std::string plan = dir + "/plan.xml";
    CliOptions to_plan;
    to_plan.stdout_path = plan;
    ASSERT_EQ(run_cli(dir, {"cleanup", corpus, "--as-of", "2020-06-30", "--format", "xml"}, to_plan).code, 0);
    // The decision of the issuer of the plan's first ending item; the items it may not decide are left out.
    const LoadResult source = read_corpus(read_text(corpus), corpus);
    const PlanLoadResult read_plan = read_plan_file(plan);
    ASSERT_TRUE(source.corpus && read_plan.ok());
    std::string issuer;
    for (const PlanItem& item : read_plan.plan->items)
        if (item.action == Action::repeal || item.action == Action::declare_invalid) {
            const Document target = source.corpus->document(*source.corpus->find_document(item.ref));
            issuer = std::string(source.corpus->authority(target.issuers()[0]).id());
            break;
        }
    ASSERT_FALSE(issuer.empty()) << "the plan proposes an ending";
    const std::string out = dir + "/out.xml";
    const CliRun run = run_cli(dir, {"apply", corpus, plan, "--id", "decision-1", "--number", "测〔2020〕999号", "--title",
                                     "关于废止部分规范性文件的决定", "--issuer", issuer, "--date", "2020-07-01",
                                     "--only-competent", "-o", out});
    ASSERT_EQ(run.code, 0) << run.err;
    expect_only_inserted(read_text(corpus), read_text(out), "<document id=\"decision-1\"");
    const CliRun valid = run_cli(dir, {"validate", out});
    EXPECT_EQ(valid.code, 0) << valid.err;
}

#endif

}  // namespace
}  // namespace normdoc::test
