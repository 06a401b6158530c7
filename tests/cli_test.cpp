// SPEC §10: the command line, run as a user runs it (the built binary, NORMDOC_CLI), with its
// standard output, standard error and exit code captured. Also the CLI's own text helpers (CSV
// quoting, display width), compiled in from src/cli/.
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <sys/stat.h>

// The helpers are small and self-contained; compiling them in keeps them testable without a
// library of their own.
#include "../src/cli/csv.cpp"
#include "../src/cli/table.cpp"

namespace normdoc {
namespace {

namespace fs = std::filesystem;
using test::read_text;
using test::scratch_dir;

#ifdef NORMDOC_CLI

using test::CliOptions;
using test::CliRun;
using test::run_cli;
using test::write_file;

std::size_t line_count(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

// A valid corpus with ids that sort differently by bytes than by case-folding, an id that needs
// CSV quoting, a document without a last day, an amended one and an expired one.
const char* const k_small_corpus = R"(<?xml version="1.0" encoding="UTF-8"?>
<corpus xmlns="urn:normdoc:corpus:1">
  <authorities>
    <authority id="jy-gov" name="江阴市人民政府" kind="government" level="county"/>
    <authority id="jy-kjj" name="江阴市科学技术局" kind="department" level="county" parent="jy-gov"/>
  </authorities>
  <documents>
    <document id="law-2015" kind="law">
      <title>中华人民共和国促进科技成果转化法</title>
      <issuer ref="jy-gov"/>
      <dates published="2015-08-29"/>
    </document>
    <document id="jy-gov-2018-12" kind="normative" number="澄政发〔2018〕12号">
      <title>关于加快推进全市技术转移体系建设的实施意见</title>
      <issuer ref="jy-gov"/>
      <drafter ref="jy-kjj"/>
      <dates published="2018-05-10" effective="2018-06-01"/>
      <relations><based-on ref="law-2015"/></relations>
    </document>
    <document id="Jy-kjj-2018-7" kind="normative" number="澄科发〔2018〕7号">
      <title>“澄科贷”工作操作规范（试行）</title>
      <issuer ref="jy-kjj"/><issuer ref="jy-gov"/>
      <dates published="2018-08-20" effective="2018-09-01"/>
      <relations><amends ref="jy-gov-2018-12" date="2018-09-01"/></relations>
    </document>
    <document id="kjj,&quot;2015&quot;" kind="normative">
      <title>江阴市科技计划项目管理办法（暂行）</title>
      <issuer ref="jy-kjj"/>
      <dates published="2015-03-01"/>
    </document>
  </documents>
</corpus>
)";

const char* const k_small_status_csv =
    "id,status,last_day,amended\n"
    "Jy-kjj-2018-7,in-force,2020-08-31,no\n"
    "jy-gov-2018-12,in-force,2023-05-31,yes\n"
    "\"kjj,\"\"2015\"\"\",expired,2017-02-28,no\n"
    "law-2015,in-force,,no\n";

class Cli : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir_ = scratch_dir(std::string("cli/") + info->name());
        write_file(dir_ + "/small.xml", k_small_corpus);
    }
    CliRun run(const std::vector<std::string>& args, const std::string& stdout_path = {}) const {
        CliOptions options;
        options.stdout_path = stdout_path;
        return run_cli(dir_, args, options);
    }
    std::string dir_;
};

// ---- help and version ------------------------------------------------------------------------

TEST_F(Cli, HelpExitsZeroAndListsTheCommands) {
    const CliRun r = run({"--help"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("validate"), std::string::npos);
    EXPECT_NE(r.out.find("status"), std::string::npos);
    EXPECT_NE(r.out.find("exit codes"), std::string::npos);
    EXPECT_EQ(r.err, "");
}

TEST_F(Cli, CommandHelpShowsItsOptionsAndExitsZero) {
    const CliRun r = run({"status", "--help"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("usage: normdoc status CORPUS"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("--as-of"), std::string::npos);
    EXPECT_NE(r.out.find("text|csv"), std::string::npos);
    EXPECT_EQ(run({"help", "validate"}).code, 0);
}

TEST_F(Cli, VersionPrintsTheProjectVersion) {
    const CliRun r = run({"--version"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, std::string("normdoc ") + NORMDOC_VERSION_FROM_CMAKE + "\n");
}

// ---- usage errors: exit 2, one line naming the problem ---------------------------------------

TEST_F(Cli, NoCommandIsAUsageError) {
    const CliRun r = run({});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(line_count(r.err), 1u) << r.err;
}

TEST_F(Cli, UnknownCommandIsAUsageErrorNamingIt) {
    const CliRun r = run({"frobnicate", "small.xml"});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(line_count(r.err), 1u) << r.err;
    EXPECT_NE(r.err.find("frobnicate"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
}

TEST_F(Cli, UnknownOptionIsAUsageErrorNamingIt) {
    const CliRun r = run({"status", "small.xml", "--bogus"});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(line_count(r.err), 1u) << r.err;
    EXPECT_NE(r.err.find("--bogus"), std::string::npos) << r.err;
}

TEST_F(Cli, BadAsOfIsAUsageErrorNamingTheDate) {
    for (const char* bad : {"2018-02-30", "2018-2-3", "30/11/2018", "1899-12-31"}) {
        const CliRun r = run({"status", "small.xml", "--as-of", bad});
        EXPECT_EQ(r.code, 2) << bad;
        EXPECT_EQ(line_count(r.err), 1u) << r.err;
        EXPECT_NE(r.err.find(bad), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("--as-of"), std::string::npos) << r.err;
    }
}

TEST_F(Cli, BadDateIsReportedBeforeTheCorpusIsRead) {
    const CliRun r = run({"status", "no-such-file.xml", "--as-of=2018-13-01"});
    EXPECT_EQ(r.code, 2) << r.err;
}

TEST_F(Cli, MissingArgumentIsAUsageErrorNamingIt) {
    const CliRun r = run({"status"});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(line_count(r.err), 1u) << r.err;
    EXPECT_NE(r.err.find("CORPUS"), std::string::npos) << r.err;
}

TEST_F(Cli, MissingOptionValueIsAUsageError) {
    EXPECT_EQ(run({"status", "small.xml", "--as-of"}).code, 2);
    EXPECT_EQ(run({"status", "small.xml", "-o"}).code, 2);
}

TEST_F(Cli, ExtraArgumentIsAUsageError) { EXPECT_EQ(run({"status", "small.xml", "other.xml"}).code, 2); }

TEST_F(Cli, FormatACommandDoesNotWriteIsAUsageError) {
    const CliRun r = run({"status", "small.xml", "--format", "xml"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("xml"), std::string::npos) << r.err;
}

TEST_F(Cli, AnOptionGivenTwiceIsAUsageError) {
    EXPECT_EQ(run({"status", "small.xml", "--as-of", "2018-11-30", "--as-of=2019-01-01"}).code, 2);
}

TEST_F(Cli, AnAuthorityIdTheCorpusDoesNotHoldIsAUsageError) {
    const CliRun r = run({"cleanup", "small.xml", "--as-of", "2018-11-30", "--scope", "jy-nobody"});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(line_count(r.err), 1u) << r.err;
    EXPECT_NE(r.err.find("jy-nobody"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
}

TEST_F(Cli, ADocumentIdTheCorpusDoesNotHoldIsAUsageError) {
    const CliRun r = run({"impact", "small.xml", "no-such-doc", "--as-of", "2018-11-30"});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(line_count(r.err), 1u) << r.err;
    EXPECT_NE(r.err.find("no-such-doc"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
}

// ---- files: exit 3 ---------------------------------------------------------------------------

TEST_F(Cli, MissingCorpusFileIsExit3NamingThePath) {
    const CliRun r = run({"status", "no-such-file.xml", "--as-of", "2018-11-30"});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("no-such-file.xml"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
}

TEST_F(Cli, ValidateOfAMissingFileIsExit3) { EXPECT_EQ(run({"validate", "no-such-file.xml"}).code, 3); }

// ---- invalid corpus: exit 1, problems on standard error, never queried -----------------------

TEST_F(Cli, InvalidCorpusIsExit1WithTheProblemLine) {
    std::string text = k_small_corpus;
    text.replace(text.find("ref=\"law-2015\""), 14, "ref=\"law-2016\"");
    write_file(dir_ + "/bad.xml", text);
    const CliRun v = run({"validate", "bad.xml"});
    EXPECT_EQ(v.code, 1);
    EXPECT_NE(v.err.find("bad.xml:18: error: UNKNOWN_REF: "), std::string::npos) << v.err;

    const CliRun s = run({"status", "bad.xml", "--as-of", "2018-11-30", "--format", "csv"});
    EXPECT_EQ(s.code, 1);
    EXPECT_NE(s.err.find("bad.xml:18: error: UNKNOWN_REF: "), std::string::npos) << s.err;
    EXPECT_EQ(s.out, "") << "an invalid corpus is never queried";
}

TEST_F(Cli, ProblemsAreReportedInLineOrder) {
    std::string text = k_small_corpus;
    text.replace(text.find("ref=\"law-2015\""), 14, "ref=\"law-2016\"");         // line 18
    text.replace(text.find("kind=\"law\""), 10, "kind=\"statute\"");             // line 8
    write_file(dir_ + "/bad.xml", text);
    const CliRun v = run({"validate", "bad.xml"});
    EXPECT_EQ(v.code, 1);
    const auto first = v.err.find("bad.xml:8: error: BAD_VALUE");
    const auto second = v.err.find("bad.xml:18: error: UNKNOWN_REF");
    ASSERT_NE(first, std::string::npos) << v.err;
    ASSERT_NE(second, std::string::npos) << v.err;
    EXPECT_LT(first, second);
}

TEST_F(Cli, ValidateOfAValidCorpusIsExit0WithASummary) {
    const CliRun r = run({"validate", "small.xml"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.err, "small.xml: 4 documents, 2 authorities, 0 errors, 0 warnings\n");
    EXPECT_EQ(r.out, "");
}

TEST_F(Cli, WarningsArePrintedButDoNotFailTheCommand) {
    std::string text = k_small_corpus;
    text.replace(text.find("〔2018〕12号"), std::string("〔2018〕12号").size(), "〔2017〕12号");  // line 13
    write_file(dir_ + "/warn.xml", text);
    const CliRun v = run({"validate", "warn.xml"});
    EXPECT_EQ(v.code, 0) << v.err;
    EXPECT_NE(v.err.find("warn.xml:13: warning: NUMBER_YEAR_MISMATCH: "), std::string::npos) << v.err;
    const CliRun s = run({"status", "warn.xml", "--as-of", "2018-11-30", "--format", "csv"});
    EXPECT_EQ(s.code, 0) << s.err;
    EXPECT_NE(s.err.find("NUMBER_YEAR_MISMATCH"), std::string::npos) << s.err;
    EXPECT_EQ(s.out, k_small_status_csv);
}

// ---- status ----------------------------------------------------------------------------------

TEST_F(Cli, StatusCsvIsExactlyTheSpecifiedBytes) {
    const CliRun r = run({"status", "small.xml", "--as-of", "2018-11-30", "--format", "csv"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, k_small_status_csv);
    EXPECT_EQ(r.err, "");
}

TEST_F(Cli, OptionValuesMayFollowAnEqualsSign) {
    const CliRun r = run({"status", "--format=csv", "--as-of=2018-11-30", "small.xml"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, k_small_status_csv);
}

TEST_F(Cli, DoubleDashEndsTheOptions) {
    write_file(dir_ + "/--odd.xml", k_small_corpus);
    const CliRun r = run({"status", "--as-of", "2018-11-30", "--format", "csv", "--", "--odd.xml"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, k_small_status_csv);
}

TEST_F(Cli, AsOfDefaultsToToday) {
    // Published in 2015 and without a last day: in force today. A 2190 document is a draft today.
    std::string text = k_small_corpus;
    text.replace(text.find("published=\"2018-05-10\" effective=\"2018-06-01\""), 45,
                 "published=\"2190-05-10\" effective=\"2190-06-01\"");
    text.replace(text.find("〔2018〕12号"), std::string("〔2018〕12号").size(), "〔2190〕12号");
    write_file(dir_ + "/future.xml", text);
    const CliRun r = run({"status", "future.xml", "--format", "csv"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("\nlaw-2015,in-force,,no\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\njy-gov-2018-12,draft,"), std::string::npos) << r.out;
}

TEST_F(Cli, StatusToAFileWritesItAndNothingToStandardOutput) {
    const CliRun r = run({"status", "small.xml", "--as-of", "2018-11-30", "--format", "csv", "-o", "out.csv"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(read_text(dir_ + "/out.csv"), k_small_status_csv);
}

TEST_F(Cli, StatusToAFileReplacesAnExistingOneWhole) {
    write_file(dir_ + "/out.csv", std::string(100000, 'x'));
    const CliRun r = run({"status", "small.xml", "--as-of", "2018-11-30", "--format=csv", "--output=out.csv"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(read_text(dir_ + "/out.csv"), k_small_status_csv);
    // Nothing left beside it.
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(dir_)) files += entry.path().filename().string().rfind("out.csv", 0) == 0;
    EXPECT_EQ(files, 1u);
}

TEST_F(Cli, OutputToADeviceIsRefusedWithExit3AndTheDeviceIsKept) {
    const CliRun r = run({"status", "small.xml", "--as-of", "2018-11-30", "-o", "/dev/full"});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("/dev/full"), std::string::npos) << r.err;
    struct stat st {};
    ASSERT_EQ(::stat("/dev/full", &st), 0);
    EXPECT_TRUE(S_ISCHR(st.st_mode)) << "/dev/full was replaced";
}

TEST_F(Cli, OutputIntoAMissingDirectoryIsExit3) {
    const CliRun r = run({"status", "small.xml", "--as-of", "2018-11-30", "-o", "no/such/dir/out.csv"});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("no/such/dir/out.csv"), std::string::npos) << r.err;
}

TEST_F(Cli, OutputOntoADirectoryIsExit3) {
    fs::create_directories(dir_ + "/adir");
    EXPECT_EQ(run({"status", "small.xml", "--as-of", "2018-11-30", "-o", "adir"}).code, 3);
    EXPECT_TRUE(fs::is_directory(dir_ + "/adir"));
}

TEST_F(Cli, AFullStandardOutputIsExit3) {
    const CliRun r = run({"status", "small.xml", "--as-of", "2018-11-30", "--format", "csv"}, "/dev/full");
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("standard output"), std::string::npos) << r.err;
}

// Columns: ASCII 1, every multi-byte character of this corpus (CJK, “”, （）, 〔〕) 2.
std::size_t columns(std::string_view text) {
    std::size_t width = 0;
    for (unsigned char c : text) width += c < 0x80 ? 1 : (c & 0xC0) == 0xC0 ? 2 : 0;
    return width;
}

TEST_F(Cli, StatusTextColumnsStayAlignedWithChineseText) {
    const CliRun r = run({"status", "small.xml", "--as-of", "2018-11-30", "--lang", "en"});
    EXPECT_EQ(r.code, 0) << r.err;
    std::istringstream lines(r.out);
    std::string line;
    std::vector<std::size_t> status_column;
    while (std::getline(lines, line) && !line.empty()) {
        const std::size_t at = line.find("  in force") != std::string::npos ? line.find("  in force")
                             : line.find("  expired") != std::string::npos ? line.find("  expired")
                                                                            : line.find("  STATUS");
        ASSERT_NE(at, std::string::npos) << line;
        status_column.push_back(columns(line.substr(0, at)));
        EXPECT_NE(line.back(), ' ') << "trailing blanks: " << line;
    }
    ASSERT_EQ(status_column.size(), 5u) << r.out;  // header + 4 documents
    for (std::size_t c : status_column) EXPECT_EQ(c, status_column.front()) << r.out;
    EXPECT_NE(r.out.find("澄政发〔2018〕12号"), std::string::npos);
}

TEST_F(Cli, StatusTextTruncatesLongTitlesWithAnEllipsis) {
    std::string text = k_small_corpus;
    const std::string long_title = "关于加快推进全市技术转移体系建设的实施意见关于加快推进全市技术转移体系建设的实施意见";
    text.replace(text.find("关于加快推进全市技术转移体系建设的实施意见"),
                 std::string("关于加快推进全市技术转移体系建设的实施意见").size(), long_title);
    write_file(dir_ + "/long.xml", text);
    const CliRun r = run({"status", "long.xml", "--as-of", "2018-11-30"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out.find(long_title), std::string::npos);
    EXPECT_NE(r.out.find("…  "), std::string::npos) << r.out;  // the title column is followed by others
}

#else
TEST(Cli, NotBuilt) { GTEST_SKIP() << "NORMDOC_BUILD_CLI is off"; }
#endif

// ---- the CLI's text helpers ------------------------------------------------------------------

TEST(CsvField, IsQuotedOnlyWhenItHoldsACommaQuoteCrOrLf) {
    using cli::csv_field;
    EXPECT_EQ(csv_field("plain"), "plain");
    EXPECT_EQ(csv_field(""), "");
    EXPECT_EQ(csv_field("澄政发〔2018〕12号"), "澄政发〔2018〕12号");
    EXPECT_EQ(csv_field(" spaced "), " spaced ");
    EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
    EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csv_field("a\nb"), "\"a\nb\"");
    EXPECT_EQ(csv_field("a\rb"), "\"a\rb\"");
}

TEST(CsvWriter, SeparatesWithCommasAndEndsRowsWithLf) {
    std::ostringstream out;
    cli::CsvWriter csv(out);
    csv.row({"id", "findings"});
    csv.field("a,1").field(cli::join_sorted({"NO_CONSULTATION", "EXPIRING"})).end_row();
    EXPECT_EQ(out.str(), "id,findings\n\"a,1\",EXPIRING;NO_CONSULTATION\n");
}

TEST(CsvWriter, AnEmptyFieldStillTakesItsPlace) {
    std::ostringstream out;
    cli::CsvWriter csv(out);
    csv.field("").field("x").field("").end_row();
    csv.field("y").end_row();
    EXPECT_EQ(out.str(), ",x,\ny\n");
}

TEST(DisplayWidth, CountsWideAndFullwidthCharactersAsTwoColumns) {
    using cli::display_width;
    EXPECT_EQ(display_width("abc"), 3u);
    EXPECT_EQ(display_width("江阴市"), 6u);
    EXPECT_EQ(display_width("〔2018〕"), 8u);
    EXPECT_EQ(display_width("（试行）"), 8u);
    EXPECT_EQ(display_width("“澄科贷”"), 10u);
    EXPECT_EQ(display_width("ＡＢ"), 4u);    // fullwidth Latin
    EXPECT_EQ(display_width("한국"), 4u);    // Hangul
    EXPECT_EQ(display_width("かな"), 4u);    // kana
    EXPECT_EQ(display_width("𠀀"), 2u);      // CJK Extension B (4-byte UTF-8)
}

TEST(DisplayWidth, CountsCombiningMarksAsZero) {
    EXPECT_EQ(cli::display_width("e\xCC\x81"), 1u);  // e + U+0301
    EXPECT_EQ(cli::display_width("a\xE2\x80\x8B" "b"), 2u);  // zero-width space
}

TEST(DisplayWidth, CountsEachMalformedByteAsOneColumn) {
    EXPECT_EQ(cli::display_width("\xFF"), 1u);
    EXPECT_EQ(cli::display_width("\xE6\xB1"), 2u);        // a truncated 3-byte sequence
    EXPECT_EQ(cli::display_width("\xC0\xAF"), 2u);        // overlong '/'
    EXPECT_EQ(cli::display_width("\xED\xA0\x80"), 3u);    // a UTF-16 surrogate
}

TEST(TruncateToWidth, EndsInAnEllipsisWithinTheWidth) {
    using cli::display_width;
    using cli::truncate_to_width;
    EXPECT_EQ(truncate_to_width("short", 10), "short");
    EXPECT_EQ(truncate_to_width("江阴市科学技术局", 16), "江阴市科学技术局");
    const std::string cut = truncate_to_width("江阴市科学技术局", 9);
    EXPECT_EQ(cut, "江阴市…");  // 6 + 2 columns; a fourth character would make 10
    EXPECT_LE(display_width(cut), 9u);
    EXPECT_EQ(truncate_to_width("abcdefghij", 5), "abc…");
}

TEST(TruncateToWidth, KeepsCombiningMarksWithTheirBase) {
    EXPECT_EQ(cli::truncate_to_width("e\xCC\x81" "fghij", 4), "e\xCC\x81" "f…");
}

TEST(TextTable, AlignsByDisplayWidthWithoutTrailingBlanks) {
    cli::TextTable table({{"ID"}, {"N", cli::Align::right}, {"TITLE"}});
    table.add_row({"a", "1", "江阴"});
    table.add_row({"江阴市", "100", "x"});
    table.add_row({"b", "22", ""});
    std::ostringstream out;
    table.write(out);
    EXPECT_EQ(out.str(),
              "ID        N  TITLE\n"
              "a         1  江阴\n"
              "江阴市  100  x\n"
              "b        22\n");
}

TEST(TextTable, ShowsLineBreaksInACellAsSpaces) {
    cli::TextTable table({{"ID"}, {"TITLE"}});
    table.add_row({"a\tb", "line one\nline two"});
    std::ostringstream out;
    table.write(out);
    EXPECT_EQ(out.str(),
              "ID   TITLE\n"
              "a b  line one line two\n");
}

}  // namespace
}  // namespace normdoc
