// SPEC §7, the corpus XML format: reading, the defaults, and "writing a corpus and reading it
// back gives an equal corpus".
#include "normdoc/builder.hpp"
#include "normdoc/draft.hpp"
#include "normdoc/io.hpp"
#include "test_support.hpp"
// The one writer's element-level interface is internal (write_corpus and the generator use it).
#include "../src/xml/corpus_writer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace normdoc {
namespace {

using test::d;

const std::string k_spec_example = std::string(NORMDOC_TEST_DATA) + "/io/spec-example.xml";

std::string problems_text(const LoadResult& r) {
    std::string out;
    for (const auto& p : r.problems) out += to_string(p) + "\n";
    return out;
}

Corpus must_read(std::string_view xml) {
    LoadResult r = read_corpus(xml, "test.xml");
    EXPECT_TRUE(r.ok()) << problems_text(r);
    return r.ok() ? *r.corpus : Corpus();
}

const Document doc(const Corpus& c, std::string_view id) {
    const auto found = c.find_document(id);
    EXPECT_TRUE(found) << id;
    return c.document(*found);
}

// Writes, reads back, and checks SPEC §7's equality; returns the read-back corpus.
Corpus round_trip(const Corpus& c) {
    const std::string xml = write_corpus(c);
    LoadResult back = read_corpus(xml, "written.xml");
    EXPECT_TRUE(back.ok()) << problems_text(back) << xml;
    if (!back.ok()) return Corpus();
    EXPECT_EQ(describe_difference(c, *back.corpus), "") << xml;
    return *back.corpus;
}

std::string corpus_xml(const std::string& body) {
    return "<corpus xmlns=\"urn:normdoc:corpus:1\">\n"
           "  <authorities>\n"
           "    <authority id=\"gov\" name=\"江阴市人民政府\" kind=\"government\"/>\n"
           "  </authorities>\n"
           "  <documents>\n" + body + "  </documents>\n</corpus>\n";
}

// A corpus with every field set somewhere, and text that needs escaping.
CorpusBuilder everything() {
    CorpusBuilder b;
    Profile p;
    p.validity_years = 3;
    p.trial_years = 1;
    p.consultation_min_days = 20;
    p.filing_within_days = 15;
    p.expiry_review_months = 3;
    b.profile(p);
    b.authority("npc", "全国人民代表大会", AuthorityKind::congress).level(Level::national);
    b.authority("gov", "市政府 & \"办公室\" <1>", AuthorityKind::government).level(Level::county);
    b.authority("sfj", "司法局", AuthorityKind::department).parent("gov");
    b.authority("old", "旧办公室", AuthorityKind::other).abolished("2019-03-01", "gov");
    b.document("law", DocumentKind::law, "中华人民共和国某法").issuer("npc").dates("2015-08-29", "2015-10-01");
    b.document("old-1", DocumentKind::normative, "旧的意见").issuer("gov").issuer("old").dates("2012-01-01");
    b.document("trial-1", DocumentKind::normative, "管理办法（试行）").issuer("gov").dates("2016-02-01").expires("2017-12-31");
    b.document("d1", DocumentKind::normative, "关于 <技术> & \"转移\"\t的\n实施意见\r")
        .number("澄政发〔2018〕12号")
        .trial(false)
        .issuer("gov")
        .issuer("sfj")
        .drafter("sfj")
        .subject("technology-transfer")
        .subject("科技 & 创新")
        .dates("2018-05-10", "2018-06-01")
        .expires("2022-12-31")
        .assessment("2018-02-01")
        .consultation("2018-03-01", "2018-03-30")
        .expert_review("2018-03-20")
        .risk_assessment("2018-03-25")
        .legality_review("2018-04-01", LegalityOutcome::unlawful, "sfj")
        .legality_review("2018-04-10", LegalityOutcome::lawful_with_changes)
        .collective_decision("2018-04-15", DecisionOutcome::deferred)
        .collective_decision("2018-04-20", DecisionOutcome::adopted, "市政府常务会议 \"第5次\"")
        .filing("2018-05-20", "gov")
        .based_on("law")
        .implements("law")
        .cites("law")
        .amends("old-1", "2018-06-01")
        .repeals("old-1")
        .extends("trial-1", "2019-12-31", "2017-06-01")
        .event(EventType::amendment, "2019-01-01", "external: 锡政发〔2018〕99号 <&>")
        .event(EventType::repeal, "2021-01-01");
    b.document("d2", DocumentKind::party_normative, "党内规范性文件").issuer("gov").dates("2019-01-01")
        .supersedes("old-1", "2019-01-01")
        .declares_invalid("trial-1");
    b.document("pending-draft", DocumentKind::other, "尚未发布的草案").issuer("gov");
    return b;
}

TEST(CorpusXml, TheSpecExampleReadsWithoutProblems) {
    LoadResult r = read_corpus_file(k_spec_example);
    ASSERT_TRUE(r.ok()) << problems_text(r);
    EXPECT_TRUE(r.problems.empty()) << problems_text(r);
    const Corpus& c = *r.corpus;
    EXPECT_EQ(c.authority_count(), 6u);
    EXPECT_EQ(c.document_count(), 4u);
    EXPECT_EQ(c.relation_count(), 3u);
    const Document x = doc(c, "jy-gov-2018-12");
    EXPECT_EQ(x.kind(), DocumentKind::normative);
    EXPECT_EQ(x.number(), "澄政发〔2018〕12号");
    EXPECT_EQ(x.title(), "关于加快推进全市技术转移体系建设的实施意见");
    EXPECT_FALSE(x.trial());
    EXPECT_EQ(c.authority(x.drafter()).id(), "jy-kjj");
    ASSERT_EQ(x.subjects().size(), 1u);
    EXPECT_EQ(x.subjects()[0], "technology-transfer");
    EXPECT_EQ(x.published(), d("2018-05-10"));
    EXPECT_EQ(x.effective(), d("2018-06-01"));
    ASSERT_TRUE(x.procedure().consultation());
    EXPECT_EQ(x.procedure().consultation()->to, d("2018-03-30"));
    ASSERT_EQ(x.procedure().legality_reviews().size(), 1u);
    EXPECT_EQ(c.authority(x.procedure().legality_reviews()[0].by).id(), "jy-sfj");
    ASSERT_EQ(x.procedure().collective_decisions().size(), 1u);
    EXPECT_EQ(x.procedure().collective_decisions()[0].body, "市政府常务会议");
    ASSERT_TRUE(x.procedure().filing());
    EXPECT_EQ(c.authority(x.procedure().filing()->with).id(), "wx-gov");
    ASSERT_EQ(x.events().size(), 1u);
    EXPECT_EQ(x.events()[0].source, "external: 锡政发〔2018〕99号");
    int extends = 0;
    for (const Relation& rel : c.relations_from(*c.find_document("jy-gov-2018-12"))) {
        if (rel.kind != RelationKind::extends) continue;
        ++extends;
        EXPECT_EQ(c.document(rel.target).id(), "jy-kjj-2016-3");
        EXPECT_EQ(rel.until, d("2020-12-31"));
        EXPECT_FALSE(rel.date);  // SPEC §2: defaults to the source's effective date, not stored
    }
    EXPECT_EQ(extends, 1);
    const Authority old = c.authority(*c.find_authority("old-office"));
    EXPECT_EQ(old.abolished(), d("2019-03-01"));
    EXPECT_EQ(c.authority(old.successor()).id(), "jy-kjj");
}

TEST(CorpusXml, WritingTheSpecExampleAndReadingItBackGivesAnEqualCorpus) {
    LoadResult r = read_corpus_file(k_spec_example);
    ASSERT_TRUE(r.ok()) << problems_text(r);
    round_trip(*r.corpus);
}

TEST(CorpusXml, WritingEveryFieldAndReadingItBackGivesAnEqualCorpus) {
    LoadResult built = everything().build();
    ASSERT_TRUE(built.ok()) << problems_text(built);
    const Corpus back = round_trip(*built.corpus);
    // Escaped text comes back byte for byte (CR, tab and LF in a title included).
    EXPECT_EQ(doc(back, "d1").title(), "关于 <技术> & \"转移\"\t的\n实施意见\r");
    EXPECT_EQ(back.authority(*back.find_authority("gov")).name(), "市政府 & \"办公室\" <1>");
    EXPECT_EQ(back.profile().trial_years, 1);
}

TEST(CorpusXml, WritingAnEmptyCorpusAndReadingItBackGivesAnEqualCorpus) {
    LoadResult built = CorpusBuilder().build();
    ASSERT_TRUE(built.ok()) << problems_text(built);
    round_trip(*built.corpus);
}

TEST(CorpusXml, WritingIsDeterministicAndAFixedPoint) {
    LoadResult built = everything().build();
    ASSERT_TRUE(built.ok());
    const std::string once = write_corpus(*built.corpus);
    EXPECT_EQ(write_corpus(*built.corpus), once);
    EXPECT_EQ(write_corpus(must_read(once)), once);
}

TEST(CorpusXml, TheWriterIndentsByTwoSpacesAndAlwaysWritesTheProfile) {
    CorpusBuilder b;
    b.authority("gov", "政府", AuthorityKind::government);
    b.document("d1", DocumentKind::normative, "意见").issuer("gov").dates("2018-05-10");
    LoadResult built = b.build();
    ASSERT_TRUE(built.ok());
    const std::string xml = write_corpus(*built.corpus);
    EXPECT_NE(xml.find("<corpus xmlns=\"urn:normdoc:corpus:1\">\n"
                       "  <profile>\n"
                       "    <validity years=\"5\" trial-years=\"2\"/>\n"
                       "    <consultation min-days=\"30\"/>\n"
                       "    <filing within-days=\"30\"/>\n"
                       "    <expiry-review months=\"6\"/>\n"
                       "  </profile>\n"),
              std::string::npos)
        << xml;
    EXPECT_NE(xml.find("\n    <document id=\"d1\" kind=\"normative\""), std::string::npos) << xml;
    EXPECT_NE(xml.find("\n      <title>意见</title>\n"), std::string::npos) << xml;
}

TEST(CorpusXml, TheWriterWritesADraftAsItIs) {
    // A draft that does not validate is still written (apply and generate write drafts).
    draft::Corpus c;
    draft::Document x;
    x.id = "x";
    x.kind = DocumentKind::rule;
    c.documents.push_back(x);
    const std::string xml = write_corpus(c);
    EXPECT_NE(xml.find("<document id=\"x\" kind=\"rule\">\n    </document>"), std::string::npos) << xml;
}

TEST(CorpusXml, TrialIsTrueExactlyWhenTheTitleSaysShixingOrZanxing) {
    const Corpus c = must_read(corpus_xml(
        "<document id=\"a\" kind=\"normative\"><title>科技创新券管理办法（试行）</title><issuer ref=\"gov\"/></document>\n"
        "<document id=\"b\" kind=\"normative\"><title>科技项目暂行规定</title><issuer ref=\"gov\"/></document>\n"
        "<document id=\"c\" kind=\"normative\"><title>科技项目管理规定</title><issuer ref=\"gov\"/></document>\n"
        "<document id=\"d\" kind=\"normative\" trial=\"false\"><title>办法（试行）</title><issuer ref=\"gov\"/></document>\n"
        "<document id=\"e\" kind=\"normative\" trial=\"true\"><title>管理规定</title><issuer ref=\"gov\"/></document>\n"));
    EXPECT_TRUE(doc(c, "a").trial());
    EXPECT_TRUE(doc(c, "b").trial());
    EXPECT_FALSE(doc(c, "c").trial());
    EXPECT_FALSE(doc(c, "d").trial());
    EXPECT_TRUE(doc(c, "e").trial());
}

TEST(CorpusXml, EffectiveDefaultsToPublished) {
    const Corpus c = must_read(corpus_xml(
        "<document id=\"a\" kind=\"normative\"><title>意见</title><issuer ref=\"gov\"/>"
        "<dates published=\"2018-05-10\"/></document>\n"));
    EXPECT_EQ(doc(c, "a").effective(), d("2018-05-10"));
}

TEST(CorpusXml, TheProfileAndEachOfItsAttributesAreOptional) {
    Corpus c = must_read("<corpus xmlns=\"urn:normdoc:corpus:1\"/>");
    EXPECT_EQ(c.profile(), Profile());
    c = must_read("<corpus xmlns=\"urn:normdoc:corpus:1\"><profile><validity trial-years=\"3\"/>"
                  "<expiry-review months=\"12\"/></profile></corpus>");
    Profile expected;
    expected.trial_years = 3;
    expected.expiry_review_months = 12;
    EXPECT_EQ(c.profile(), expected);
}

TEST(CorpusXml, AUtf8ByteOrderMarkIsAccepted) {
    const Corpus c = must_read("\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + corpus_xml(""));
    EXPECT_EQ(c.authority_count(), 1u);
}

TEST(CorpusXml, ElementsAndAttributesOfOtherNamespacesAreIgnored) {
    const Corpus c = must_read(
        "<c:corpus xmlns:c=\"urn:normdoc:corpus:1\" xmlns:x=\"urn:example:extra\" x:note=\"ignored\">\n"
        "  <x:anything><c:documents><c:bogus/></c:documents></x:anything>\n"
        "  <c:authorities>\n"
        "    <c:authority id=\"gov\" name=\"政府\" kind=\"government\" x:code=\"320281\" xml:lang=\"zh\"/>\n"
        "  </c:authorities>\n"
        "  <documents xmlns=\"urn:normdoc:corpus:1\">\n"
        "    <document id=\"a\" kind=\"normative\">\n"
        "      <title>意见</title><issuer ref=\"gov\"/>\n"
        "      <extra xmlns=\"urn:example:extra\"><title>not ours</title></extra>\n"
        "    </document>\n"
        "  </documents>\n"
        "</c:corpus>\n");
    EXPECT_EQ(c.authority_count(), 1u);
    EXPECT_EQ(c.document_count(), 1u);
    EXPECT_EQ(doc(c, "a").title(), "意见");
}

TEST(CorpusXml, ADoctypeIsSkippedAndItsEntitiesAreNeverExpanded) {
    LoadResult r = read_corpus(
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE corpus [\n"
        "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
        "  <!ENTITY big \"<oops>\">\n"
        "]>\n" +
            corpus_xml("<document id=\"a\" kind=\"normative\"><title>&xxe;</title><issuer ref=\"gov\"/></document>\n"),
        "doctype.xml");
    ASSERT_TRUE(r.ok()) << problems_text(r);
    EXPECT_EQ(doc(*r.corpus, "a").title(), "&xxe;");
}

TEST(CorpusXml, SlicesOfAnySizeReadTheSameCorpus) {
    LoadResult built = everything().build();
    ASSERT_TRUE(built.ok());
    const std::string xml = write_corpus(*built.corpus);
    for (std::size_t slice : {std::size_t(1), std::size_t(100), std::size_t(1000), std::size_t(1) << 20}) {
        LoadResult r = detail::read_corpus_in_slices(xml, "sliced.xml", slice);
        ASSERT_TRUE(r.ok()) << slice << "\n" << problems_text(r);
        EXPECT_EQ(describe_difference(*built.corpus, *r.corpus), "") << slice;
    }
}

TEST(CorpusXml, ALargeCorpusRoundTripsThroughManySlices) {
    CorpusBuilder b;
    b.authority("gov", "政府", AuthorityKind::government);
    for (int i = 0; i < 3000; ++i) {
        auto doc_ref = b.document("d" + std::to_string(i), DocumentKind::normative, "文件 " + std::to_string(i));
        doc_ref.issuer("gov").dates("2018-05-10");
        if (i > 0) doc_ref.based_on("d" + std::to_string(i - 1));
    }
    LoadResult built = b.build();
    ASSERT_TRUE(built.ok());
    const std::string xml = write_corpus(*built.corpus);
    LoadResult r = detail::read_corpus_in_slices(xml, "large.xml", 4096);
    ASSERT_TRUE(r.ok()) << problems_text(r);
    EXPECT_EQ(describe_difference(*built.corpus, *r.corpus), "");
}

TEST(CorpusXml, ReadingAFileThatCannotBeReadThrowsIoErrorNamingIt) {
    const std::string dir = test::scratch_dir("io-unreadable");
    const std::string missing = dir + "/no-such-file.xml";
    try {
        read_corpus_file(missing);
        FAIL() << "no IoError";
    } catch (const IoError& e) {
        EXPECT_EQ(e.path(), missing);
        EXPECT_NE(std::string(e.what()).find("No such file"), std::string::npos) << e.what();
    }
    try {
        read_corpus_file(dir);
        FAIL() << "no IoError";
    } catch (const IoError& e) {
        EXPECT_EQ(e.path(), dir);
        EXPECT_NE(std::string(e.what()).find("directory"), std::string::npos) << e.what();
    }
}

TEST(CorpusXml, SaveCorpusWritesAFileThatReadsBackEqual) {
    LoadResult built = everything().build();
    ASSERT_TRUE(built.ok());
    const std::string dir = test::scratch_dir("io-save");
    const std::string path = dir + "/corpus.xml";
    save_corpus(*built.corpus, path);
    save_corpus(*built.corpus, path);  // over an existing file
    LoadResult r = read_corpus_file(path);
    ASSERT_TRUE(r.ok()) << problems_text(r);
    EXPECT_EQ(describe_difference(*built.corpus, *r.corpus), "");
    EXPECT_EQ(test::read_text(path), write_corpus(*built.corpus));
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) ++files;
    EXPECT_EQ(files, 1u);
}

// ---- the one writer, element by element (src/xml/corpus_writer.hpp) ----

using detail::xml::CorpusWriter;
using detail::xml::FragmentLayout;

class CountingSink final : public OutputSink {
public:
    void write(const char* data, std::size_t size) override {
        ++writes;
        largest = std::max(largest, size);
        text.append(data, size);
    }
    using OutputSink::write;
    std::size_t writes = 0, largest = 0;
    std::string text;
};

draft::Corpus everything_draft() {
    LoadResult built = everything().build();
    EXPECT_TRUE(built.ok()) << problems_text(built);
    return built.ok() ? to_draft(*built.corpus) : draft::Corpus();
}

TEST(CorpusWriter, ElementByElementWritesWhatWriteCorpusWrites) {
    const draft::Corpus c = everything_draft();
    CountingSink sink;
    CorpusWriter w(sink);
    w.begin(c.profile);
    for (const auto& a : c.authorities) w.authority(a);
    for (const auto& x : c.documents) w.document(x);
    w.end();
    EXPECT_EQ(sink.text, write_corpus(c));
    EXPECT_EQ(w.bytes(), sink.text.size());
}

TEST(CorpusWriter, AnEmptySectionIsWrittenEmpty) {
    CountingSink sink;
    CorpusWriter w(sink);
    w.begin(Profile());
    w.end();
    EXPECT_NE(sink.text.find("  </profile>\n  <authorities/>\n  <documents/>\n</corpus>\n"), std::string::npos)
        << sink.text;
    CountingSink only_documents;
    CorpusWriter v(only_documents);
    v.begin(Profile());
    draft::Document x;
    x.id = "x";
    v.document(x);
    v.end();
    EXPECT_NE(only_documents.text.find("  <authorities/>\n  <documents>\n    <document id=\"x\""), std::string::npos)
        << only_documents.text;
}

TEST(CorpusWriter, ACommentGoesOnTheLineAfterTheDeclaration) {
    CountingSink sink;
    CorpusWriter w(sink);
    w.begin(Profile(), "made by a test");
    w.end();
    const std::string head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- made by a test -->\n"
                             "<corpus xmlns=\"urn:normdoc:corpus:1\">\n";
    EXPECT_EQ(sink.text.substr(0, head.size()), head);
    ASSERT_TRUE(read_corpus(sink.text, "commented.xml").ok());
}

// XML 1.0 §2.5: "--" does not occur in a comment, which does not end in "-".
TEST(CorpusWriter, ACommentWithADoubleHyphenIsRefused) {
    CountingSink sink;
    CorpusWriter w(sink);
    EXPECT_THROW(w.begin(Profile(), "a --> b"), std::invalid_argument);
    EXPECT_THROW(w.begin(Profile(), "generate --documents 5"), std::invalid_argument);
    EXPECT_THROW(w.begin(Profile(), "ends in -"), std::invalid_argument);
    EXPECT_EQ(sink.writes, 0u);
}

TEST(CorpusWriter, AuthoritiesComeBeforeDocuments) {
    CountingSink sink;
    CorpusWriter w(sink);
    EXPECT_THROW(w.document(draft::Document()), std::logic_error);  // before begin()
    w.begin(Profile());
    w.document(draft::Document());
    EXPECT_THROW(w.authority(draft::Authority()), std::logic_error);
    w.end();
    EXPECT_THROW(w.end(), std::logic_error);
}

// Memory flat in N: the sink gets blocks of about a mebibyte, never the whole.
TEST(CorpusWriter, WritesToTheSinkInBlocksOfAboutOneMebibyte) {
    draft::Corpus c = everything_draft();
    draft::Document d = c.documents.front();
    CountingSink sink;
    CorpusWriter w(sink);
    w.begin(c.profile);
    for (int i = 0; i < 12000; ++i) {
        d.id = "d" + std::to_string(i);
        w.document(d);
    }
    w.end();
    EXPECT_GE(sink.writes, 3u);
    EXPECT_LE(sink.largest, (std::size_t(1) << 20) + 4096);
    EXPECT_GT(sink.largest, (std::size_t(1) << 20) - 4096);
}

TEST(CorpusWriter, ADocumentFragmentInTheCorpusLayoutIsTheCorpussBytes) {
    const draft::Corpus c = everything_draft();
    const std::string whole = write_corpus(c);
    for (const draft::Document& x : c.documents) {
        std::string fragment;
        CorpusWriter::append_document(fragment, x);
        EXPECT_NE(whole.find("\n" + fragment), std::string::npos) << fragment;
        EXPECT_EQ(fragment.rfind("    <document id=\"" + x.id + "\"", 0), 0u) << fragment;
    }
}

TEST(CorpusWriter, ADocumentFragmentTakesTheIndentationAndLineEndsItIsGiven) {
    draft::Document x;
    x.id = "decision";
    x.kind = DocumentKind::other;
    x.title = "关于废止《…》的决定";
    x.issuers.push_back({"gov", 0});
    x.published = d("2018-12-01");
    x.relations.push_back({RelationKind::repeals, {"old-1", 0}, std::nullopt, std::nullopt, 0});
    std::string out = "<before/>";
    FragmentLayout tabs;
    tabs.indent = "\t\t";
    tabs.step = "\t";
    tabs.newline = "\r\n";
    CorpusWriter::append_document(out, x, tabs);
    EXPECT_EQ(out,
              "<before/>"
              "\t\t<document id=\"decision\" kind=\"other\">\r\n"
              "\t\t\t<title>关于废止《…》的决定</title>\r\n"
              "\t\t\t<issuer ref=\"gov\"/>\r\n"
              "\t\t\t<dates published=\"2018-12-01\"/>\r\n"
              "\t\t\t<relations>\r\n"
              "\t\t\t\t<repeals ref=\"old-1\"/>\r\n"
              "\t\t\t</relations>\r\n"
              "\t\t</document>\r\n");
}

TEST(CorpusWriter, LongAndShortValuesAreEscapedWhereverTheSpecialCharacterStands) {
    // The writer looks for characters to escape sixteen bytes at a time: each position of a long
    // value, and the overlapping last block, must still be seen.
    for (std::size_t length : {1u, 15u, 16u, 17u, 31u, 32u, 33u, 47u}) {
        for (std::size_t at = 0; at < length; ++at) {
            draft::Authority a;
            a.id = "a";
            a.name = std::string(length, 'x');
            a.name[at] = '"';
            draft::Corpus c;
            c.authorities.push_back(a);
            const std::string xml = write_corpus(c);
            std::string expected = std::string(length, 'x');
            expected.replace(at, 1, "&quot;");
            EXPECT_NE(xml.find("name=\"" + expected + "\""), std::string::npos) << length << ' ' << at << xml;
        }
    }
}

}  // namespace
}  // namespace normdoc
