// SPEC §9 "Nothing is lost through Akoma Ntoso" (issue 13 item 4): export-akn then import-akn of
// the bundled example and of a generated corpus give back the same registry, so that status,
// cleanup and impact CSV (and the clean-up report for people) are the same to the byte; a failed export leaves no partial set; files
// without normdoc's record are read as any other Akoma Ntoso file.
#include "normdoc/akn.hpp"
#include "normdoc/atomic_file.hpp"
#include "normdoc/io.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <string>
#include <vector>

namespace normdoc {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> xml_files(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".xml") out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

std::string all_problems(const AknImportResult& r) {
    std::string out;
    for (const Problem& p : r.problems) out += to_string(p) + "\n";
    return out;
}

// ---- a failed export leaves nothing of the set --------------------------------------------------

// The real file system, except that the n-th write fails as a full disk does.
class FullDisk : public PosixFileSystem {
public:
    explicit FullDisk(int writes_before_failure) : left_(writes_before_failure) {}
    int write(int fd, const char* data, std::size_t size, std::size_t& written) override {
        if (left_-- <= 0) return ENOSPC;
        return PosixFileSystem::write(fd, data, size, written);
    }

private:
    int left_;
};

TEST(AknRoundTrip, AnExportThatFailsHalfWayLeavesNoPartialSetBehind) {
    const LoadResult loaded = read_corpus_file(std::string(NORMDOC_SOURCE_DIR) + "/examples/jiangyin.xml");
    ASSERT_TRUE(loaded.corpus);
    const std::string parent = test::scratch_dir("akn_export_full_disk");
    FullDisk disk(10);  // the eleventh file cannot be written
    EXPECT_THROW(export_akn(*loaded.corpus, parent + "/out", disk), IoError);
    EXPECT_FALSE(fs::exists(parent + "/out"));
    EXPECT_TRUE(fs::is_empty(parent)) << "the set written aside is removed";

    // into a directory that already holds a file: it keeps that file and gains nothing
    fs::create_directory(parent + "/full");
    test::write_file(parent + "/full/mine.txt", "mine");
    FullDisk again(10);
    EXPECT_THROW(export_akn(*loaded.corpus, parent + "/full", again), IoError);
    EXPECT_EQ(xml_files(parent + "/full").size(), 0u);
    EXPECT_EQ(test::read_text(parent + "/full/mine.txt"), "mine");
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(parent)) ++entries;
    EXPECT_EQ(entries, 1u);  // only "full"

    // and when the disk has room, the whole set is there
    const std::vector<std::string> names = export_akn(*loaded.corpus, parent + "/full");
    EXPECT_EQ(names.size(), loaded.corpus->document_count());
    EXPECT_EQ(xml_files(parent + "/full").size(), names.size());
    EXPECT_EQ(test::read_text(parent + "/full/mine.txt"), "mine");
}

// ---- files without the record: SPEC §9 as for any other tool's ----------------------------------

TEST(AknRoundTrip, FilesWithoutTheNormdocRecordAreReadAsSpec9Says) {
    const LoadResult loaded = read_corpus_file(std::string(NORMDOC_SOURCE_DIR) + "/examples/jiangyin.xml");
    ASSERT_TRUE(loaded.corpus);
    const Corpus& c = *loaded.corpus;
    const std::string dir = test::scratch_dir("akn_without_record");
    const std::vector<std::string> names = export_akn(c, dir + "/out");
    std::vector<AknSource> stripped;
    for (const std::string& name : names) {
        std::string xml = test::read_text(dir + "/out/" + name);
        const std::size_t begin = xml.find("      <proprietary"), end = xml.find("</proprietary>\n");
        ASSERT_NE(begin, std::string::npos);
        xml.erase(begin, end + 15 - begin);
        stripped.push_back({name, xml});
    }
    const AknImportResult r = import_akn_sources(stripped);
    ASSERT_TRUE(r.corpus) << all_problems(r);
    const Corpus& back = *r.corpus;
    EXPECT_EQ(back.document_count(), c.document_count());
    for (DocumentId id : c.documents()) {
        const Document x = c.document(id);
        const Document y = back.document(*back.find_document(x.id()));
        EXPECT_EQ(y.title(), x.title());
        EXPECT_EQ(y.number(), x.number());
        EXPECT_EQ(y.published(), x.published());
        EXPECT_FALSE(y.expires());  // no record: Akoma Ntoso's lifecycle says no expiry §9 reads
        for (AuthorityId a : y.issuers()) EXPECT_EQ(back.authority(a).kind(), AuthorityKind::other);  // §9: kind other
        // the relations §9 reads: repeals (textualMod repeal: repeals and supersedes) and amends
        std::vector<std::pair<std::string, RelationKind>> want, got;
        for (const Relation& rel : c.relations_from(id)) {
            if (rel.target == id) continue;
            if (is_repealing(rel.kind)) want.emplace_back(c.document(rel.target).id(), RelationKind::repeals);
            if (rel.kind == RelationKind::amends) want.emplace_back(c.document(rel.target).id(), RelationKind::amends);
        }
        for (const Relation& rel : back.relations_from(*back.find_document(x.id()))) got.emplace_back(back.document(rel.target).id(), rel.kind);
        std::sort(want.begin(), want.end());
        want.erase(std::unique(want.begin(), want.end()), want.end());
        std::sort(got.begin(), got.end());
        EXPECT_EQ(got, want) << x.id();
    }
}

// ---- in memory: every authority, named by a document or not ----------------------------------

TEST(AknRoundTrip, WriteAknFilesInMemoryGivesBackEveryAuthorityAndTheProfile) {
    const std::string xml =
        "<corpus xmlns=\"urn:normdoc:corpus:1\">\n<profile><validity years=\"3\" trial-years=\"1\"/></profile>\n<authorities>\n"
        "<authority id=\"gov\" name=\"Gov\" kind=\"government\" level=\"county\"/>\n"
        "<authority id=\"old\" name=\"Old office\" kind=\"department\" parent=\"gov\" abolished=\"2019-03-01\" successor=\"new\"/>\n"
        "<authority id=\"new\" name=\"New office\" kind=\"department\" parent=\"gov\"/>\n"
        "<authority id=\"lonely\" name=\"Named by no document\" kind=\"other\"/>\n</authorities>\n<documents>\n"
        "<document id=\"d1\" kind=\"normative\"><title>关于试行的通知</title><issuer ref=\"old\"/><subject>s</subject>"
        "<dates published=\"2018-01-01\" expires=\"2019-12-31\"/></document>\n"
        "<document id=\"d2\" kind=\"normative\"><title>T2</title><issuer ref=\"gov\"/><dates published=\"2019-01-01\"/>"
        "<relations><extends ref=\"d1\" until=\"2020-12-31\"/><declares-invalid ref=\"d1\" date=\"2021-01-01\"/></relations></document>\n"
        "</documents>\n</corpus>\n";
    const LoadResult loaded = read_corpus(xml, "c.xml");
    ASSERT_TRUE(loaded.corpus);
    const std::vector<AknSource> files = write_akn_files(*loaded.corpus);
    ASSERT_EQ(files.size(), 2u);
    EXPECT_EQ(files[0].name, "d1.xml");
    const AknImportResult r = import_akn_sources(files);
    ASSERT_TRUE(r.ok()) << all_problems(r);
    EXPECT_EQ(describe_difference(*loaded.corpus, *r.corpus), "");
    EXPECT_TRUE(r.corpus->profile() == loaded.corpus->profile());
    EXPECT_TRUE(r.corpus->find_authority("lonely"));
    // the same files in reverse order: still equal, documents and authorities in their order
    const AknImportResult reversed = import_akn_sources({files[1], files[0]});
    ASSERT_TRUE(reversed.ok()) << all_problems(reversed);
    EXPECT_EQ(describe_difference(*loaded.corpus, *reversed.corpus), "");
    EXPECT_EQ(reversed.corpus->document(*reversed.corpus->documents().begin()).id(), "d1");
    EXPECT_EQ(reversed.corpus->authority(*reversed.corpus->authorities().begin()).id(), "gov");
}

// ---- the record is preferred; a broken one is set aside with a warning ------------------------------

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    const std::size_t at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) s.replace(at, from.size(), to);
    return s;
}

TEST(AknRoundTrip, TheRecordIsPreferredToWhatTheRestOfTheFileSays) {
    const LoadResult loaded = read_corpus_file(std::string(NORMDOC_SOURCE_DIR) + "/examples/jiangyin.xml");
    ASSERT_TRUE(loaded.corpus);
    const DocumentId id = *loaded.corpus->find_document("jy-gov-2018-12");
    const std::string title(loaded.corpus->document(id).title());
    std::string xml = write_akn(*loaded.corpus, id);
    xml = replaced(xml, "<docTitle>" + title + "</docTitle>", "<docTitle>Another title</docTitle>");
    const AknImportResult r = import_akn_sources({{"a.xml", xml}});
    ASSERT_TRUE(r.corpus) << all_problems(r);
    EXPECT_EQ(r.corpus->document(*r.corpus->find_document("jy-gov-2018-12")).title(), title);
}

TEST(AknRoundTrip, ARecordThatCannotBeReadIsSetAsideWithAWarningAndTheFileReadAsSpec9Says) {
    const LoadResult loaded = read_corpus_file(std::string(NORMDOC_SOURCE_DIR) + "/examples/jiangyin.xml");
    ASSERT_TRUE(loaded.corpus);
    const DocumentId id = *loaded.corpus->find_document("jy-gov-2018-12");
    std::string xml = write_akn(*loaded.corpus, id);
    xml = replaced(xml, "<document id=\"jy-gov-2018-12\" kind=\"normative\"", "<document id=\"jy-gov-2018-12\" kind=\"no-such-kind\"");
    const AknImportResult r = import_akn_sources({{"a.xml", xml}});
    ASSERT_TRUE(r.corpus) << all_problems(r);
    const Problem* warned = nullptr;
    for (const Problem& p : r.problems)
        if (p.message.find("normdoc record") != std::string::npos) warned = &p;
    ASSERT_NE(warned, nullptr) << all_problems(r);
    EXPECT_EQ(warned->severity, Severity::warning);
    EXPECT_EQ(warned->code, ProblemCode::bad_value);
    const std::size_t record_line = static_cast<std::size_t>(std::count(xml.begin(), xml.begin() + static_cast<std::ptrdiff_t>(xml.find("<corpus ")), '\n')) + 1;
    EXPECT_EQ(warned->line, record_line);
    // read from the Akoma Ntoso elements: the kind from FRBRsubtype, authorities of kind other
    const Document back = r.corpus->document(*r.corpus->find_document("jy-gov-2018-12"));
    EXPECT_EQ(back.kind(), DocumentKind::normative);
    EXPECT_EQ(r.corpus->authority(back.issuers()[0]).kind(), AuthorityKind::other);
}

// ---- the registry through export and import, to the byte ----------------------------------------

#ifdef NORMDOC_CLI

struct Answers {
    std::vector<std::string> csv;
};

// status, cleanup and impact CSV of a corpus, for the given days, scopes and documents.
Answers answers(const std::string& dir, const std::string& corpus, const std::vector<std::string>& days,
                const std::vector<std::string>& scopes, const std::vector<std::string>& impact_of) {
    Answers out;
    auto run = [&](std::vector<std::string> args) {
        const test::CliRun r = test::run_cli(dir, args, test::time_limit(120));
        EXPECT_EQ(r.code, 0) << r.err;
        out.csv.push_back(r.out);
    };
    for (const std::string& day : days) {
        run({"status", corpus, "--as-of", day, "--format", "csv"});
        run({"cleanup", corpus, "--as-of", day, "--format", "csv"});
        for (const std::string& scope : scopes) {
            run({"cleanup", corpus, "--as-of", day, "--scope", scope, "--format", "csv"});
            // the report for people too: documents and authorities come back in their order
            run({"cleanup", corpus, "--as-of", day, "--scope", scope});
        }
        for (const std::string& doc : impact_of) run({"impact", corpus, doc, "--as-of", day, "--format", "csv"});
    }
    return out;
}

void round_trip(const std::string& dir, const std::string& corpus, const std::vector<std::string>& days,
                const std::vector<std::string>& scopes, const std::vector<std::string>& impact_of) {
    const test::CliRun exported = test::run_cli(dir, {"export-akn", corpus, "-o", dir + "/akn"}, test::time_limit(300));
    ASSERT_EQ(exported.code, 0) << exported.err;
    std::vector<std::string> args = {"import-akn"};
    for (const std::string& f : xml_files(dir + "/akn")) args.push_back(f);
    args.insert(args.end(), {"-o", dir + "/back.xml"});
    const test::CliRun imported = test::run_cli(dir, args, test::time_limit(300));
    ASSERT_EQ(imported.code, 0) << imported.err;

    // SPEC §7 equality, and the answers to the byte
    const LoadResult a = read_corpus_file(corpus), b = read_corpus_file(dir + "/back.xml");
    ASSERT_TRUE(a.corpus && b.corpus);
    EXPECT_EQ(describe_difference(*a.corpus, *b.corpus), "");
    EXPECT_TRUE(a.corpus->profile() == b.corpus->profile());
    const Answers before = answers(dir, corpus, days, scopes, impact_of);
    const Answers after = answers(dir, dir + "/back.xml", days, scopes, impact_of);
    ASSERT_EQ(before.csv.size(), after.csv.size());
    for (std::size_t i = 0; i < before.csv.size(); ++i) {
        EXPECT_FALSE(before.csv[i].empty());
        EXPECT_EQ(before.csv[i], after.csv[i]) << "answer " << i;
    }
}

TEST(AknRoundTripCli, AnExportThatCannotBeWrittenIsExit3AndLeavesNothing) {
    const std::string dir = test::scratch_dir("akn_round_trip_exit3");
    const std::string example = std::string(NORMDOC_SOURCE_DIR) + "/examples/jiangyin.xml";
    const test::CliRun no_parent = test::run_cli(dir, {"export-akn", example, "-o", dir + "/missing/out"});
    EXPECT_EQ(no_parent.code, 3) << no_parent.err;
    test::write_file(dir + "/file", "not a directory");
    const test::CliRun not_dir = test::run_cli(dir, {"export-akn", example, "-o", dir + "/file"});
    EXPECT_EQ(not_dir.code, 3) << not_dir.err;
    EXPECT_EQ(test::read_text(dir + "/file"), "not a directory");
    std::vector<std::string> left;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string()[0] != '.' || e.path().filename().string().find("export") != std::string::npos)
            left.push_back(e.path().filename().string());
    EXPECT_EQ(left, std::vector<std::string>{"file"});  // nothing written aside is left
}

TEST(AknRoundTripCli, TheBundledExampleGivesTheSameStatusCleanupAndImpactToTheByte) {
    const std::string dir = test::scratch_dir("akn_round_trip_example");
    // the example's cleanup of jy-kjj as of 2018-11-30 (issue 13), and other days and scopes
    round_trip(dir, std::string(NORMDOC_SOURCE_DIR) + "/examples/jiangyin.xml", {"2018-11-30", "2016-01-01", "2024-06-30"},
               {"jy-kjj", "jy-gov"}, {"prc-law-2015-32", "jy-gov-2018-12", "js-gov-2016-107"});
}

TEST(AknRoundTripCli, AGeneratedCorpusGivesTheSameStatusCleanupAndImpactToTheByte) {
    const std::string dir = test::scratch_dir("akn_round_trip_generated");
    const test::CliRun gen = test::run_cli(dir, {"generate", "--documents", "2000", "--seed", "5", "-o", dir + "/gen.xml"});
    ASSERT_EQ(gen.code, 0) << gen.err;
    const LoadResult loaded = read_corpus_file(dir + "/gen.xml");
    ASSERT_TRUE(loaded.corpus);
    // a few documents with dependents, and a scope: the first issuer of the first document
    std::vector<std::string> targets;
    for (DocumentId id : loaded.corpus->documents()) {
        if (targets.size() == 3) break;
        if (loaded.corpus->relations_to(id).size() > 2) targets.emplace_back(loaded.corpus->document(id).id());
    }
    const Document first = loaded.corpus->document(*loaded.corpus->documents().begin());
    const std::string scope(loaded.corpus->authority(first.issuers()[0]).id());
    round_trip(dir, dir + "/gen.xml", {"2018-11-30", "2023-06-30"}, {scope}, targets);
}

#endif  // NORMDOC_CLI

}  // namespace
}  // namespace normdoc
