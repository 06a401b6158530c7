// libFuzzer harness: the corpus XML reader (SPEC §7, src/xml/corpus_reader.cpp) and, on what it
// accepts, the writer, status, clean-up and impact.
//
// Oracles:
// - read_corpus never throws and never crashes; it gives a corpus exactly when it reports no
//   error; every problem names the file and a line inside it, in line order;
// - reading in small slices (the path of large files) gives the same problems (the wording of an
//   XML_SYNTAX message aside) and an equal corpus;
// - write → read gives an equal corpus without problems (SPEC §7 round trip), and writing is
//   deterministic;
// - the queries on an accepted corpus do not fail.
#include "normdoc/cleanup.hpp"
#include "normdoc/impact.hpp"
#include "normdoc/io.hpp"
#include "normdoc/status.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

void check(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "corpus_fuzz: broken: %s\n", what);
        std::abort();
    }
}

std::string describe(const std::vector<normdoc::Problem>& problems) {
    std::string out;
    for (const auto& p : problems) out += normdoc::to_string(p) + "\n";
    return out;
}

// What the slices must agree on: every problem's line, severity, code and, except for
// XML_SYNTAX (where the two paths may word pugixml's complaint differently, the line being the
// same), its message.
std::string essence(const std::vector<normdoc::Problem>& problems) {
    std::string out;
    for (normdoc::Problem p : problems) {
        if (p.code == normdoc::ProblemCode::xml_syntax) p.message.clear();
        out += normdoc::to_string(p) + "\n";
    }
    return out;
}

void check_problems(const normdoc::LoadResult& r, std::string_view xml) {
    const std::size_t lines = static_cast<std::size_t>(std::count(xml.begin(), xml.end(), '\n')) + 1;
    check(r.ok() == !normdoc::has_errors(r.problems), "a corpus exactly when there is no error");
    for (std::size_t i = 0; i < r.problems.size(); ++i) {
        const normdoc::Problem& p = r.problems[i];
        check(p.file == "fuzz.xml", "every problem names the file");
        check(p.line >= 1 && p.line <= lines, "every problem has a line inside the file");
        check(!p.message.empty(), "every problem says something");
        if (i > 0) check(r.problems[i - 1].line <= p.line, "problems in line order");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string owned(reinterpret_cast<const char*>(data), size);  // exact size: ASan sees overreads
    const normdoc::LoadResult r = normdoc::read_corpus(owned, "fuzz.xml");
    check_problems(r, owned);

    // The sliced path (large files) must agree with the whole-file path.
    const normdoc::LoadResult sliced = normdoc::detail::read_corpus_in_slices(owned, "fuzz.xml", 64);
    if (essence(sliced.problems) != essence(r.problems)) {
        std::fprintf(stderr, "whole:\n%s\nsliced:\n%s", describe(r.problems).c_str(), describe(sliced.problems).c_str());
        check(false, "slices give the same problems");
    }
    check(sliced.ok() == r.ok(), "slices give a corpus exactly when the whole does");
    if (!r.ok()) return 0;
    check(normdoc::equivalent(*r.corpus, *sliced.corpus), "slices give an equal corpus");

    const normdoc::Corpus& corpus = *r.corpus;
    const std::string written = normdoc::write_corpus(corpus);
    check(written == normdoc::write_corpus(corpus), "writing is deterministic");
    const normdoc::LoadResult back = normdoc::read_corpus(written, "fuzz.xml");
    if (!back.ok() || !back.problems.empty() || !normdoc::equivalent(corpus, *back.corpus)) {
        std::fprintf(stderr, "written:\n%s\nproblems:\n%s\ndifference: %s\n", written.c_str(),
                     describe(back.problems).c_str(),
                     back.ok() ? normdoc::describe_difference(corpus, *back.corpus).c_str() : "(no corpus)");
        // Warnings of the original (a number's year) come back as they were: only errors break.
        check(back.ok(), "a written corpus reads back");
        check(normdoc::equivalent(corpus, *back.corpus), "a written corpus reads back equal");
        check(!normdoc::has_errors(back.problems), "a written corpus reads back without error");
    }

    // Queries on what was accepted, at a day whose choice the input steers.
    const normdoc::Date day = normdoc::detail::make_date(1990 + static_cast<int>(size % 60), 1 + static_cast<int>(size % 12), 15);
    for (normdoc::DocumentId d : corpus.documents()) (void)normdoc::status_of(corpus, d, day);
    const normdoc::CleanupResult cleaned = normdoc::cleanup(corpus, day, normdoc::CleanupScope::all());
    for (const normdoc::CleanupItem& item : cleaned.items())
        for (const normdoc::Finding& f : cleaned.findings(item)) (void)cleaned.detail(item, f);
    if (corpus.document_count() > 0) (void)normdoc::impact(corpus, normdoc::DocumentId(0), day);
    return 0;
}
