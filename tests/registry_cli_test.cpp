// The registry snapshot from outside (SPEC §12): `compile` validates as `validate` does and writes
// nothing on an error; every command that takes a corpus takes the snapshot, told apart by its
// first bytes, with the same output to the byte (standard output, standard error, exit code) as
// on the corpus it came from; `decompile` gives back a corpus equal to the source; a damaged
// snapshot is exit 1 with CORRUPT_SNAPSHOT or BAD_VERSION, never an answer.
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#ifdef NORMDOC_CLI

namespace normdoc::test {
namespace {

namespace fs = std::filesystem;

const std::string k_example = std::string(NORMDOC_SOURCE_DIR) + "/examples/jiangyin.xml";

// A generated corpus with NOT_COMPETENT warnings (the generator makes 1/200 relations incompetent),
// made in the test's own directory: CTest runs each test in its own process, side by side, so a
// file shared between tests would be written by one while another reads it.
std::string generated_corpus(const std::string& dir) {
    const std::string file = dir + "/g.xml";
    const CliRun run = run_cli(dir, {"generate", "--documents", "6000", "--seed", "7", "-o", file});
    EXPECT_EQ(run.code, 0) << run.err;
    return file;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

// validate's problems without its summary line (the last): compile reports the problems only.
std::string without_summary(const std::string& err) {
    const std::size_t last = err.rfind('\n', err.size() >= 2 ? err.size() - 2 : 0);
    return last == std::string::npos ? std::string() : err.substr(0, last + 1);
}

std::string compile(const std::string& dir, const std::string& corpus) {
    const std::string registry = dir + "/r.ndb";
    const CliRun run = run_cli(dir, {"compile", corpus, "-o", registry});
    EXPECT_EQ(run.code, 0) << run.err;
    return registry;
}

// Runs `args` (with "@" standing for the corpus) on the XML and on its snapshot and expects the
// same exit code, standard output and standard error. The only difference allowed is the name of
// the file the user typed, where a command echoes it (validate's summary line).
void expect_same_on_both(const std::string& dir, const std::string& xml, const std::string& registry,
                         const std::vector<std::string>& args) {
    auto with = [&](const std::string& corpus) {
        std::vector<std::string> a;
        for (const std::string& s : args) a.push_back(s == "@" ? corpus : s);
        return a;
    };
    const CliRun on_xml = run_cli(dir, with(xml));
    const CliRun on_registry = run_cli(dir, with(registry));
    std::string joined;
    for (const std::string& s : args) joined += s + " ";
    EXPECT_EQ(on_xml.code, on_registry.code) << joined;
    EXPECT_EQ(on_xml.out, replace_all(on_registry.out, registry, xml)) << joined;
    EXPECT_EQ(on_xml.err, replace_all(on_registry.err, registry, xml)) << joined;
}

const std::vector<std::vector<std::string>>& every_query() {
    static const std::vector<std::vector<std::string>> queries = {
        {"validate", "@"},
        {"status", "@", "--as-of", "2018-11-30"},
        {"status", "@", "--as-of", "2018-11-30", "--format", "csv"},
        {"cleanup", "@", "--as-of", "2018-11-30"},
        {"cleanup", "@", "--as-of", "2018-11-30", "--format", "csv"},
        {"cleanup", "@", "--as-of", "2018-11-30", "--format", "xml"},
        {"cleanup", "@", "--as-of", "2018-11-30", "--scope", "jy-gov", "--format", "csv"},
        {"impact", "@", "cn-npc-1991-1", "--as-of", "2018-11-30", "--format", "csv"},
        {"graph", "@", "--as-of", "2018-11-30"},
        {"status", "@", "--as-of", "1800-01-01"},
        {"impact", "@", "no-such-document"},
    };
    return queries;
}

TEST(RegistryCompile, EveryCommandGivesTheSameOutputToTheByteOnTheExample) {
    const std::string dir = scratch_dir("registry_cli_same_example");
    const std::string registry = compile(dir, k_example);
    for (const auto& query : every_query()) expect_same_on_both(dir, k_example, registry, query);
}

TEST(RegistryCompile, EveryCommandGivesTheSameOutputToTheByteOnAGeneratedCorpusWithWarnings) {
    const std::string dir = scratch_dir("registry_cli_same_generated");
    const std::string xml = generated_corpus(dir);
    const CliRun validate = run_cli(dir, {"validate", xml});
    ASSERT_NE(validate.err.find("NOT_COMPETENT"), std::string::npos) << "the corpus must carry warnings";
    const std::string registry = compile(dir, xml);
    for (const auto& query : every_query()) expect_same_on_both(dir, xml, registry, query);
}

TEST(RegistryCompile, ReportsTheProblemsValidateReports) {
    const std::string dir = scratch_dir("registry_cli_compile_problems");
    const std::string xml = generated_corpus(dir);
    const CliRun validate = run_cli(dir, {"validate", xml});
    const CliRun compiled = run_cli(dir, {"compile", xml, "-o", dir + "/r.ndb"});
    EXPECT_EQ(compiled.code, 0);
    EXPECT_EQ(compiled.err, without_summary(validate.err));
}

TEST(RegistryCompile, TellsTheSnapshotByItsFirstBytesNotItsName) {
    const std::string dir = scratch_dir("registry_cli_by_magic");
    const std::string registry = compile(dir, k_example);
    const std::string renamed = dir + "/looks-like.xml";
    fs::copy_file(registry, renamed);
    expect_same_on_both(dir, k_example, renamed, {"cleanup", "@", "--as-of", "2018-11-30", "--format", "csv"});
}

TEST(RegistryCompile, ACorpusWithAnErrorIsExit1AndNothingIsWritten) {
    const std::string dir = scratch_dir("registry_cli_compile_error");
    const std::string corpus = dir + "/bad.xml";
    write_file(corpus,
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<corpus xmlns=\"urn:normdoc:corpus:1\">\n"
               "  <authorities><authority id=\"a\" name=\"A\" kind=\"government\" level=\"county\"/></authorities>\n"
               "  <documents><document id=\"d\" kind=\"normative\" number=\"A〔2018〕1号\"><title>T</title>"
               "<issuer ref=\"nobody\"/><dates published=\"2018-01-01\"/></document></documents>\n"
               "</corpus>\n");
    const CliRun validate = run_cli(dir, {"validate", corpus});
    ASSERT_EQ(validate.code, 1);
    const CliRun run = run_cli(dir, {"compile", corpus, "-o", dir + "/r.ndb"});
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(run.err, without_summary(validate.err));
    EXPECT_FALSE(fs::exists(dir + "/r.ndb"));
}

TEST(RegistryDecompile, GivesBackACorpusEqualToTheSource) {
    const std::string dir = scratch_dir("registry_cli_decompile");
    const std::string xml = generated_corpus(dir);
    const std::string registry = compile(dir, xml);
    const std::string back = dir + "/back.xml";
    const CliRun run = run_cli(dir, {"decompile", registry, "-o", back});
    ASSERT_EQ(run.code, 0) << run.err;
    // Equal (SPEC §7): the same answers to every query; the warnings name the new file's lines.
    for (const auto& query : every_query()) {
        if (query[0] == "validate") continue;
        auto with = [&](const std::string& corpus) {
            std::vector<std::string> a;
            for (const std::string& s : query) a.push_back(s == "@" ? corpus : s);
            return a;
        };
        const CliRun a = run_cli(dir, with(xml));
        const CliRun b = run_cli(dir, with(back));
        EXPECT_EQ(a.code, b.code);
        EXPECT_EQ(a.out, b.out) << query[0];
    }
    const CliRun a = run_cli(dir, {"validate", xml});
    const CliRun b = run_cli(dir, {"validate", back});
    EXPECT_EQ(replace_all(a.out, xml, back), b.out);
}

std::string bytes_of(const std::string& path) { return read_text(path); }

void expect_damaged(const std::string& dir, const std::string& file, const std::string& code) {
    const CliRun run = run_cli(dir, {"status", file, "--as-of", "2018-11-30"});
    EXPECT_EQ(run.code, 1) << run.err;
    EXPECT_TRUE(run.out.empty()) << "a damaged snapshot gives no answer";
    EXPECT_EQ(run.err.rfind(file + ": error: " + code + ": ", 0), 0u) << run.err;
}

TEST(RegistryHostile, ATruncatedSnapshotIsCorruptSnapshot) {
    const std::string dir = scratch_dir("registry_cli_truncated");
    const std::string whole = bytes_of(compile(dir, generated_corpus(dir)));
    for (const std::size_t keep : {std::size_t{16}, std::size_t{200}, whole.size() / 2, whole.size() - 1}) {
        const std::string file = dir + "/cut-" + std::to_string(keep) + ".ndb";
        write_file(file, whole.substr(0, keep));
        expect_damaged(dir, file, "CORRUPT_SNAPSHOT");
    }
}

TEST(RegistryHostile, AFlippedBitAnywhereAfterTheMagicIsCorruptOrBadVersion) {
    const std::string dir = scratch_dir("registry_cli_flipped");
    const std::string whole = bytes_of(compile(dir, k_example));
    // Bytes 8–15 are the byte-order mark and the format version (docs/registry-format.md): a flip
    // there is BAD_VERSION.
    for (std::size_t at = 8; at < whole.size(); at += whole.size() / 23 + 1) {
        std::string damaged = whole;
        damaged[at] = static_cast<char>(damaged[at] ^ 0x10);
        const std::string file = dir + "/flip-" + std::to_string(at) + ".ndb";
        write_file(file, damaged);
        expect_damaged(dir, file, at < 16 ? "BAD_VERSION" : "CORRUPT_SNAPSHOT");
    }
}

TEST(RegistryHostile, AnotherFormatVersionIsBadVersion) {
    const std::string dir = scratch_dir("registry_cli_version");
    std::string whole = bytes_of(compile(dir, k_example));
    whole[12] = 9;
    const std::string file = dir + "/v9.ndb";
    write_file(file, whole);
    expect_damaged(dir, file, "BAD_VERSION");
}

TEST(RegistryHostile, AZeroLengthFileIsNotAnswered) {
    const std::string dir = scratch_dir("registry_cli_zero");
    const std::string file = dir + "/empty.ndb";
    write_file(file, "");
    // Its first bytes are not a snapshot's: it is read as corpus XML (SPEC §12).
    const CliRun run = run_cli(dir, {"status", file});
    EXPECT_EQ(run.code, 1);
    EXPECT_NE(run.err.find("XML_SYNTAX"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace normdoc::test

#endif  // NORMDOC_CLI
