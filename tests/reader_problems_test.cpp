// SPEC §7 "Validation problems" that the XML reader reports itself (XML_SYNTAX, UNKNOWN_ELEMENT,
// MISSING, BAD_VALUE, BAD_DATE), each on the line where the start tag of the element concerned
// begins: one test per rule, with a minimal corpus.
#include "normdoc/io.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>

#include <string>
#include <vector>

namespace normdoc {
namespace {

std::string listing(const std::vector<Problem>& problems) {
    std::string out;
    for (const auto& p : problems) out += to_string(p) + "\n";
    return out;
}

std::vector<Problem> read_problems(const std::string& xml) { return read_corpus(xml, "c.xml").problems; }

// The only problem of `xml` is `code` on `line`; returns its message.
std::string only_problem(const std::string& xml, ProblemCode code, std::size_t line) {
    const LoadResult r = read_corpus(xml, "c.xml");
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.problems.size(), 1u) << listing(r.problems);
    if (r.problems.empty()) return {};
    const Problem& p = r.problems.front();
    EXPECT_EQ(p.code, code) << listing(r.problems);
    EXPECT_EQ(p.line, line) << listing(r.problems);
    EXPECT_EQ(p.file, "c.xml");
    EXPECT_EQ(p.severity, Severity::error);
    return p.message;
}

// Lines 1-5; documents start on line 6.
const std::string k_head =
    "<corpus xmlns=\"urn:normdoc:corpus:1\">\n"                                  // 1
    "  <authorities>\n"                                                          // 2
    "    <authority id=\"gov\" name=\"江阴市人民政府\" kind=\"government\"/>\n"  // 3
    "  </authorities>\n"                                                         // 4
    "  <documents>\n";                                                           // 5
const std::string k_tail = "  </documents>\n</corpus>\n";

std::string with_documents(const std::string& body) { return k_head + body + k_tail; }

// A valid document whose extra lines are `inner`, from line 6.
std::string one_document(const std::string& inner, const std::string& attributes = "") {
    return with_documents("    <document id=\"jy-2018-12\" kind=\"normative\"" + attributes + ">\n"  // 6
                          "      <title>关于科技创新的实施意见</title>\n"                            // 7
                          "      <issuer ref=\"gov\"/>\n" +                                           // 8
                          inner +                                                                     // 9…
                          "    </document>\n"
                          "    <document id=\"law\" kind=\"law\"><title>法</title><issuer ref=\"gov\"/></document>\n");
}

// ---- XML_SYNTAX ----

TEST(ReaderProblems, XmlSyntaxForAnEmptyFile) {
    only_problem("", ProblemCode::xml_syntax, 1);
    only_problem("\xEF\xBB\xBF  \n", ProblemCode::xml_syntax, 2);
}

TEST(ReaderProblems, XmlSyntaxForAFileThatIsNotXml) {
    only_problem("normdoc corpus\nid,title\n", ProblemCode::xml_syntax, 1);
    only_problem("{\"corpus\": []}", ProblemCode::xml_syntax, 1);
}

TEST(ReaderProblems, XmlSyntaxOnTheLineWhereTheParserStopped) {
    // A mismatched end tag on line 10.
    only_problem(one_document("      <dates published=\"2018-05-10\">\n"  // 9
                              "      </date>\n"),                         // 10
                 ProblemCode::xml_syntax, 10);
    // An unquoted attribute value on line 9.
    only_problem(one_document("      <dates published=2018-05-10/>\n"), ProblemCode::xml_syntax, 9);
    // A file cut off inside an element: the parser stops at its end, line 9.
    only_problem(k_head + "    <document id=\"x\" kind=\"normative\">\n      <title>意见</title>\n      <issuer",
                 ProblemCode::xml_syntax, 8);
    // A second root element.
    only_problem("<corpus xmlns=\"urn:normdoc:corpus:1\"/>\n\n<corpus xmlns=\"urn:normdoc:corpus:1\"/>\n",
                 ProblemCode::xml_syntax, 3);
}

TEST(ReaderProblems, XmlSyntaxForAnAttributeGivenTwice) {
    const std::string m =
        only_problem(one_document("      <dates published=\"2018-05-10\" published=\"2018-05-11\"/>\n"),
                     ProblemCode::xml_syntax, 9);
    EXPECT_NE(m.find("published"), std::string::npos) << m;
}

TEST(ReaderProblems, XmlSyntaxForAnUndeclaredNamespacePrefix) {
    only_problem(one_document("      <x:note/>\n"), ProblemCode::xml_syntax, 9);
}

TEST(ReaderProblems, XmlSyntaxForBytesThatAreNotUtf8) {
    // 意见 in GBK, in a file that does not say so.
    const std::string m = only_problem(one_document("      <subject>\xD2\xE2\xBC\xFB</subject>\n"),
                                       ProblemCode::xml_syntax, 9);
    EXPECT_NE(m.find("UTF-8"), std::string::npos) << m;
}

TEST(ReaderProblems, AFileThatDeclaresGbkIsReadInGbk) {
    // 政府 and 意见 in GBK.
    const std::string gbk =
        "<?xml version=\"1.0\" encoding=\"GBK\"?>\n"
        "<corpus xmlns=\"urn:normdoc:corpus:1\">\n"
        "<authorities><authority id=\"gov\" name=\"\xD5\xFE\xB8\xAE\" kind=\"government\"/></authorities>\n"
        "<documents>\n"
        "<document id=\"a\" kind=\"normative\"><title>\xD2\xE2\xBC\xFB</title><issuer ref=\"gov\"/></document>\n"
        "<document id=\"b\" kind=\"normative\"COLOUR><title>b</title><issuer ref=\"gov\"/></document>\n"
        "</documents>\n</corpus>\n";
    std::string clean = gbk;
    clean.replace(clean.find("COLOUR"), 6, "");
    const LoadResult r = read_corpus(clean, "gbk.xml");
    ASSERT_TRUE(r.ok()) << listing(r.problems);
    EXPECT_EQ(r.corpus->document(*r.corpus->find_document("a")).title(), "意见");
    EXPECT_EQ(r.corpus->authority(*r.corpus->find_authority("gov")).name(), "政府");
    // Lines are those of the file as written.
    std::string coloured = gbk;
    coloured.replace(coloured.find("COLOUR"), 6, " colour=\"red\"");
    const LoadResult bad = read_corpus(coloured, "gbk.xml");
    ASSERT_EQ(bad.problems.size(), 1u) << listing(bad.problems);
    EXPECT_EQ(bad.problems[0].code, ProblemCode::unknown_element);
    EXPECT_EQ(bad.problems[0].line, 6u);
}

// ---- the root ----

TEST(ReaderProblems, AWrongRootElementIsUnknownElementAndNothingElse) {
    const std::string m = only_problem("<?xml version=\"1.0\"?>\n<korpus xmlns=\"urn:normdoc:corpus:1\">\n"
                                       "  <bogus/>\n</korpus>\n",
                                       ProblemCode::unknown_element, 2);
    EXPECT_NE(m.find("korpus"), std::string::npos) << m;
}

TEST(ReaderProblems, ARootInAnotherNamespaceIsUnknownElement) {
    only_problem("<corpus xmlns=\"urn:normdoc:corpus:2\"/>", ProblemCode::unknown_element, 1);
    only_problem("<corpus/>", ProblemCode::unknown_element, 1);
    only_problem("\n<akn:akomaNtoso xmlns:akn=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"/>",
                 ProblemCode::unknown_element, 2);
}

// ---- UNKNOWN_ELEMENT ----

TEST(ReaderProblems, UnknownElementInTheCorpusNamespace) {
    const std::string m = only_problem(one_document("      <titel>拼错</titel>\n"), ProblemCode::unknown_element, 9);
    EXPECT_EQ(m, "document jy-2018-12: unknown element <titel> in <document>");
}

TEST(ReaderProblems, UnknownElementAtEveryLevel) {
    only_problem("<corpus xmlns=\"urn:normdoc:corpus:1\">\n  <settings/>\n</corpus>", ProblemCode::unknown_element, 2);
    only_problem("<corpus xmlns=\"urn:normdoc:corpus:1\">\n  <profile>\n    <term years=\"5\"/>\n  </profile>\n</corpus>",
                 ProblemCode::unknown_element, 3);
    only_problem(with_documents("    <doc id=\"x\"/>\n"), ProblemCode::unknown_element, 6);
    only_problem(one_document("      <procedure>\n        <approval date=\"2018-01-01\"/>\n      </procedure>\n"),
                 ProblemCode::unknown_element, 10);
    only_problem(one_document("      <relations>\n        <replaces ref=\"law\"/>\n      </relations>\n"),
                 ProblemCode::unknown_element, 10);
    only_problem(one_document("      <issuer ref=\"gov\"><name>x</name></issuer>\n"), ProblemCode::unknown_element, 9);
}

TEST(ReaderProblems, UnknownAttributeWithoutANamespace) {
    const std::string m = only_problem(one_document("", " colour=\"red\""), ProblemCode::unknown_element, 6);
    EXPECT_EQ(m, "document jy-2018-12: <document> has no attribute \"colour\"");
    // until belongs to extends only.
    only_problem(one_document("      <relations>\n        <cites ref=\"law\" until=\"2020-01-01\"/>\n"
                              "      </relations>\n"),
                 ProblemCode::unknown_element, 10);
}

TEST(ReaderProblems, AnAttributeInTheCorpusNamespaceWithAPrefixIsUnknown) {
    only_problem("<c:corpus xmlns:c=\"urn:normdoc:corpus:1\">\n  <c:authorities>\n"
                 "    <c:authority c:id=\"gov\" id=\"gov\" name=\"政府\" kind=\"government\"/>\n"
                 "  </c:authorities>\n</c:corpus>\n",
                 ProblemCode::unknown_element, 3);
}

// ---- MISSING ----

TEST(ReaderProblems, MissingAuthorityIdNameOrKind) {
    only_problem("<corpus xmlns=\"urn:normdoc:corpus:1\">\n<authorities>\n<authority name=\"n\" kind=\"other\"/>\n"
                 "</authorities>\n</corpus>",
                 ProblemCode::missing, 3);
    only_problem("<corpus xmlns=\"urn:normdoc:corpus:1\">\n<authorities>\n<authority id=\"a\" kind=\"other\"/>\n"
                 "</authorities>\n</corpus>",
                 ProblemCode::missing, 3);
    only_problem("<corpus xmlns=\"urn:normdoc:corpus:1\">\n<authorities>\n\n<authority id=\"a\" name=\"n\"/>\n"
                 "</authorities>\n</corpus>",
                 ProblemCode::missing, 4);
}

TEST(ReaderProblems, AnAuthorityMissingItsNameIsKeptSoReferencesToItResolve) {
    only_problem("<corpus xmlns=\"urn:normdoc:corpus:1\">\n<authorities>\n<authority id=\"gov\" kind=\"government\"/>\n"
                 "</authorities>\n<documents>\n"
                 "<document id=\"a\" kind=\"normative\"><title>意见</title><issuer ref=\"gov\"/></document>\n"
                 "</documents>\n</corpus>",
                 ProblemCode::missing, 3);
}

TEST(ReaderProblems, MissingDocumentIdOrKind) {
    only_problem(with_documents("    <document kind=\"normative\"><title>意见</title><issuer ref=\"gov\"/></document>\n"),
                 ProblemCode::missing, 6);
    // Without its kind the document is kept: a relation to it is no UNKNOWN_REF.
    only_problem(with_documents("    <document id=\"a\"><title>意见</title><issuer ref=\"gov\"/></document>\n"
                                "    <document id=\"b\" kind=\"rule\"><title>规章</title><issuer ref=\"gov\"/>\n"
                                "      <relations><based-on ref=\"a\"/></relations></document>\n"),
                 ProblemCode::missing, 6);
}

TEST(ReaderProblems, MissingTitleAndIssuerAreReportedOnceByTheValidator) {
    const std::vector<Problem> problems =
        read_problems(with_documents("    <document id=\"a\" kind=\"normative\">\n    </document>\n"));
    ASSERT_EQ(problems.size(), 2u) << listing(problems);
    EXPECT_EQ(problems[0].code, ProblemCode::missing);
    EXPECT_EQ(problems[0].line, 6u);
    EXPECT_EQ(problems[1].code, ProblemCode::missing);
    EXPECT_EQ(problems[1].line, 6u);
}

TEST(ReaderProblems, MissingRefOfAnIssuerDrafterOrRelationDropsJustThatElement) {
    only_problem(one_document("      <issuer/>\n"), ProblemCode::missing, 9);
    only_problem(one_document("      <drafter/>\n"), ProblemCode::missing, 9);
    const std::string m = only_problem(one_document("      <relations>\n        <based-on date=\"2018-01-01\"/>\n"
                                                    "      </relations>\n"),
                                       ProblemCode::missing, 10);
    EXPECT_EQ(m, "document jy-2018-12: <based-on> lacks the required attribute \"ref\"");
}

TEST(ReaderProblems, MissingUntilOfExtends) {
    only_problem(with_documents("    <document id=\"a\" kind=\"normative\"><title>意见</title><issuer ref=\"gov\"/></document>\n"
                                "    <document id=\"b\" kind=\"normative\"><title>意见</title><issuer ref=\"gov\"/>\n"
                                "      <relations>\n"
                                "        <extends ref=\"a\"/>\n"
                                "      </relations>\n"
                                "    </document>\n"),
                 ProblemCode::missing, 9);
}

TEST(ReaderProblems, MissingDateOfAStepAndOutcomeWhereItHasOne) {
    only_problem(one_document("      <procedure>\n        <assessment/>\n      </procedure>\n"), ProblemCode::missing, 10);
    only_problem(one_document("      <procedure>\n        <consultation from=\"2018-03-01\"/>\n      </procedure>\n"),
                 ProblemCode::missing, 10);
    only_problem(one_document("      <procedure>\n        <legality-review date=\"2018-03-01\"/>\n      </procedure>\n"),
                 ProblemCode::missing, 10);
    only_problem(one_document("      <procedure>\n        <collective-decision date=\"2018-03-01\" body=\"会议\"/>\n"
                              "      </procedure>\n"),
                 ProblemCode::missing, 10);
    only_problem(one_document("      <procedure>\n        <filing with=\"gov\"/>\n      </procedure>\n"),
                 ProblemCode::missing, 10);
}

TEST(ReaderProblems, MissingTypeOrDateOfAnEvent) {
    only_problem(one_document("      <events>\n        <event date=\"2019-01-01\"/>\n      </events>\n"),
                 ProblemCode::missing, 10);
    only_problem(one_document("      <events>\n        <event type=\"repeal\"/>\n      </events>\n"),
                 ProblemCode::missing, 10);
}

// ---- BAD_VALUE ----

TEST(ReaderProblems, BadValueForAnUnknownEnumValue) {
    std::string misspelt = one_document("");
    misspelt.replace(misspelt.find("\"normative\""), 11, "\"normativ\"");
    const std::string m = only_problem(misspelt, ProblemCode::bad_value, 6);
    EXPECT_NE(m.find("\"normativ\" is not one of: law, administrative-regulation"), std::string::npos) << m;
    only_problem("<corpus xmlns=\"urn:normdoc:corpus:1\">\n<authorities>\n"
                 "<authority id=\"a\" name=\"n\" kind=\"other\" level=\"city\"/>\n</authorities>\n</corpus>",
                 ProblemCode::bad_value, 3);
    only_problem(one_document("      <procedure>\n        <legality-review date=\"2018-03-01\" outcome=\"ok\"/>\n"
                              "      </procedure>\n"),
                 ProblemCode::bad_value, 10);
    only_problem(one_document("      <events>\n        <event type=\"abolition\" date=\"2019-01-01\"/>\n      </events>\n"),
                 ProblemCode::bad_value, 10);
}

TEST(ReaderProblems, BadValueForATrialFlagOtherThanTrueOrFalse) {
    only_problem(one_document("", " trial=\"yes\""), ProblemCode::bad_value, 6);
    only_problem(one_document("", " trial=\"TRUE\""), ProblemCode::bad_value, 6);
    only_problem(one_document("", " trial=\"\""), ProblemCode::bad_value, 6);
}

TEST(ReaderProblems, BadValueForANumberInTheProfile) {
    const std::string m = only_problem("<corpus xmlns=\"urn:normdoc:corpus:1\">\n  <profile>\n"
                                       "    <validity years=\"five\"/>\n  </profile>\n</corpus>",
                                       ProblemCode::bad_value, 3);
    EXPECT_EQ(m, "profile: <validity> years \"five\" is not a whole number from 1 to 100");
    only_problem("<corpus xmlns=\"urn:normdoc:corpus:1\">\n<profile>\n<filing within-days=\"-3\"/>\n</profile>\n</corpus>",
                 ProblemCode::bad_value, 3);
    only_problem("<corpus xmlns=\"urn:normdoc:corpus:1\">\n<profile>\n<validity trial-years=\"0\"/>\n</profile>\n</corpus>",
                 ProblemCode::bad_value, 3);
}

TEST(ReaderProblems, BadValueForARepeatedProfileElementAtTheLaterOne) {
    only_problem("<corpus xmlns=\"urn:normdoc:corpus:1\">\n  <profile>\n    <validity years=\"5\"/>\n"
                 "    <consultation min-days=\"30\"/>\n    <validity trial-years=\"2\"/>\n  </profile>\n</corpus>",
                 ProblemCode::bad_value, 5);
    only_problem("<corpus xmlns=\"urn:normdoc:corpus:1\">\n  <profile/>\n  <profile/>\n</corpus>",
                 ProblemCode::bad_value, 3);
}

TEST(ReaderProblems, BadValueForARepeatedProcedureStepButReviewsAndDecisionsMayRepeat) {
    only_problem(one_document("      <procedure>\n"
                              "        <assessment date=\"2018-02-01\"/>\n"
                              "        <legality-review date=\"2018-03-01\" outcome=\"unlawful\"/>\n"
                              "        <legality-review date=\"2018-03-10\" outcome=\"lawful\"/>\n"
                              "        <collective-decision date=\"2018-03-15\" outcome=\"deferred\"/>\n"
                              "        <collective-decision date=\"2018-03-20\" outcome=\"adopted\"/>\n"
                              "        <assessment date=\"2018-02-02\"/>\n"
                              "      </procedure>\n"),
                 ProblemCode::bad_value, 15);
    for (const char* step : {"<consultation from=\"2018-03-01\" to=\"2018-03-30\"/>", "<expert-review date=\"2018-03-01\"/>",
                             "<risk-assessment date=\"2018-03-01\"/>", "<filing date=\"2018-06-01\"/>"}) {
        only_problem(one_document(std::string("      <procedure>\n        ") + step + "\n        " + step +
                                  "\n      </procedure>\n"),
                     ProblemCode::bad_value, 11);
    }
}

TEST(ReaderProblems, BadValueForARepeatedTitleDatesOrDrafter) {
    only_problem(one_document("      <title>又一个标题</title>\n"), ProblemCode::bad_value, 9);
    only_problem(one_document("      <dates published=\"2018-05-10\"/>\n      <dates effective=\"2018-06-01\"/>\n"),
                 ProblemCode::bad_value, 10);
    only_problem(one_document("      <drafter ref=\"gov\"/>\n      <drafter ref=\"gov\"/>\n"), ProblemCode::bad_value, 10);
}

// ---- BAD_DATE ----

TEST(ReaderProblems, BadDateForADayThatIsNotOnTheCalendar) {
    const std::string m =
        only_problem(one_document("      <dates published=\"2018-02-30\"/>\n"), ProblemCode::bad_date, 9);
    EXPECT_EQ(m, "document jy-2018-12: <dates> published \"2018-02-30\" is not a calendar day");
}

TEST(ReaderProblems, BadDateForAnythingButYyyyMmDdAndForYearsOutside1900To2199) {
    for (const char* bad : {"2018-5-10", "2018/05/10", "10.05.2018", "2018-05-10T00:00:00", " 2018-05-10", "1899-12-31",
                            "2200-01-01", "2018-13-01", "2019-02-29"}) {
        only_problem(one_document(std::string("      <dates effective=\"") + bad + "\"/>\n"), ProblemCode::bad_date, 9);
    }
    only_problem(one_document("      <relations>\n        <cites ref=\"law\" date=\"yesterday\"/>\n      </relations>\n"),
                 ProblemCode::bad_date, 10);
    only_problem("<corpus xmlns=\"urn:normdoc:corpus:1\">\n<authorities>\n"
                 "<authority id=\"a\" name=\"n\" kind=\"other\" abolished=\"2019-02-29\"/>\n</authorities>\n</corpus>",
                 ProblemCode::bad_date, 3);
}

// ---- every problem, in line order, on the right line whatever the line ends ----

const std::string k_many_problems = k_head +
    "    <document id=\"a\" kind=\"normativ\">\n"          // 6  BAD_VALUE
    "      <title>意见</title>\n"                          // 7
    "      <issuer ref=\"gov\"/>\n"                        // 8
    "      <dates published=\"2018-02-30\"/>\n"            // 9  BAD_DATE
    "    </document>\n"                                    // 10
    "    <document id=\"b\" kind=\"rule\" colour=\"red\">\n"  // 11 UNKNOWN_ELEMENT
    "      <title>规章</title>\n"                          // 12
    "      <issuer ref=\"nobody\"/>\n"                     // 13 UNKNOWN_REF (the validator's)
    "      <relations>\n"                                  // 14
    "        <amends/>\n"                                  // 15 MISSING
    "      </relations>\n"                                 // 16
    "    </document>\n" + k_tail;

void expect_many_problems(const LoadResult& r) {
    ASSERT_EQ(r.problems.size(), 5u) << listing(r.problems);
    const std::pair<ProblemCode, std::size_t> expected[] = {{ProblemCode::bad_value, 6},
                                                            {ProblemCode::bad_date, 9},
                                                            {ProblemCode::unknown_element, 11},
                                                            {ProblemCode::unknown_ref, 13},
                                                            {ProblemCode::missing, 15}};
    for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_EQ(r.problems[i].code, expected[i].first) << listing(r.problems);
        EXPECT_EQ(r.problems[i].line, expected[i].second) << listing(r.problems);
    }
}

TEST(ReaderProblems, EveryProblemIsReportedInLineOrder) {
    expect_many_problems(read_corpus(k_many_problems, "c.xml"));
}

TEST(ReaderProblems, LinesAreRightWithCrlfLineEndsAndAByteOrderMark) {
    std::string crlf;
    for (char c : k_many_problems) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    expect_many_problems(read_corpus(crlf, "c.xml"));
    expect_many_problems(read_corpus("\xEF\xBB\xBF" + crlf, "c.xml"));
}

TEST(ReaderProblems, LinesAreTheSameWhateverTheSliceSize) {
    for (std::size_t slice : {std::size_t(1), std::size_t(50), std::size_t(200)})
        expect_many_problems(detail::read_corpus_in_slices(k_many_problems, "c.xml", slice));
    only_problem(one_document("      <dates published=2018-05-10/>\n"), ProblemCode::xml_syntax, 9);
    const LoadResult r = detail::read_corpus_in_slices(one_document("      <dates published=2018-05-10/>\n"), "c.xml", 1);
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].line, 9u);
}

TEST(ReaderProblems, AStartTagSpreadOverLinesCountsFromItsFirstLine) {
    only_problem(with_documents("    <document\n        id=\"a\"\n        kind=\"normative\"\n        colour=\"red\">\n"
                                "      <title>意见</title><issuer ref=\"gov\"/>\n    </document>\n"),
                 ProblemCode::unknown_element, 6);
}

TEST(ReaderProblems, NeverACrashOnOddInput) {
    const char* inputs[] = {"<", "<?", "<!--", "<![CDATA[", "<!DOCTYPE", "<!DOCTYPE x [", "<corpus", "<corpus xmlns=\"",
                            "<corpus xmlns=\"urn:normdoc:corpus:1\"><documents><document id=\"a\"",
                            "<corpus xmlns=\"urn:normdoc:corpus:1\"></documents>", "</corpus>", "<a><b></a></b>",
                            "\xEF\xBB", "\x01\x02", "<corpus xmlns=\"urn:normdoc:corpus:1\"><![CDATA[x]]></corpus>",
                            "<corpus xmlns=\"urn:normdoc:corpus:1\"><documents>&amp;<!-- c --><?pi x?></documents></corpus>",
                            "<corpus xmlns=\"urn:normdoc:corpus:1\"><documents><document id=\"a\" kind=\"law\"><title>&#0;</title></document></documents></corpus>"};
    for (const char* input : inputs) {
        const LoadResult r = read_corpus(input, "odd.xml");
        for (const auto& p : r.problems) EXPECT_GE(p.line, 1u) << input << "\n" << listing(r.problems);
    }
}

// Damaged copies of the SPEC example (bytes deleted, duplicated, replaced by markup characters):
// never a crash, every problem on a line of the file, and the same problems whatever the size of
// the slices the reader parses.
TEST(ReaderProblems, DamagedFilesGiveTheSameProblemsWhateverTheSliceSize) {
    const std::string original = test::read_text(std::string(NORMDOC_TEST_DATA) + "/io/spec-example.xml");
    ASSERT_FALSE(original.empty());
    const char k_markup[] = "<>/\"'=&;!?-[] \nx";
    std::uint32_t seed = 12345;
    auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
    for (int round = 0; round < 400; ++round) {
        std::string damaged = original;
        for (int edits = 1 + static_cast<int>(next() % 3); edits > 0; --edits) {
            const std::size_t at = next() % damaged.size();
            switch (next() % 3) {
                case 0: damaged.erase(at, 1 + next() % 8); break;
                case 1: damaged.insert(at, damaged.substr(next() % damaged.size(), 1 + next() % 40)); break;
                default: damaged[at] = k_markup[next() % (sizeof k_markup - 1)]; break;
            }
        }
        const std::size_t lines = static_cast<std::size_t>(std::count(damaged.begin(), damaged.end(), '\n')) + 1;
        const LoadResult whole = read_corpus(damaged, "d.xml");
        const LoadResult sliced = detail::read_corpus_in_slices(damaged, "d.xml", 64);
        EXPECT_EQ(listing(whole.problems), listing(sliced.problems)) << damaged;
        EXPECT_EQ(whole.ok(), sliced.ok());
        for (const auto& p : whole.problems) {
            EXPECT_GE(p.line, 1u) << to_string(p);
            EXPECT_LE(p.line, lines) << to_string(p);
        }
    }
}

}  // namespace
}  // namespace normdoc
