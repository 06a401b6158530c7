// Hostile input: files made to break a reader (empty, not XML, entity bombs, external entities,
// a million levels of nesting, a 100 MB attribute, bytes that are not UTF-8, NUL bytes, odd ids,
// 10^5-long chains and cycles, a plan naming a million items). Each gets a clear error with file
// and line, or the correct answer, in bounded time and memory, and never a crash (SPEC §7, §10).
//
// The heavy inputs are generated on the fly into a scratch directory, written in chunks (never
// held whole by the test), and given to the CLI as a user would, in a child process whose exit
// status, time and peak memory (wait4) are checked. Light ones go through the library directly.
#include "normdoc/cleanup.hpp"
#include "normdoc/impact.hpp"
#include "normdoc/io.hpp"
#include "normdoc/plan.hpp"
#include "normdoc/status.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc {
namespace {

using test::read_text;
using test::scratch_dir;
using Clock = std::chrono::steady_clock;

// ---- helpers ------------------------------------------------------------------------------------

std::string listing(const std::vector<Problem>& problems) {
    std::string out;
    for (const auto& p : problems) out += to_string(p) + "\n";
    return out;
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// A file written piece by piece, so that a 100 MB input is never one string in the test.
class Writer {
public:
    explicit Writer(const std::string& path) : out_(path, std::ios::binary) {}
    Writer& operator<<(std::string_view s) {
        out_.write(s.data(), static_cast<std::streamsize>(s.size()));
        return *this;
    }
    Writer& repeat(std::string_view s, std::size_t n) {
        std::string chunk;
        const std::size_t per_chunk = std::max<std::size_t>(1, (1u << 16) / std::max<std::size_t>(1, s.size()));
        for (std::size_t i = 0; i < per_chunk; ++i) chunk += s;
        for (; n >= per_chunk; n -= per_chunk) *this << chunk;
        for (; n > 0; --n) *this << s;
        return *this;
    }
    bool close() {
        out_.close();
        return static_cast<bool>(out_);
    }

private:
    std::ofstream out_;
};

const std::string k_head =
    "<corpus xmlns=\"urn:normdoc:corpus:1\">\n"                                  // 1
    "  <authorities>\n"                                                          // 2
    "    <authority id=\"gov\" name=\"江阴市人民政府\" kind=\"government\"/>\n"  // 3
    "  </authorities>\n"                                                         // 4
    "  <documents>\n";                                                           // 5
const std::string k_tail = "  </documents>\n</corpus>\n";

std::string document(const std::string& id, const std::string& inner = "", const std::string& kind = "normative") {
    return "    <document id=\"" + id + "\" kind=\"" + kind + "\"><title>文件" + id +
           "</title><issuer ref=\"gov\"/><dates published=\"2018-01-01\"/>" + inner + "</document>\n";
}

#ifdef NORMDOC_CLI

using test::CliRun;
using test::run_cli;
using test::time_limit;

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

std::size_t error_lines(const std::string& text) {
    std::size_t n = 0;
    for (std::size_t at = text.find(": error: "); at != std::string::npos; at = text.find(": error: ", at + 1)) ++n;
    return n;
}

// `validate FILE` fails with exit 1 and its first problem is `FILE:LINE: error: CODE`.
void expect_validate_error(const std::string& dir, const std::string& file, std::size_t line, std::string_view code,
                           double limit_seconds = 30, long limit_mb = 1024) {
    const CliRun r = run_cli(dir, {"validate", file}, time_limit(limit_seconds));
    EXPECT_FALSE(r.timed_out) << "still running after " << limit_seconds << " s";
    EXPECT_EQ(r.code, 1) << r.err;
    EXPECT_EQ(first_line(r.err).rfind(file + ":" + std::to_string(line) + ": error: " + std::string(code) + ": ", 0), 0u)
        << r.err.substr(0, 2000);
    EXPECT_LT(r.peak_rss_mb, limit_mb);
}

// ---- not a corpus at all ------------------------------------------------------------------------

TEST(Hostile, EmptyFile) {
    const std::string dir = scratch_dir("hostile-empty");
    Writer(dir + "/empty.xml").close();
    expect_validate_error(dir, "empty.xml", 1, "XML_SYNTAX");
}

TEST(Hostile, NotXml) {
    const std::string dir = scratch_dir("hostile-not-xml");
    Writer(dir + "/notes.xml") << "id,status\nd1,in-force\n";
    expect_validate_error(dir, "notes.xml", 1, "XML_SYNTAX");
}

TEST(Hostile, BinaryGarbage) {
    const std::string dir = scratch_dir("hostile-binary");
    {
        Writer w(dir + "/garbage.xml");
        std::uint32_t x = 12345;
        std::string bytes;
        for (int i = 0; i < 1 << 16; ++i) {
            x = x * 1664525u + 1013904223u;
            bytes += static_cast<char>(x >> 24);
        }
        w << "<corpus xmlns=\"urn:normdoc:corpus:1\">\n" << bytes;
    }
    const CliRun r = run_cli(dir, {"validate", "garbage.xml"});
    EXPECT_EQ(r.code, 1) << r.err;
    EXPECT_EQ(first_line(r.err).rfind("garbage.xml:", 0), 0u) << r.err;
    EXPECT_NE(first_line(r.err).find(": error: XML_SYNTAX: "), std::string::npos) << r.err;
}

TEST(Hostile, WrongRoot) {
    const std::string dir = scratch_dir("hostile-wrong-root");
    Writer(dir + "/page.xml") << "<?xml version=\"1.0\"?>\n<html>\n<body/>\n</html>\n";
    expect_validate_error(dir, "page.xml", 2, "UNKNOWN_ELEMENT");
}

TEST(Hostile, WrongNamespace) {
    const std::string dir = scratch_dir("hostile-wrong-namespace");
    Writer(dir + "/v2.xml") << "\n<corpus xmlns=\"urn:normdoc:corpus:2\">\n  <documents/>\n</corpus>\n";
    expect_validate_error(dir, "v2.xml", 2, "UNKNOWN_ELEMENT");
}

TEST(Hostile, NoNamespace) {
    const std::string dir = scratch_dir("hostile-no-namespace");
    Writer(dir + "/plain.xml") << "<corpus>\n  <documents/>\n</corpus>\n";
    expect_validate_error(dir, "plain.xml", 1, "UNKNOWN_ELEMENT");
}

TEST(Hostile, APlanGivenAsTheCorpus) {
    const std::string dir = scratch_dir("hostile-plan-as-corpus");
    Writer(dir + "/plan.xml") << "<cleanup-plan xmlns=\"urn:normdoc:plan:1\" as-of=\"2018-11-30\"/>\n";
    expect_validate_error(dir, "plan.xml", 1, "UNKNOWN_ELEMENT");
}

// ---- entities -----------------------------------------------------------------------------------

// The billion laughs: ten levels of ten references, 10^9 "lol"s if expanded. SPEC §7 readers
// expand no entity beyond XML's five and character references (docs/corpus-format.md), so the
// title is the reference as written and the file is read at once, in little memory.
TEST(Hostile, BillionLaughs) {
    std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE corpus [\n  <!ENTITY lol \"lol\">\n";
    for (int level = 1; level <= 9; ++level) {
        xml += "  <!ENTITY lol" + std::to_string(level) + " \"";
        for (int i = 0; i < 10; ++i) xml += "&lol" + (level == 1 ? std::string() : std::to_string(level - 1)) + ";";
        xml += "\">\n";
    }
    xml += "]>\n" + k_head + document("d1") + "    <document id=\"d2\" kind=\"rule\"><title>&lol9;</title>"
           "<issuer ref=\"gov\"/></document>\n" + k_tail;
    const auto start = Clock::now();
    const LoadResult r = read_corpus(xml, "laughs.xml");
    EXPECT_LT(seconds_since(start), 5.0);
    ASSERT_TRUE(r.ok()) << listing(r.problems);
    EXPECT_EQ(r.corpus->document(*r.corpus->find_document("d2")).title(), "&lol9;");

    const std::string dir = scratch_dir("hostile-billion-laughs");
    Writer(dir + "/laughs.xml") << xml;
    const CliRun run = run_cli(dir, {"status", "laughs.xml", "--as-of", "2019-01-01", "--format", "csv"}, time_limit(30));
    EXPECT_EQ(run.code, 0) << run.err;
    EXPECT_LT(run.peak_rss_mb, 512);
    EXPECT_EQ(run.out.find("lollol"), std::string::npos);
}

// Quadratic blow-up: one entity of 100 kB referenced 10^4 times (1 GB if expanded).
TEST(Hostile, QuadraticBlowup) {
    std::string xml = "<!DOCTYPE corpus [<!ENTITY a \"" + std::string(100000, 'a') + "\">]>\n" + k_head +
                      "    <document id=\"d1\" kind=\"rule\"><title>";
    for (int i = 0; i < 10000; ++i) xml += "&a;";
    xml += "</title><issuer ref=\"gov\"/></document>\n" + k_tail;
    const auto start = Clock::now();
    const LoadResult r = read_corpus(xml, "quadratic.xml");
    EXPECT_LT(seconds_since(start), 5.0);
    ASSERT_TRUE(r.ok()) << listing(r.problems);
    EXPECT_EQ(r.corpus->document(DocumentId(0)).title().size(), 3u * 10000u);
}

// External entities, general and parameter, and an external DTD: never read. A file that holds a
// marker is named by each; the marker must appear in nothing the reader or the CLI gives back.
TEST(Hostile, ExternalEntitiesAreNeverRead) {
    const std::string dir = scratch_dir("hostile-external-entity");
    const std::string secret = dir + "/secret.txt";
    const std::string marker = "TOP-SECRET-MARKER-4711";
    Writer(secret) << marker;
    Writer(dir + "/evil.dtd") << "<!ENTITY leak \"" + marker + "\">\n<!ELEMENT corpus ANY>\n";
    const std::string xml = "<?xml version=\"1.0\" standalone=\"no\"?>\n"
                            "<!DOCTYPE corpus SYSTEM \"file://" + dir + "/evil.dtd\" [\n"
                            "  <!ENTITY xxe SYSTEM \"file://" + secret + "\">\n"
                            "  <!ENTITY % pe SYSTEM \"file://" + dir + "/evil.dtd\">\n"
                            "  %pe;\n"
                            "]>\n" + k_head +
                            "    <document id=\"d1\" kind=\"rule\"><title>&xxe;&leak;</title><issuer ref=\"gov\"/>"
                            "<subject>&xxe;</subject></document>\n" + k_tail;
    Writer(dir + "/evil.xml") << xml;

    const LoadResult r = read_corpus(xml, "evil.xml");
    EXPECT_EQ(listing(r.problems).find(marker), std::string::npos);
    if (r.ok()) {
        EXPECT_EQ(write_corpus(*r.corpus).find(marker), std::string::npos);
    }

    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"validate", "evil.xml"}, {"status", "evil.xml", "--as-of", "2019-01-01"},
          {"cleanup", "evil.xml", "--as-of", "2019-01-01", "--format", "xml"}, {"graph", "evil.xml"}}) {
        const CliRun run = run_cli(dir, args);
        EXPECT_LT(run.code, 2) << args[0] << ": " << run.err;
        EXPECT_EQ(run.out.find(marker), std::string::npos) << args[0];
        EXPECT_EQ(run.err.find(marker), std::string::npos) << args[0];
    }
}

// ---- size and depth -----------------------------------------------------------------------------

// 10^6 levels of nesting inside a document, in a foreign namespace (ignored) and in the corpus's
// (unknown elements). The readers must not recurse per level.
TEST(Hostile, NestingAMillionDeepInAForeignNamespace) {
    const std::string dir = scratch_dir("hostile-deep-foreign");
    {
        Writer w(dir + "/deep.xml");
        w << k_head << "    <document id=\"d1\" kind=\"rule\" xmlns:x=\"urn:other\"><title>t</title><issuer ref=\"gov\"/>\n";
        w.repeat("<x:a>", 1000000).repeat("</x:a>", 1000000);
        w << "\n    </document>\n" << k_tail;
    }
    const CliRun r = run_cli(dir, {"status", "deep.xml", "--as-of", "2019-01-01", "--format", "csv"}, time_limit(60));
    EXPECT_FALSE(r.timed_out);
    EXPECT_EQ(r.code, 0) << r.err.substr(0, 2000);
    EXPECT_EQ(r.out, "id,status,last_day,amended\nd1,draft,,no\n");
    EXPECT_LT(r.peak_rss_mb, 2048);
}

TEST(Hostile, NestingAMillionDeepInTheCorpusNamespace) {
    const std::string dir = scratch_dir("hostile-deep-ours");
    {
        Writer w(dir + "/deep.xml");
        w << k_head << document("d1")
          << "    <document id=\"d2\" kind=\"rule\"><title>t</title><issuer ref=\"gov\"/>\n";  // line 7
        w.repeat("<a>", 1000000).repeat("</a>", 1000000);                                      // line 8
        w << "\n    </document>\n" << k_tail;
    }
    // The outermost unknown element is the problem; what it holds is not looked into.
    expect_validate_error(dir, "deep.xml", 8, "UNKNOWN_ELEMENT", 60, 2048);
}

TEST(Hostile, NestingAMillionDeepAtTheRoot) {
    const std::string dir = scratch_dir("hostile-deep-root");
    {
        Writer w(dir + "/deep.xml");
        w << "<corpus xmlns=\"urn:normdoc:corpus:1\">\n";
        w.repeat("<documents>", 1000000).repeat("</documents>", 1000000);
        w << "\n</corpus>\n";
    }
    const CliRun r = run_cli(dir, {"validate", "deep.xml"}, time_limit(60));
    EXPECT_FALSE(r.timed_out);
    EXPECT_EQ(r.code, 1) << r.err.substr(0, 2000);
    EXPECT_EQ(first_line(r.err).rfind("deep.xml:2: error: ", 0), 0u) << r.err.substr(0, 2000);
    EXPECT_LT(r.peak_rss_mb, 2048);
}

// Unclosed: a million start tags and the end of the file.
TEST(Hostile, AMillionUnclosedElements) {
    const std::string dir = scratch_dir("hostile-unclosed");
    {
        Writer w(dir + "/open.xml");
        w << k_head << "\n";
        w.repeat("<document>", 1000000);
    }
    const CliRun r = run_cli(dir, {"validate", "open.xml"}, time_limit(60));
    EXPECT_FALSE(r.timed_out);
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(first_line(r.err).find("open.xml:"), std::string::npos) << r.err.substr(0, 2000);
    EXPECT_NE(first_line(r.err).find(": error: XML_SYNTAX: "), std::string::npos) << r.err.substr(0, 2000);
}

// A 100 MB attribute value is well-formed and a legal name: the correct answer is to read it.
TEST(Hostile, AHundredMegabyteAttribute) {
    const std::string dir = scratch_dir("hostile-huge-attribute");
    const std::size_t size = 100u << 20;
    {
        Writer w(dir + "/huge.xml");
        w << "<corpus xmlns=\"urn:normdoc:corpus:1\">\n  <authorities>\n"
             "    <authority id=\"gov\" kind=\"government\" name=\"";
        w.repeat("名", size / 3).repeat("x", size % 3);
        w << "\"/>\n  </authorities>\n  <documents>\n" << document("d1") << k_tail;
    }
    const CliRun r = run_cli(dir, {"status", "huge.xml", "--as-of", "2019-01-01", "--format", "csv"}, time_limit(120));
    EXPECT_FALSE(r.timed_out);
    EXPECT_EQ(r.code, 0) << r.err.substr(0, 2000);
    EXPECT_EQ(r.out, "id,status,last_day,amended\nd1,in-force,2022-12-31,no\n");
    EXPECT_LT(r.peak_rss_mb, 2048);
}

// The same size in an attribute that is broken at its end (no closing quote): an error, where
// the attribute starts.
TEST(Hostile, AHundredMegabyteUnterminatedAttribute) {
    const std::string dir = scratch_dir("hostile-huge-unterminated");
    {
        Writer w(dir + "/huge.xml");
        w << k_head << "    <document id=\"d1\" kind=\"rule\" number=\"";  // line 6
        w.repeat("0123456789abcdef", (100u << 20) / 16);
    }
    const CliRun r = run_cli(dir, {"validate", "huge.xml"}, time_limit(120));
    EXPECT_FALSE(r.timed_out);
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(first_line(r.err).rfind("huge.xml:6: error: XML_SYNTAX: ", 0), 0u) << r.err.substr(0, 2000);
    EXPECT_LT(r.peak_rss_mb, 2048);
}

// ---- bytes --------------------------------------------------------------------------------------

TEST(Hostile, InvalidUtf8InATitle) {
    const std::string xml = k_head + document("d1") +
                            "    <document id=\"d2\" kind=\"rule\"><title>\xe6\xb3\x95\xff\xfe</title><issuer ref=\"gov\"/></document>\n" +
                            k_tail;
    const LoadResult r = read_corpus(xml, "bytes.xml");
    ASSERT_FALSE(r.ok());
    ASSERT_EQ(r.problems.size(), 1u) << listing(r.problems);
    EXPECT_EQ(r.problems[0].code, ProblemCode::xml_syntax);
    EXPECT_EQ(r.problems[0].line, 7u);
}

TEST(Hostile, OverlongUtf8AndSurrogatesAreNotUtf8) {
    // An overlong '<' (C0 BC), a UTF-16 surrogate (ED A0 80), a code point above U+10FFFF (F4 90 80 80).
    for (const std::string bad : {"\xc0\xbc", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe6\xb3"}) {
        const std::string xml = k_head + "    <document id=\"d1\" kind=\"rule\"><title>a" + bad +
                                "b</title><issuer ref=\"gov\"/></document>\n" + k_tail;
        const LoadResult r = read_corpus(xml, "bytes.xml");
        ASSERT_FALSE(r.ok());
        ASSERT_FALSE(r.problems.empty());
        EXPECT_EQ(r.problems[0].code, ProblemCode::xml_syntax) << listing(r.problems);
        EXPECT_EQ(r.problems[0].line, 6u) << listing(r.problems);
    }
}

// Found by corpus_fuzz: pugixml takes a NUL byte for the end of its buffer, so a NUL between two
// documents silently dropped every document after it. U+0000 is not an XML character.
TEST(Hostile, NulByteBetweenDocuments) {
    std::string xml = k_head + document("d1") + "   ";
    xml += '\0';
    xml += "\n" + document("d2") + document("d3") + k_tail;
    for (std::size_t slice : {std::size_t(1) << 20, std::size_t(64)}) {
        const LoadResult r = detail::read_corpus_in_slices(xml, "nul.xml", slice);
        ASSERT_FALSE(r.ok()) << "slice " << slice << ": a corpus of " << r.corpus->document_count() << " documents";
        ASSERT_EQ(r.problems.size(), 1u) << listing(r.problems);
        EXPECT_EQ(r.problems[0].code, ProblemCode::xml_syntax);
        EXPECT_EQ(r.problems[0].line, 7u) << listing(r.problems);
    }
}

TEST(Hostile, NulByteInAnAttributeTitleOrAfterTheRoot) {
    const std::string places[] = {
        k_head + "    <document id=\"d1\" kind=\"rule\" number=\"1" + std::string(1, '\0') +
            "2\"><title>t</title><issuer ref=\"gov\"/></document>\n" + k_tail,
        k_head + "    <document id=\"d1\" kind=\"rule\"><title>t" + std::string(1, '\0') +
            "</title><issuer ref=\"gov\"/></document>\n" + k_tail,
        k_head + document("d1") + k_tail + std::string(1, '\0') + "\n",
    };
    const std::size_t lines[] = {6, 6, 9};
    for (std::size_t i = 0; i < 3; ++i) {
        const LoadResult r = read_corpus(places[i], "nul.xml");
        ASSERT_FALSE(r.ok()) << "case " << i;
        ASSERT_FALSE(r.problems.empty());
        EXPECT_EQ(r.problems[0].code, ProblemCode::xml_syntax) << "case " << i << "\n" << listing(r.problems);
        EXPECT_EQ(r.problems[0].line, lines[i]) << "case " << i << "\n" << listing(r.problems);
    }
}

TEST(Hostile, NulByteInAPlan) {
    std::string xml = "<cleanup-plan xmlns=\"urn:normdoc:plan:1\" as-of=\"2018-11-30\">\n  <item ref=\"d1\" action=\"repeal\"/>\n";
    xml += '\0';
    xml += "\n  <item ref=\"d2\" action=\"repeal\"/>\n</cleanup-plan>\n";
    const PlanLoadResult r = read_plan(xml, "nul-plan.xml");
    ASSERT_FALSE(r.ok()) << "a plan of " << r.plan->items.size() << " items";
    ASSERT_FALSE(r.problems.empty());
    EXPECT_EQ(r.problems[0].code, ProblemCode::xml_syntax);
    EXPECT_EQ(r.problems[0].line, 3u);
}

// Found by corpus_fuzz (heap-use-after-free under ASan): the owner named in a message about an
// element with an undeclared prefix was a view into the previous element's slice buffer, which
// the next, larger slice had freed. The owner of a section's child is the corpus.
TEST(Hostile, AnUndeclaredPrefixAfterAnAuthorityInALargerSlice) {
    const std::string xml = "<corpus xmlns=\"urn:normdoc:corpus:1\">\n"
                            "  <authorities>\n"
                            "    <authority id=\"second-authority-with-a-long-id\" name=\"B\" kind=\"department\"/>\n"
                            "    <au:thority id=\"x\" name=\"" + std::string(300, 'C') + "\" kind=\"other\"/>\n"
                            "  </authorities>\n"
                            "</corpus>\n";
    for (std::size_t slice : {std::size_t(1) << 20, std::size_t(16)}) {
        const LoadResult r = detail::read_corpus_in_slices(xml, "prefix.xml", slice);
        ASSERT_EQ(r.problems.size(), 1u) << listing(r.problems);
        EXPECT_EQ(r.problems[0].code, ProblemCode::xml_syntax);
        EXPECT_EQ(r.problems[0].line, 4u);
        EXPECT_EQ(r.problems[0].message.find("second-authority"), std::string::npos) << r.problems[0].message;
        EXPECT_NE(r.problems[0].message.find("<au:thority> has an undeclared namespace prefix"), std::string::npos)
            << r.problems[0].message;
    }
}

// Found by corpus_fuzz's 30-minute run (UBSan: signed integer overflow): a profile figure of 75
// digits was multiplied out digit by digit after it was already known to be too long.
TEST(Hostile, AProfileFigureOfSeventyFiveDigits) {
    const std::string xml = "<corpus xmlns=\"urn:normdoc:corpus:1\">\n"
                            "  <profile>\n"
                            "    <consultation min-days=\"" + std::string(75, '6') + "\"/>\n"
                            "    <validity years=\"99999999999999999999\" trial-years=\"-1\"/>\n"
                            "  </profile>\n"
                            "</corpus>\n";
    const LoadResult r = read_corpus(xml, "profile.xml");
    ASSERT_FALSE(r.ok());
    ASSERT_EQ(r.problems.size(), 3u) << listing(r.problems);
    EXPECT_EQ(r.problems[0].code, ProblemCode::bad_value);
    EXPECT_EQ(r.problems[0].line, 3u);
    EXPECT_EQ(r.problems[1].line, 4u);
    EXPECT_EQ(r.problems[2].line, 4u);
}

// ---- ids ----------------------------------------------------------------------------------------

TEST(Hostile, IdsWithSpacesAreBadValues) {
    const std::string xml = k_head + document("a b") + document("tab\tbed") + document("nbsp\xc2\xa0id") +
                            document("ideographic\xe3\x80\x80space") + k_tail;
    const LoadResult r = read_corpus(xml, "ids.xml");
    ASSERT_FALSE(r.ok());
    ASSERT_EQ(r.problems.size(), 4u) << listing(r.problems);
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(r.problems[i].code, ProblemCode::bad_value) << listing(r.problems);
        EXPECT_EQ(r.problems[i].line, 6 + i) << listing(r.problems);
    }
}

// Quotes, apostrophes, markup characters, a comma and right-to-left marks are legal in an id:
// the correct answer is to read them, write them back equal, and quote them right in CSV.
TEST(Hostile, IdsWithQuotesAndRtlMarksRoundTrip) {
    const std::string quote_id = "q&quot;uote'&lt;&amp;&gt;,x";
    const std::string rtl_id = "\xe2\x80\x8f\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d\xe2\x80\x8e-1";  // RLM שלום LRM -1
    const std::string xml = k_head + document(quote_id) + document(rtl_id, "<relations><based-on ref=\"" + quote_id + "\"/></relations>") + k_tail;
    const LoadResult r = read_corpus(xml, "ids.xml");
    ASSERT_TRUE(r.ok()) << listing(r.problems);
    const std::string plain_quote_id = "q\"uote'<&>,x";
    ASSERT_TRUE(r.corpus->find_document(plain_quote_id).has_value());
    const std::string written = write_corpus(*r.corpus);
    const LoadResult back = read_corpus(written, "ids-written.xml");
    ASSERT_TRUE(back.ok()) << listing(back.problems);
    EXPECT_EQ(describe_difference(*r.corpus, *back.corpus), "");

    const std::string dir = scratch_dir("hostile-ids");
    Writer(dir + "/ids.xml") << xml;
    const CliRun run = run_cli(dir, {"impact", "ids.xml", plain_quote_id, "--as-of", "2019-01-01", "--format", "csv"});
    EXPECT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.out, "id,depth,status\n" + std::string("\xe2\x80\x8f\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d\xe2\x80\x8e-1") + ",1,in-force\n");
    const CliRun status = run_cli(dir, {"status", "ids.xml", "--as-of", "2019-01-01", "--format", "csv"});
    EXPECT_EQ(status.code, 0) << status.err;
    EXPECT_NE(status.out.find("\"q\"\"uote'<&>,x\",in-force"), std::string::npos) << status.out;
}

// ---- graphs -------------------------------------------------------------------------------------

constexpr std::size_t k_chain = 100000;

// d0 ← d1 ← … ← d99999, each based on the one before; d0 repealed by a decision.
void write_chain(const std::string& path) {
    Writer w(path);
    w << k_head << "    <document id=\"decision\" kind=\"rule\"><title>决定</title><issuer ref=\"gov\"/>"
                   "<dates published=\"2018-06-01\"/><relations><repeals ref=\"d0\"/></relations></document>\n";
    for (std::size_t i = 0; i < k_chain; ++i) {
        std::string line = "    <document id=\"d" + std::to_string(i) + "\" kind=\"normative\"><title>t</title>"
                           "<issuer ref=\"gov\"/><dates published=\"2018-01-01\"/>";
        if (i > 0) line += "<relations><based-on ref=\"d" + std::to_string(i - 1) + "\"/></relations>";
        w << line << "</document>\n";
    }
    w << k_tail;
}

TEST(Hostile, AHundredThousandLongBasedOnChain) {
    const std::string dir = scratch_dir("hostile-chain");
    write_chain(dir + "/chain.xml");

    const CliRun impact = run_cli(dir, {"impact", "chain.xml", "d0", "--as-of", "2018-03-01", "--format", "csv"}, time_limit(60));
    EXPECT_FALSE(impact.timed_out);
    ASSERT_EQ(impact.code, 0) << impact.err.substr(0, 2000);
    EXPECT_EQ(static_cast<std::size_t>(std::count(impact.out.begin(), impact.out.end(), '\n')), k_chain);  // header + 99999
    EXPECT_NE(impact.out.find("\nd99999,99999,in-force\n"), std::string::npos);

    // SPEC §6: one run reaches the fixed point: the whole chain is to be repealed.
    const CliRun cleanup = run_cli(dir, {"cleanup", "chain.xml", "--as-of", "2018-07-01", "--format", "csv"}, time_limit(60));
    EXPECT_FALSE(cleanup.timed_out);
    ASSERT_EQ(cleanup.code, 0) << cleanup.err.substr(0, 2000);
    EXPECT_NE(cleanup.out.find("\nd99999,,in-force,repeal,BASIS_TO_BE_TERMINATED"), std::string::npos)
        << cleanup.out.substr(0, 1000);
    EXPECT_NE(cleanup.out.find("\nd1,,in-force,repeal,BASIS_TERMINATED"), std::string::npos);
    EXPECT_LT(cleanup.peak_rss_mb, 1024);
}

TEST(Hostile, AHundredThousandMemberBasisCycle) {
    const std::string dir = scratch_dir("hostile-cycle");
    {
        Writer w(dir + "/cycle.xml");
        w << k_head;
        for (std::size_t i = 0; i < k_chain; ++i)
            w << "    <document id=\"c" + std::to_string(i) + "\" kind=\"normative\"><title>t</title><issuer ref=\"gov\"/>"
                 "<relations><based-on ref=\"c" + std::to_string((i + 1) % k_chain) + "\"/></relations></document>\n";
        w << k_tail;
    }
    const CliRun r = run_cli(dir, {"validate", "cycle.xml"}, time_limit(60));
    EXPECT_FALSE(r.timed_out);
    EXPECT_EQ(r.code, 1);
    // One problem for the whole cycle, at its first member, naming members without listing 10^5.
    EXPECT_EQ(error_lines(r.err), 1u) << r.err.substr(0, 2000);
    EXPECT_EQ(r.err.rfind("cycle.xml:6: error: BASIS_CYCLE: ", 0), 0u) << r.err.substr(0, 2000);
    EXPECT_LT(r.err.size(), 10000u);
}

TEST(Hostile, AHundredThousandMemberModificationCycle) {
    const std::string dir = scratch_dir("hostile-modification-cycle");
    {
        Writer w(dir + "/cycle.xml");
        w << k_head;
        for (std::size_t i = 0; i < k_chain; ++i)
            w << "    <document id=\"m" + std::to_string(i) + "\" kind=\"normative\"><title>t</title><issuer ref=\"gov\"/>"
                 "<dates published=\"2018-01-01\"/><relations><repeals ref=\"m" + std::to_string((i + 1) % k_chain) +
                 "\"/></relations></document>\n";
        w << k_tail;
    }
    const CliRun r = run_cli(dir, {"validate", "cycle.xml"}, time_limit(60));
    EXPECT_FALSE(r.timed_out);
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(error_lines(r.err), 1u) << r.err.substr(0, 2000);
    EXPECT_EQ(r.err.rfind("cycle.xml:6: error: MODIFICATION_CYCLE: ", 0), 0u) << r.err.substr(0, 2000);
}

TEST(Hostile, ADocumentThatRepealsAndIsRepealedByItself) {
    const std::string dir = scratch_dir("hostile-self-repeal");
    Writer(dir + "/self.xml") << k_head << document("d1")
                              << "    <document id=\"ouroboros\" kind=\"normative\"><title>t</title><issuer ref=\"gov\"/>\n"  // 7
                                 "      <relations><repeals ref=\"ouroboros\"/><declares-invalid ref=\"ouroboros\"/>"  // 8
                                 "<based-on ref=\"ouroboros\"/></relations>\n"
                                 "    </document>\n"
                              << k_tail;
    const CliRun r = run_cli(dir, {"validate", "self.xml"});
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(first_line(r.err).rfind("self.xml:8: error: SELF_REFERENCE: ", 0), 0u) << r.err;
    EXPECT_EQ(r.err.find("CYCLE"), std::string::npos) << r.err;
}

TEST(Hostile, TwoDocumentsThatRepealEachOther) {
    const std::string dir = scratch_dir("hostile-mutual-repeal");
    Writer(dir + "/mutual.xml") << k_head << document("a", "<relations><repeals ref=\"b\"/></relations>")
                                << document("b", "<relations><repeals ref=\"a\"/></relations>") << k_tail;
    const CliRun r = run_cli(dir, {"validate", "mutual.xml"});
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(r.err.rfind("mutual.xml:6: error: MODIFICATION_CYCLE: ", 0), 0u) << r.err;
}

// ---- plans --------------------------------------------------------------------------------------

// A plan naming a million items, none of which the corpus holds: apply refuses it (exit 1), with
// the reasons on standard error, in bounded time and memory, and writes nothing.
TEST(Hostile, APlanNamingAMillionItems) {
    const std::string dir = scratch_dir("hostile-million-plan");
    Writer(dir + "/corpus.xml") << k_head << document("d1") << k_tail;
    {
        Writer w(dir + "/plan.xml");
        w << "<cleanup-plan xmlns=\"urn:normdoc:plan:1\" as-of=\"2018-11-30\">\n";
        std::string chunk;
        for (std::size_t i = 0; i < 1000000; ++i) {
            chunk += "<item ref=\"x" + std::to_string(i) + "\" action=\"repeal\"/>\n";
            if (chunk.size() > (1u << 16)) {
                w << chunk;
                chunk.clear();
            }
        }
        w << chunk << "</cleanup-plan>\n";
    }
    const CliRun r = run_cli(dir, {"apply", "corpus.xml", "plan.xml", "--id", "dec", "--number", "n", "--title", "t",
                                   "--issuer", "gov", "--date", "2018-12-01", "-o", "out.xml"}, time_limit(120));
    EXPECT_FALSE(r.timed_out);
    EXPECT_EQ(r.code, 1) << r.err.substr(0, 2000);
    // One line, not a million (SPEC §6: a plan that is not for this corpus is one clear error).
    EXPECT_EQ(first_line(r.err).rfind("plan.xml: error: UNKNOWN_REF: this plan is not for this corpus: 1000000 of 1000000 items", 0), 0u)
        << r.err.substr(0, 2000);
    EXPECT_LT(r.err.size(), 1000u);
    EXPECT_FALSE(std::ifstream(dir + "/out.xml").good());
    EXPECT_LT(r.peak_rss_mb, 2048);
}

#endif  // NORMDOC_CLI

}  // namespace
}  // namespace normdoc
