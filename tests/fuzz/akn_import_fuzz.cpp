// libFuzzer harness: the Akoma Ntoso importer (SPEC §9, src/xml/akn_*.cpp, src/encoding.cpp)
// and, on what it accepts, the exporter.
//
// The input is cut at each "\n%%\n" into up to four files, imported together with one fixed good
// file that the others may name (so relations, duplicates and cycles across files are reached).
//
// Oracles:
// - import_akn_sources never throws and never crashes;
// - every problem names one of the files and a line inside it; problems come by file in the
//   order given, each file's in line order;
// - files_failed counts exactly the files with an error of their own (the validator's rounds
//   aside), and there is a corpus whenever some document was left;
// - the corpus exports, and importing the export gives back an equal corpus for the fields §9
//   lists, without any error.
#include "normdoc/akn.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace {

void check(bool ok, const char* what, const std::string& detail = {}) {
    if (!ok) {
        std::fprintf(stderr, "akn_import_fuzz: broken: %s\n%s\n", what, detail.c_str());
        std::abort();
    }
}

std::string describe(const std::vector<normdoc::Problem>& problems) {
    std::string out;
    for (const auto& p : problems) out += normdoc::to_string(p) + "\n";
    return out;
}

const char k_target[] =
    "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><act><meta>\n"
    "<identification source=\"#g\"><FRBRWork><FRBRthis value=\"/akn/xx/act/2020/1/!main\"/>\n"
    "<FRBRuri value=\"/akn/xx/act/2020/1\"/><FRBRdate date=\"2020-01-15\" name=\"g\"/>\n"
    "<FRBRauthor href=\"#g\"/><FRBRnumber value=\"1\"/></FRBRWork></identification>\n"
    "<references source=\"#g\"><TLCOrganization eId=\"g\" href=\"/o/g\" showAs=\"G\"/></references>\n"
    "</meta><preface><p><docTitle>Target</docTitle></p></preface><body/></act></akomaNtoso>\n";

// SPEC §9 "Nothing is lost through Akoma Ntoso": an import of an export is equal (§7) to the
// corpus exported, profile included.
std::string difference(const normdoc::Corpus& a, const normdoc::Corpus& b) {
    std::string diff = normdoc::describe_difference(a, b);
    if (diff.empty() && !(a.profile() == b.profile())) diff = "profile";
    return diff;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace normdoc;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    std::vector<AknSource> sources;
    std::size_t start = 0;
    while (sources.size() < 4) {
        const std::size_t cut = input.find("\n%%\n", start);
        sources.push_back({"f" + std::to_string(sources.size()) + ".xml", std::string(input.substr(start, cut - start))});
        if (cut == std::string_view::npos) break;
        start = cut + 4;
    }
    sources.push_back({"target.xml", k_target});

    const AknImportResult r = import_akn_sources(sources);

    // Problems: known files, lines inside them, by file then line.
    std::size_t file_index = 0;
    std::size_t last_line = 0;
    std::vector<bool> has_error(sources.size(), false);
    for (const Problem& p : r.problems) {
        std::size_t f = file_index;
        while (f < sources.size() && sources[f].name != p.file) ++f;
        check(f < sources.size(), "every problem names a file, in the order given", describe(r.problems));
        if (f != file_index) last_line = 0;
        file_index = f;
        const std::string& text = sources[f].content;
        const std::size_t lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
        check(p.line >= 1 && p.line <= lines, "every problem has a line inside its file", describe(r.problems));
        check(p.line >= last_line, "each file's problems in line order", describe(r.problems));
        check(!p.message.empty(), "every problem says something");
        last_line = p.line;
        if (p.is_error()) has_error[f] = true;
    }
    check(!has_error.back(), "the good target file has no error", describe(r.problems));
    const std::size_t files_with_errors = static_cast<std::size_t>(std::count(has_error.begin(), has_error.end(), true));
    check(r.files_failed == files_with_errors, "files_failed counts the files with errors", describe(r.problems));
    check(r.files_read == sources.size(), "every source is read");
    check(r.corpus.has_value(), "the target file is always left, so there is a corpus", describe(r.problems));

    // Export, import again: the same corpus for the fields of SPEC §9.
    const std::vector<AknSource> exported = write_akn_files(*r.corpus);
    const AknImportResult again = import_akn_sources(exported);
    check(again.corpus.has_value() && again.files_failed == 0, "an export imports", describe(again.problems));
    check(!has_errors(again.problems), "an export imports without error", describe(again.problems));
    const std::string diff = difference(*r.corpus, *again.corpus);
    check(diff.empty(), "import(export(c)) == c (SPEC §7 equality)", diff + "\n" + exported.front().content);
    return 0;
}
