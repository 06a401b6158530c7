// SPEC §7 read on several threads: the reader splits a large section's slices between walkers
// (src/xml/corpus_reader.cpp), and what comes out is what the serial reader gives: the same
// corpus in the same order, the same problems in the same order on the same lines, and for a file
// that is not well-formed the one XML_SYNTAX of the serial reader, the earliest.
#include "normdoc/io.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace normdoc {
namespace {

std::string listing(const LoadResult& r) {
    std::string out;
    for (const auto& p : r.problems) out += to_string(p) + "\n";
    return out;
}

// Lines 1-5; document i starts on line first_line(i) and takes five lines. <documents> declares
// two prefixes, for our namespace and another: a walker of later slices must know them too.
const std::string k_head =
    "<corpus xmlns=\"urn:normdoc:corpus:1\">\n"                                             // 1
    "  <authorities>\n"                                                                     // 2
    "    <authority id=\"gov\" name=\"江阴市人民政府\" kind=\"government\"/>\n"             // 3
    "  </authorities>\n"                                                                    // 4
    "  <documents xmlns:n=\"urn:normdoc:corpus:1\" xmlns:x=\"urn:example:other\">\n";       // 5
const std::string k_tail = "  </documents>\n</corpus>\n";

constexpr std::size_t k_documents = 400;
std::size_t first_line(std::size_t i) { return 6 + 5 * i; }

// What to plant in a document, line by line; empty: the usual.
struct Lines {
    std::string start, issuer, dates;
};
using Planting = std::function<Lines(std::size_t)>;

std::string document(std::size_t i, const Lines& lines) {
    const std::string n = std::to_string(i);
    // Every tenth with the prefix <documents> declares (a planted start tag has none).
    const std::string element = i % 10 == 3 && lines.start.empty() ? "n:document" : "document";
    std::string out;
    out += lines.start.empty() ? "    <" + element + " id=\"d" + n + "\" kind=\"normative\" number=\"澄政发〔2018〕" + n + "号\">\n"
                               : lines.start;
    out += "      <title>关于第" + n + "项工作的意见</title>\n";
    out += lines.issuer.empty() ? "      <issuer ref=\"gov\"/><x:note>not ours</x:note>\n" : lines.issuer;
    if (!lines.dates.empty()) {
        out += lines.dates;
    } else {
        out += "      <dates published=\"2018-05-10\" effective=\"2018-06-01\"/>";
        if (i > 0) out += "<relations><based-on ref=\"d" + std::to_string(i - 1) + "\"/></relations>";
        out += "\n";
    }
    out += "    </" + element + ">\n";
    return out;
}

std::string corpus(const Planting& plant = {}) {
    std::string xml = k_head;
    for (std::size_t i = 0; i < k_documents; ++i) xml += document(i, plant ? plant(i) : Lines{});
    return xml + k_tail;
}

// Reader problems and validator problems in both halves (and thirds) of <documents>.
Lines damaged(std::size_t i) {
    const std::string n = std::to_string(i);
    Lines l;
    if (i % 37 == 5) l.dates = "      <dates published=\"2018-05-10\"/><colour/>\n";              // UNKNOWN_ELEMENT
    if (i % 41 == 7) l.dates = "      <dates published=\"2018-02-30\"/>\n";                       // BAD_DATE
    if (i % 59 == 17) l.dates = "      <dates published=\"2018-05-10\"/><dates/>\n";              // BAD_VALUE
    if (i % 67 == 23) l.dates = "      <relations><based-on ref=\"nowhere\"/></relations>\n";     // UNKNOWN_REF
    if (i % 43 == 9) l.issuer = "      <issuer/>\n";                                              // MISSING (twice)
    if (i % 71 == 29) l.issuer = "      <issuer ref=\"gov\"/><y:thing/>\n";                      // undeclared prefix
    if (i % 47 == 11) l.start = "    <document id=\"d" + n + "\" number=\"" + n + "\">\n";         // MISSING kind
    if (i % 53 == 13) l.start = "    <document id=\"d" + n + "\" kind=\"normative\" colour=\"red\">\n";  // unknown attribute
    if (i % 61 == 19) l.start = "    <document id=\"d" + std::to_string(i - 50) + "\" kind=\"normative\">\n";  // DUPLICATE_ID
    return l;
}

// An unquoted attribute value: well-formed for the layout scan, not for the parser of the slice.
Planting syntax_errors_in(std::vector<std::size_t> documents) {
    return [documents](std::size_t i) {
        Lines l;
        for (std::size_t d : documents)
            if (d == i) l.dates = "      <dates published=2018-05-10/>\n";
        return l;
    };
}

const std::size_t k_slices[] = {64, 700, 4096};
const std::size_t k_threads[] = {0, 2, 3, 4};

TEST(ReaderParallel, AValidCorpusReadsTheSameOnAnyNumberOfThreads) {
    const std::string xml = corpus();
    const LoadResult serial = detail::read_corpus_in_slices(xml, "c.xml", 700, 1);
    ASSERT_TRUE(serial.ok()) << listing(serial);
    ASSERT_EQ(serial.corpus->document_count(), k_documents);
    const std::string written = write_corpus(*serial.corpus);
    for (std::size_t slice : k_slices) {
        for (std::size_t threads : k_threads) {
            const LoadResult r = detail::read_corpus_in_slices(xml, "c.xml", slice, threads);
            ASSERT_TRUE(r.ok()) << slice << " bytes, " << threads << " threads\n" << listing(r);
            EXPECT_EQ(describe_difference(*serial.corpus, *r.corpus), "") << slice << " bytes, " << threads << " threads";
            EXPECT_EQ(write_corpus(*r.corpus), written) << slice << " bytes, " << threads << " threads";  // the order
        }
    }
}

TEST(ReaderParallel, TheTwoThreadReadingGivesTheSameProblemsOnTheSameLinesAsTheSerialOne) {
    const std::string xml = corpus(damaged);
    const LoadResult serial = detail::read_corpus_in_slices(xml, "c.xml", 4096, 1);
    ASSERT_FALSE(serial.ok());
    // The planted problems are there, in every part of the section.
    ASSERT_GT(serial.problems.size(), 70u) << listing(serial);
    EXPECT_LT(serial.problems.front().line, first_line(k_documents / 4)) << listing(serial);
    EXPECT_GT(serial.problems.back().line, first_line(3 * k_documents / 4)) << listing(serial);
    for (ProblemCode code : {ProblemCode::unknown_element, ProblemCode::bad_date, ProblemCode::bad_value,
                             ProblemCode::missing, ProblemCode::unknown_ref, ProblemCode::duplicate_id,
                             ProblemCode::xml_syntax}) {
        std::size_t count = 0;
        for (const auto& p : serial.problems) count += p.code == code;
        EXPECT_GE(count, 4u) << to_string(code) << "\n" << listing(serial);
    }
    // d5 (line 31): the unknown element on its fourth line.
    EXPECT_NE(listing(serial).find("c.xml:34: error: UNKNOWN_ELEMENT: document d5: unknown element <colour> in <document>"),
              std::string::npos)
        << listing(serial);
    for (std::size_t slice : k_slices) {
        const std::string expected = listing(detail::read_corpus_in_slices(xml, "c.xml", slice, 1));
        EXPECT_EQ(expected, listing(serial)) << slice;
        for (std::size_t threads : k_threads) {
            const LoadResult r = detail::read_corpus_in_slices(xml, "c.xml", slice, threads);
            EXPECT_FALSE(r.ok());
            EXPECT_EQ(listing(r), expected) << slice << " bytes, " << threads << " threads";
        }
    }
}

// The serial reader stops at the first slice the parser refuses; so does the parallel one,
// whichever walker reaches its error first.
void expect_one_syntax_error(const std::string& xml, std::size_t line) {
    for (std::size_t slice : k_slices) {
        for (std::size_t threads : {std::size_t(1), std::size_t(0), std::size_t(2), std::size_t(3), std::size_t(4)}) {
            const LoadResult r = detail::read_corpus_in_slices(xml, "c.xml", slice, threads);
            ASSERT_FALSE(r.ok());
            ASSERT_EQ(r.problems.size(), 1u) << slice << " bytes, " << threads << " threads\n" << listing(r);
            EXPECT_EQ(r.problems[0].code, ProblemCode::xml_syntax) << listing(r);
            EXPECT_EQ(r.problems[0].line, line) << slice << " bytes, " << threads << " threads\n" << listing(r);
        }
    }
}

TEST(ReaderParallel, ASyntaxErrorInTheFirstHalfIsReportedOnItsLine) {
    expect_one_syntax_error(corpus(syntax_errors_in({50})), first_line(50) + 3);
}

TEST(ReaderParallel, ASyntaxErrorInTheSecondHalfIsReportedOnItsLine) {
    expect_one_syntax_error(corpus(syntax_errors_in({300})), first_line(300) + 3);
    expect_one_syntax_error(corpus(syntax_errors_in({k_documents - 1})), first_line(k_documents - 1) + 3);
}

TEST(ReaderParallel, OfSyntaxErrorsInBothHalvesTheEarlierIsReported) {
    expect_one_syntax_error(corpus(syntax_errors_in({100, 300})), first_line(100) + 3);
    expect_one_syntax_error(corpus(syntax_errors_in({0, k_documents - 1})), first_line(0) + 3);
    // Both in the later walkers' parts (of three or four).
    expect_one_syntax_error(corpus(syntax_errors_in({310, 390})), first_line(310) + 3);
    // With reader problems before them, which a syntax error makes meaningless.
    expect_one_syntax_error(corpus([](std::size_t i) { return i == 250 || i == 350 ? syntax_errors_in({i})(i) : damaged(i); }),
                            first_line(250) + 3);
}

TEST(ReaderParallel, ALargeAuthoritiesSectionReadsTheSame) {
    std::string xml = "<corpus xmlns=\"urn:normdoc:corpus:1\">\n  <authorities>\n";
    for (int i = 0; i < 300; ++i) {
        const std::string n = std::to_string(i);
        if (i % 29 == 3) xml += "    <authority id=\"a" + n + "\" kind=\"department\"/>\n";           // MISSING name
        else if (i % 31 == 5) xml += "    <authority id=\"a" + n + "\" name=\"局\" kind=\"ministry\"/>\n";  // BAD_VALUE
        else if (i % 37 == 7) xml += "    <authority id=\"a" + n + "\" name=\"局\" kind=\"department\" parent=\"nobody\"/>\n";
        else xml += "    <authority id=\"a" + n + "\" name=\"局" + n + "\" kind=\"department\" parent=\"a0\"/>\n";
    }
    xml += "  </authorities>\n</corpus>\n";
    const LoadResult serial = detail::read_corpus_in_slices(xml, "a.xml", 256, 1);
    ASSERT_GE(serial.problems.size(), 25u) << listing(serial);
    EXPECT_GT(serial.problems.back().line, 250u) << listing(serial);
    for (std::size_t threads : k_threads)
        EXPECT_EQ(listing(detail::read_corpus_in_slices(xml, "a.xml", 256, threads)), listing(serial)) << threads;
}

// A section of another namespace is not read, but every slice of it is parsed (SPEC §7: it must
// be well-formed all the same).
TEST(ReaderParallel, ALargeSectionOfAnotherNamespaceIsParsedToTheEnd) {
    auto with_extension = [](std::size_t broken) {
        std::string xml = "<corpus xmlns=\"urn:normdoc:corpus:1\">\n  <x:archive xmlns:x=\"urn:example:other\">\n";
        for (std::size_t i = 0; i < 300; ++i)
            xml += i == broken ? "    <x:entry id=" + std::to_string(i) + "/>\n"
                               : "    <x:entry id=\"" + std::to_string(i) + "\"><x:v>text</x:v></x:entry>\n";
        return xml + "  </x:archive>\n</corpus>\n";
    };
    for (std::size_t threads : k_threads) {
        const LoadResult fine = detail::read_corpus_in_slices(with_extension(1000), "x.xml", 128, threads);
        EXPECT_TRUE(fine.ok()) << listing(fine);
        EXPECT_TRUE(fine.problems.empty()) << listing(fine);
        const LoadResult broken = detail::read_corpus_in_slices(with_extension(280), "x.xml", 128, threads);
        ASSERT_EQ(broken.problems.size(), 1u) << listing(broken);
        EXPECT_EQ(broken.problems[0].code, ProblemCode::xml_syntax);
        EXPECT_EQ(broken.problems[0].line, 3u + 280) << threads;
    }
}

// The profile's repeated elements are noticed across its slices: it is always read by one walker.
TEST(ReaderParallel, ARepeatedProfileElementIsNoticedWhateverTheThreads) {
    std::string xml = "<corpus xmlns=\"urn:normdoc:corpus:1\">\n  <profile>\n";
    for (int i = 0; i < 20; ++i) xml += "    <validity years=\"5\"/>\n";
    xml += "  </profile>\n</corpus>\n";
    const LoadResult serial = detail::read_corpus_in_slices(xml, "p.xml", 1, 1);
    ASSERT_EQ(serial.problems.size(), 19u) << listing(serial);
    for (std::size_t threads : k_threads)
        EXPECT_EQ(listing(detail::read_corpus_in_slices(xml, "p.xml", 1, threads)), listing(serial)) << threads;
}

// A later walker first counts the lines of everything before its slices, in blocks: long runs of
// lines, and long lines, on either side of a block's end.
TEST(ReaderParallel, LinesAreRightAfterLongRunsOfLinesAndLongLines) {
    std::string body;
    std::size_t line = 6;
    for (std::size_t i = 0; i < 60; ++i) {
        const std::string n = std::to_string(i);
        const std::size_t newlines = i * 397 % 6000, long_line = i * 1013 % 9000;
        body += "    <!--" + std::string(newlines, '\n') + std::string(long_line, 'x') + "-->\n";
        line += newlines + 1;
        body += "    <document id=\"d" + n + "\" kind=\"normative\" colour=\"red\"><title>t</title><issuer ref=\"gov\"/></document>\n";
        ++line;
    }
    const LoadResult serial = detail::read_corpus_in_slices(k_head + body + k_tail, "l.xml", 512, 1);
    ASSERT_EQ(serial.problems.size(), 60u) << listing(serial);
    EXPECT_EQ(serial.problems.back().line, line - 1) << listing(serial);
    for (std::size_t threads : k_threads)
        EXPECT_EQ(listing(detail::read_corpus_in_slices(k_head + body + k_tail, "l.xml", 512, threads)), listing(serial))
            << threads;
}

// SPEC §7: bytes that are not UTF-8 are XML_SYNTAX. One thread checks them while another scans
// the layout; the check comes first, as serially, even when the layout breaks earlier.
TEST(ReaderParallel, ABytePastUtf8IsReportedAsSeriallyWhileTheLayoutIsScanned) {
    const auto start_of_line = [](const std::string& xml, std::size_t line) {
        std::size_t at = 0;
        while (--line > 0) at = xml.find('\n', at) + 1;
        return at;
    };
    std::string bad = corpus();
    const std::size_t line_of_d300 = first_line(300);
    bad.insert(bad.find("关于", start_of_line(bad, line_of_d300 + 1)), "\xC3\x28");  // a lead byte alone
    std::string also_broken = bad;  // and an end tag that does not match, in d10
    also_broken.replace(also_broken.find("</document>", start_of_line(bad, first_line(10))), 11, "</documen>");
    for (const std::string* xml : {&bad, &also_broken}) {
        for (std::size_t threads : {std::size_t(1), std::size_t(2)}) {
            const LoadResult r = detail::read_corpus_in_slices(*xml, "u.xml", 700, threads);
            ASSERT_EQ(r.problems.size(), 1u) << threads << "\n" << listing(r);
            EXPECT_EQ(r.problems[0].code, ProblemCode::xml_syntax);
            EXPECT_EQ(r.problems[0].line, line_of_d300 + 1) << threads << "\n" << listing(r);
            EXPECT_NE(r.problems[0].message.find("not UTF-8"), std::string::npos) << r.problems[0].message;
        }
    }
}

// A file of more than 64 MiB is read from disk in two halves at once: every byte lands in its
// place (the lines count every newline of both halves, the last document is whole).
TEST(ReaderParallel, ALargeFileIsReadWholeInTwoHalves) {
    const std::string path = test::scratch_dir("reader-parallel-large") + "/large.xml";
    std::string xml = k_head + document(0, {}) + "    <!--\n";
    std::size_t line = first_line(1) + 1;
    const std::string block = std::string(1000, 'x') + "\n";  // 70,000 lines
    for (int i = 0; i < 70000; ++i) xml += block;
    line += 70000;
    xml += "    -->\n    <colour/>\n" + document(1, {}) + k_tail;
    ++line;
    test::write_file(path, xml);
    ASSERT_GT(xml.size(), std::size_t(64) << 20);
    const LoadResult r = read_corpus_file(path);
    ASSERT_EQ(r.problems.size(), 1u) << listing(r);
    EXPECT_EQ(r.problems[0].line, line) << listing(r);
    EXPECT_EQ(r.problems[0].code, ProblemCode::unknown_element);
    std::filesystem::remove(path);
}

TEST(ReaderParallel, MoreThreadsThanSlicesAndTinyFilesAreFine) {
    const std::string xml = k_head + document(0, {}) + k_tail;
    for (std::size_t threads : {std::size_t(2), std::size_t(16)}) {
        for (std::size_t slice : {std::size_t(1), std::size_t(1) << 20}) {
            const LoadResult r = detail::read_corpus_in_slices(xml, "t.xml", slice, threads);
            EXPECT_TRUE(r.ok()) << listing(r);
        }
    }
    const LoadResult empty = detail::read_corpus_in_slices(
        "<corpus xmlns=\"urn:normdoc:corpus:1\"><documents/></corpus>", "e.xml", 1, 4);
    EXPECT_TRUE(empty.ok()) << listing(empty);
}

}  // namespace
}  // namespace normdoc
