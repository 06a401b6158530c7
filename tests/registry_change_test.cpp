// Changes to a registry in place (SPEC §12): add, withdraw, apply, compact. Each change is checked
// by the SPEC §7 rules with the same problems (codes, messages) as validating the same content as
// one XML file gives; a problem about an element of the fragment names the fragment and its line;
// committed changes survive reopening and compaction; a reader keeps its view; a second writer
// is refused; a torn last journal record is dropped with a warning. Each "same content" corpus is
// written here as XML text, independently of the registry's own merge.
#include "normdoc/io.hpp"
#include "normdoc/registry.hpp"
#include "registry/registry_files.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace normdoc {
namespace {

namespace fs = std::filesystem;

const std::string k_authorities = R"(  <authorities>
    <authority id="gov" name="某市人民政府" kind="government" level="municipal"/>
    <authority id="kjj" name="某市科学技术局" kind="department" level="municipal" parent="gov"/>
  </authorities>
)";

// The registry's documents, in file order: (id, element).
using Docs = std::vector<std::pair<std::string, std::string>>;

Docs base_documents() {
    return {
        {"law-1", R"(    <document id="law-1" kind="law">
      <title>某法</title>
      <issuer ref="gov"/>
      <dates published="2010-01-01"/>
    </document>
)"},
        {"d1", R"(    <document id="d1" kind="normative" number="某政发〔2018〕1号">
      <title>文件一</title>
      <issuer ref="gov"/>
      <dates published="2018-01-01"/>
      <relations>
        <based-on ref="law-1"/>
      </relations>
    </document>
)"},
        {"d2", R"(    <document id="d2" kind="normative" number="某科发〔2019〕1号">
      <title>文件二</title>
      <issuer ref="kjj"/>
      <dates published="2019-01-01"/>
      <relations>
        <based-on ref="d1"/>
      </relations>
    </document>
)"},
    };
}

std::string corpus_xml(const Docs& docs, const std::string& authorities = k_authorities) {
    std::string out = "<corpus xmlns=\"urn:normdoc:corpus:1\">\n" + authorities + "  <documents>\n";
    for (const auto& d : docs) out += d.second;
    return out + "  </documents>\n</corpus>\n";
}

std::string fragment_xml(const std::string& documents) {
    return "<corpus xmlns=\"urn:normdoc:corpus:1\">\n  <documents>\n" + documents + "  </documents>\n</corpus>\n";
}

// The registry `dir`/r.ndb compiled from `docs`.
std::string make_registry(const std::string& dir, const Docs& docs) {
    const LoadResult read = read_corpus(corpus_xml(docs), "base.xml");
    EXPECT_TRUE(read.ok());
    const std::string path = dir + "/r.ndb";
    compile_snapshot(*read.corpus, path, {}, read.problems);
    return path;
}

// "CODE: message" of each problem of `severity`, sorted: what must agree with validate (lines
// and files differ: the fragment is not the merged file).
std::vector<std::string> said(const std::vector<Problem>& problems, Severity severity) {
    std::vector<std::string> out;
    for (const Problem& p : problems)
        if (p.severity == severity) out.push_back(std::string(to_string(p.code)) + ": " + p.message);
    std::sort(out.begin(), out.end());
    return out;
}

// The problems validating the same content as one file gives.
std::vector<Problem> validate(const Docs& docs) { return read_corpus(corpus_xml(docs), "merged.xml").problems; }

// Adds `documents` (elements) as the fragment `dir`/f.xml to the registry.
ChangeResult add(const std::string& registry, const std::string& documents, const std::string& name = "f.xml") {
    Registry::Open open = Registry::open_for_changes(registry);
    EXPECT_TRUE(open) << (open.problems.empty() ? "" : to_string(open.problems[0]));
    return open.registry->add(fragment_xml(documents), name);
}

std::size_t journal_records(const std::string& registry) {
    const Registry::Open open = Registry::open(registry);
    return open ? open.registry->journal_records() : 0;
}

// The state of a registry as SPEC §7 sees it, compared with a corpus.
void expect_content(const std::string& registry, const Docs& docs) {
    const Registry::Open open = Registry::open(registry);
    ASSERT_TRUE(open);
    const LoadResult expected = read_corpus(corpus_xml(docs), "expected.xml");
    ASSERT_TRUE(expected.ok());
    EXPECT_EQ(describe_difference(open.registry->corpus(), *expected.corpus), "");
}

const std::string k_new_doc_unknown_ref = R"(    <document id="d3" kind="normative" number="某科发〔2020〕1号">
      <title>文件三</title>
      <issuer ref="kjj"/>
      <dates published="2020-01-01"/>
      <relations>
        <based-on ref="no-such-doc"/>
      </relations>
    </document>
)";

TEST(RegistryChange, AnUnknownRefIsTheErrorValidateGivesAtTheFragmentsLine) {
    const std::string dir = test::scratch_dir("change_unknown_ref");
    const std::string registry = make_registry(dir, base_documents());
    const ChangeResult change = add(registry, k_new_doc_unknown_ref);
    EXPECT_FALSE(change.committed);
    Docs merged = base_documents();
    merged.push_back({"d3", k_new_doc_unknown_ref});
    ASSERT_FALSE(said(validate(merged), Severity::error).empty());
    EXPECT_EQ(said(change.problems, Severity::error), said(validate(merged), Severity::error));
    // SPEC §12: FILE's line where the element is in FILE: <based-on> is line 8 of the fragment.
    ASSERT_EQ(change.problems.size(), 1u);
    EXPECT_EQ(change.problems[0].file, "f.xml");
    EXPECT_EQ(change.problems[0].line, 8u);
    EXPECT_EQ(change.problems[0].code, ProblemCode::unknown_ref);
    EXPECT_EQ(journal_records(registry), 0u);
    expect_content(registry, base_documents());
}

TEST(RegistryChange, AnIdTheFragmentHoldsTwiceIsADuplicateId) {
    const std::string dir = test::scratch_dir("change_duplicate_id");
    const std::string registry = make_registry(dir, base_documents());
    const std::string doc = R"(    <document id="d3" kind="other">
      <title>文件三</title>
      <issuer ref="kjj"/>
    </document>
)";
    const ChangeResult change = add(registry, doc + doc);
    EXPECT_FALSE(change.committed);
    Docs merged = base_documents();
    merged.push_back({"d3", doc});
    merged.push_back({"d3", doc});
    ASSERT_EQ(said(validate(merged), Severity::error).size(), 1u);
    EXPECT_EQ(said(change.problems, Severity::error), said(validate(merged), Severity::error));
    ASSERT_EQ(change.problems.size(), 1u);
    EXPECT_EQ(change.problems[0].line, 7u);  // SPEC §7: the later occurrence
}

TEST(RegistryChange, ANumberTheRegistryHoldsForTheSameIssuerAndYearIsADuplicateNumber) {
    const std::string dir = test::scratch_dir("change_duplicate_number");
    const std::string registry = make_registry(dir, base_documents());
    const std::string doc = R"(    <document id="d3" kind="normative" number="某政发〔2018〕1号">
      <title>文件三</title>
      <issuer ref="gov"/>
      <dates published="2018-06-01"/>
    </document>
)";
    const ChangeResult change = add(registry, doc);
    EXPECT_FALSE(change.committed);
    Docs merged = base_documents();
    merged.push_back({"d3", doc});
    ASSERT_FALSE(said(validate(merged), Severity::error).empty());
    EXPECT_EQ(said(change.problems, Severity::error), said(validate(merged), Severity::error));
    EXPECT_EQ(change.problems[0].code, ProblemCode::duplicate_number);
}

TEST(RegistryChange, BadDatesAreBadDateAndDateOrder) {
    const std::string dir = test::scratch_dir("change_bad_dates");
    const std::string registry = make_registry(dir, base_documents());
    const std::string docs = R"(    <document id="d3" kind="normative">
      <title>文件三</title>
      <issuer ref="kjj"/>
      <dates published="2020-13-01"/>
    </document>
    <document id="d4" kind="normative">
      <title>文件四</title>
      <issuer ref="kjj"/>
      <dates published="2020-05-01" effective="2020-04-01"/>
    </document>
)";
    const ChangeResult change = add(registry, docs);
    EXPECT_FALSE(change.committed);
    Docs merged = base_documents();
    merged.push_back({"d3+d4", docs});
    const auto expected = said(validate(merged), Severity::error);
    ASSERT_EQ(expected.size(), 2u);
    EXPECT_EQ(said(change.problems, Severity::error), expected);
}

TEST(RegistryChange, AReplacementThatClosesABasisCycleIsABasisCycle) {
    const std::string dir = test::scratch_dir("change_cycle");
    const std::string registry = make_registry(dir, base_documents());
    // law-1 replaced by one that rests on d2: law-1 → d2 → d1 → law-1.
    const std::string law = R"(    <document id="law-1" kind="law">
      <title>某法</title>
      <issuer ref="gov"/>
      <dates published="2010-01-01"/>
      <relations>
        <based-on ref="d2"/>
      </relations>
    </document>
)";
    const ChangeResult change = add(registry, law);
    EXPECT_FALSE(change.committed);
    Docs merged = base_documents();
    merged[0].second = law;  // replaced in its place
    const auto expected = said(validate(merged), Severity::error);
    ASSERT_EQ(expected.size(), 1u);
    EXPECT_EQ(expected[0].rfind("BASIS_CYCLE", 0), 0u);
    EXPECT_EQ(said(change.problems, Severity::error), expected);
    expect_content(registry, base_documents());
}

TEST(RegistryChange, AReplacementTakesTheHeldDocumentsPlaceAndANewIdIsAdded) {
    const std::string dir = test::scratch_dir("change_replace");
    const std::string registry = make_registry(dir, base_documents());
    const std::string d1 = R"(    <document id="d1" kind="normative" number="某政发〔2018〕1号">
      <title>文件一（修订）</title>
      <issuer ref="gov"/>
      <dates published="2018-01-01"/>
    </document>
)";
    const std::string d3 = R"(    <document id="d3" kind="other">
      <title>文件三</title>
      <issuer ref="kjj"/>
      <dates published="2021-01-01"/>
    </document>
)";
    const ChangeResult change = add(registry, d1 + d3);
    ASSERT_TRUE(change.committed) << (change.problems.empty() ? "" : to_string(change.problems[0]));
    Docs merged = base_documents();
    merged[1].second = d1;
    merged.push_back({"d3", d3});
    expect_content(registry, merged);
    EXPECT_EQ(journal_records(registry), 1u);
    const Registry::Open open = Registry::open(registry);
    ASSERT_TRUE(open);
    const Corpus& c = open.registry->corpus();
    ASSERT_EQ(c.document_count(), 4u);
    EXPECT_EQ(c.document(DocumentId(1)).id(), "d1");  // in its place, in file order
    EXPECT_EQ(c.document(DocumentId(3)).id(), "d3");
}

TEST(RegistryChange, NewDocumentsRestingOnEachOtherInACircleAreABasisCycle) {
    const std::string dir = test::scratch_dir("change_new_cycle");
    const std::string registry = make_registry(dir, base_documents());
    const std::string docs = R"(    <document id="d3" kind="other">
      <title>文件三</title>
      <issuer ref="kjj"/>
      <relations>
        <based-on ref="d4"/>
      </relations>
    </document>
    <document id="d4" kind="other">
      <title>文件四</title>
      <issuer ref="kjj"/>
      <relations>
        <implements ref="d3"/>
        <based-on ref="d2"/>
      </relations>
    </document>
)";
    const ChangeResult change = add(registry, docs);
    EXPECT_FALSE(change.committed);
    Docs merged = base_documents();
    merged.push_back({"d3+d4", docs});
    const auto expected = said(validate(merged), Severity::error);
    ASSERT_EQ(expected.size(), 1u);
    EXPECT_EQ(expected[0].rfind("BASIS_CYCLE", 0), 0u);
    EXPECT_EQ(said(change.problems, Severity::error), expected);
    EXPECT_EQ(change.problems[0].line, 3u);  // SPEC §7: its first member in file order
}

TEST(RegistryChange, ANewDocumentsIncompetentRepealAndNumberYearAreTheWarningsValidateGives) {
    const std::string dir = test::scratch_dir("change_new_warnings");
    const std::string registry = make_registry(dir, base_documents());
    // The bureau repeals the city government's d1 (SPEC §2: not competent), and its number says 2019.
    const std::string doc = R"(    <document id="d3" kind="normative" number="某科发〔2019〕7号">
      <title>文件三</title>
      <issuer ref="kjj"/>
      <dates published="2020-01-01"/>
      <relations>
        <repeals ref="d1"/>
      </relations>
    </document>
)";
    const ChangeResult change = add(registry, doc);
    EXPECT_TRUE(change.committed);
    Docs merged = base_documents();
    merged.push_back({"d3", doc});
    const auto expected = said(validate(merged), Severity::warning);
    ASSERT_EQ(expected.size(), 2u);
    EXPECT_EQ(said(change.problems, Severity::warning), expected);
    // The registry's warnings are now those of the merged content.
    const Registry::Open open = Registry::open(registry);
    ASSERT_TRUE(open);
    EXPECT_EQ(said(open.registry->warnings(), Severity::warning), expected);
}

TEST(RegistryChange, AWriterChecksNewDocumentsAgainstThoseItsJournalHolds) {
    const std::string dir = test::scratch_dir("change_pending");
    const std::string registry = make_registry(dir, base_documents());
    const std::string d3 = R"(    <document id="d3" kind="normative" number="某科发〔2020〕1号">
      <title>文件三</title>
      <issuer ref="kjj"/>
      <dates published="2020-01-01"/>
    </document>
)";
    const std::string d4 = R"(    <document id="d4" kind="normative">
      <title>文件四</title>
      <issuer ref="kjj"/>
      <dates published="2020-02-01"/>
      <relations>
        <based-on ref="d3"/>
      </relations>
    </document>
)";
    const std::string d5 = R"(    <document id="d5" kind="normative" number="某科发〔2020〕1号">
      <title>文件五</title>
      <issuer ref="kjj"/>
      <dates published="2020-03-01"/>
    </document>
)";
    ASSERT_TRUE(add(registry, d3).committed);  // each add opens the registry again: d3 is in the journal
    ASSERT_TRUE(add(registry, d4).committed) << "d4 rests on d3, which the journal holds";
    const ChangeResult repeated = add(registry, d5);
    EXPECT_FALSE(repeated.committed);
    Docs merged = base_documents();
    merged.push_back({"d3", d3});
    merged.push_back({"d4", d4});
    merged.push_back({"d5", d5});
    const auto expected = said(validate(merged), Severity::error);
    ASSERT_EQ(expected.size(), 1u);
    EXPECT_EQ(said(repeated.problems, Severity::error), expected);  // DUPLICATE_NUMBER with d3
    // A replacement of a journal's document goes the long way, and is one too.
    const std::string d3b = R"(    <document id="d3" kind="normative" number="某科发〔2020〕1号">
      <title>文件三（修订）</title>
      <issuer ref="kjj"/>
      <dates published="2020-01-01"/>
    </document>
)";
    ASSERT_TRUE(add(registry, d3b).committed);
    merged.pop_back();
    merged[3].second = d3b;
    expect_content(registry, merged);
}

TEST(RegistryChange, AnAuthorityIsAddedAndDocumentsMayNameItInTheSameFragment) {
    const std::string dir = test::scratch_dir("change_authority");
    const std::string registry = make_registry(dir, base_documents());
    Registry::Open open = Registry::open_for_changes(registry);
    ASSERT_TRUE(open);
    const std::string fragment = R"(<corpus xmlns="urn:normdoc:corpus:1">
  <authorities>
    <authority id="sfj" name="某市司法局" kind="department" level="municipal" parent="gov"/>
  </authorities>
  <documents>
    <document id="s1" kind="normative" number="某司发〔2021〕1号">
      <title>司法文件</title>
      <issuer ref="sfj"/>
      <dates published="2021-01-01"/>
    </document>
  </documents>
</corpus>
)";
    const ChangeResult change = open.registry->add(fragment, "f.xml");
    ASSERT_TRUE(change.committed) << (change.problems.empty() ? "" : to_string(change.problems[0]));
    EXPECT_TRUE(open.registry->corpus().find_authority("sfj").has_value());
    EXPECT_TRUE(open.registry->corpus().find_document("s1").has_value());
}

TEST(RegistryChange, AFragmentWithAProfileIsRefused) {
    const std::string dir = test::scratch_dir("change_profile");
    const std::string registry = make_registry(dir, base_documents());
    Registry::Open open = Registry::open_for_changes(registry);
    ASSERT_TRUE(open);
    const ChangeResult change = open.registry->add(
        "<corpus xmlns=\"urn:normdoc:corpus:1\">\n  <profile>\n    <validity years=\"3\"/>\n  </profile>\n</corpus>\n", "p.xml");
    EXPECT_FALSE(change.committed);
    ASSERT_FALSE(change.problems.empty());
    EXPECT_EQ(change.problems[0].file, "p.xml");
    EXPECT_EQ(open.registry->journal_records(), 0u);
}

TEST(RegistryChange, WithdrawingAReferencedDocumentIsTheUnknownRefValidateGivesWithoutIt) {
    const std::string dir = test::scratch_dir("change_withdraw_referenced");
    const std::string registry = make_registry(dir, base_documents());
    Registry::Open open = Registry::open_for_changes(registry);
    ASSERT_TRUE(open);
    const ChangeResult change = open.registry->withdraw(*open.registry->corpus().find_document("d1"));
    EXPECT_FALSE(change.committed);
    Docs without = base_documents();
    without.erase(without.begin() + 1);
    const auto expected = said(validate(without), Severity::error);
    ASSERT_EQ(expected.size(), 1u);
    EXPECT_NE(expected[0].find("d2"), std::string::npos);  // names the document that refers to it
    EXPECT_EQ(said(change.problems, Severity::error), expected);
    // About the registry's content: its name, no line.
    EXPECT_EQ(change.problems[0].file, registry);
    EXPECT_EQ(change.problems[0].line, 0u);
    // d2 refers to nothing else: it goes.
    const ChangeResult gone = open.registry->withdraw(*open.registry->corpus().find_document("d2"));
    EXPECT_TRUE(gone.committed);
    Docs after = base_documents();
    after.pop_back();
    expect_content(registry, after);
}

TEST(RegistryChange, ChangesSurviveReopeningAndCompaction) {
    const std::string dir = test::scratch_dir("change_reopen_compact");
    const std::string registry = make_registry(dir, base_documents());
    const std::string d3 = R"(    <document id="d3" kind="normative" number="某科发〔2020〕1号">
      <title>文件三</title>
      <issuer ref="kjj"/>
      <dates published="2020-01-01"/>
      <relations>
        <based-on ref="d2"/>
      </relations>
    </document>
)";
    ASSERT_TRUE(add(registry, d3).committed);
    Docs expected = base_documents();
    expected.push_back({"d3", d3});
    expect_content(registry, expected);
    EXPECT_EQ(journal_records(registry), 1u);
    {
        Registry::Open open = Registry::open_for_changes(registry);
        ASSERT_TRUE(open);
        open.registry->compact();
        EXPECT_EQ(open.registry->journal_records(), 0u);
        EXPECT_EQ(describe_difference(open.registry->corpus(), *read_corpus(corpus_xml(expected), "e.xml").corpus), "");
    }
    EXPECT_EQ(journal_records(registry), 0u);
    expect_content(registry, expected);
    // SPEC §12: only the registry's own files beside it.
    for (const auto& e : fs::directory_iterator(dir)) {
        const std::string n = e.path().filename().string();
        EXPECT_TRUE(n == "r.ndb" || n == "r.ndb-journal" || n == "r.ndb.lock") << n;
    }
}

TEST(RegistryChange, AReaderKeepsTheStateItOpenedWhileAWriterCommitsAndCompacts) {
    const std::string dir = test::scratch_dir("change_reader_view");
    const std::string registry = make_registry(dir, base_documents());
    const Registry::Open reader = Registry::open(registry);
    ASSERT_TRUE(reader);
    const std::string d3 = R"(    <document id="d3" kind="other">
      <title>文件三</title>
      <issuer ref="kjj"/>
    </document>
)";
    {
        Registry::Open writer = Registry::open_for_changes(registry);
        ASSERT_TRUE(writer);
        ASSERT_TRUE(writer.registry->add(fragment_xml(d3), "f.xml").committed);
        writer.registry->compact();
    }
    EXPECT_FALSE(reader.registry->corpus().find_document("d3").has_value());
    EXPECT_EQ(reader.registry->corpus().document_count(), 3u);
    const Registry::Open again = Registry::open(registry);
    ASSERT_TRUE(again);
    EXPECT_TRUE(again.registry->corpus().find_document("d3").has_value());
}

TEST(RegistryChange, ASecondWriterIsRefusedAsInUse) {
    const std::string dir = test::scratch_dir("change_second_writer");
    const std::string registry = make_registry(dir, base_documents());
    const Registry::Open first = Registry::open_for_changes(registry);
    ASSERT_TRUE(first);
    try {
        (void)Registry::open_for_changes(registry);
        FAIL() << "a second writer was let in";
    } catch (const IoError& e) {
        EXPECT_NE(std::string(e.what()).find("in use"), std::string::npos) << e.what();
    }
    // A reader is not a writer.
    EXPECT_TRUE(Registry::open(registry));
}

TEST(RegistryChange, AReaderCannotChange) {
    const std::string dir = test::scratch_dir("change_reader_cannot");
    const std::string registry = make_registry(dir, base_documents());
    Registry::Open reader = Registry::open(registry);
    ASSERT_TRUE(reader);
    EXPECT_THROW(reader.registry->add(fragment_xml(""), "f.xml"), std::logic_error);
}

TEST(RegistryChange, ATornLastRecordIsDroppedWithAWarningAndTheNextChangeFollowsTheLastWholeOne) {
    const std::string dir = test::scratch_dir("change_torn");
    const std::string registry = make_registry(dir, base_documents());
    const std::string d3 = R"(    <document id="d3" kind="other">
      <title>文件三</title>
      <issuer ref="kjj"/>
    </document>
)";
    const std::string d4 = R"(    <document id="d4" kind="other">
      <title>文件四</title>
      <issuer ref="kjj"/>
    </document>
)";
    ASSERT_TRUE(add(registry, d3).committed);
    const std::string journal = registry::journal_path(registry);
    const auto whole = fs::file_size(journal);
    ASSERT_TRUE(add(registry, d4).committed);
    // The second record cut short, as a crash in its write can leave it.
    fs::resize_file(journal, whole + (fs::file_size(journal) - whole) / 2);
    const Registry::Open open = Registry::open(registry);
    ASSERT_TRUE(open);
    const bool warned = std::any_of(open.problems.begin(), open.problems.end(),
                                    [](const Problem& p) { return p.code == ProblemCode::torn_journal && !p.is_error(); });
    EXPECT_TRUE(warned);
    Docs expected = base_documents();
    expected.push_back({"d3", d3});
    expect_content(registry, expected);
    ASSERT_TRUE(add(registry, d4).committed);
    expected.push_back({"d4", d4});
    expect_content(registry, expected);
    const Registry::Open clean = Registry::open(registry);
    ASSERT_TRUE(clean);
    EXPECT_EQ(clean.registry->journal_records(), 2u);
    EXPECT_TRUE(std::none_of(clean.problems.begin(), clean.problems.end(),
                             [](const Problem& p) { return p.code == ProblemCode::torn_journal; }));
}

TEST(RegistryChange, AJournalRecordThatDoesNotApplyIsCorruptSnapshot) {
    const std::string dir = test::scratch_dir("change_bad_record");
    const std::string registry = make_registry(dir, base_documents());
    {
        Registry::Open open = Registry::open_for_changes(registry);
        ASSERT_TRUE(open);
    }
    // A well-formed record (checksummed) holding a change the registry cannot take.
    const Registry::Open open = Registry::open(registry);
    ASSERT_TRUE(open);
    {
        const std::string journal = registry::journal_path(registry);
        const std::string bytes = test::read_text(journal);
        ASSERT_FALSE(bytes.empty());
        registry::JournalRead j = registry::read_journal(journal);
        ASSERT_TRUE(j.exists);
        test::write_file(journal, bytes + registry::journal_record(j.generation, bytes.size(), "Wno-such-document"));
    }
    const Registry::Open damaged = Registry::open(registry);
    EXPECT_FALSE(damaged);
    ASSERT_EQ(damaged.problems.size(), 1u);
    EXPECT_EQ(damaged.problems[0].code, ProblemCode::corrupt_snapshot);
    const LoadResult as_corpus = open_corpus(registry);
    EXPECT_FALSE(as_corpus.ok());
}

}  // namespace
}  // namespace normdoc
