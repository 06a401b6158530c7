#include "load.hpp"

#include "options.hpp"
#include "progress.hpp"

#include "normdoc/io.hpp"
#include "normdoc/registry.hpp"
#include "normdoc/problem.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace normdoc::cli {

LoadReport load_and_report(const std::string& path) {
    return report_loaded(open_corpus(path), path);  // SPEC §12: corpus XML or a registry snapshot
}

std::string read_file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(path, std::strerror(errno));
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw IoError(path, std::strerror(errno));
    return bytes;
}

LoadReport report_loaded(LoadResult result, const std::string& path) {
    sort_by_line(result.problems);  // SPEC §7: in line order (the reader promises it; cheap to be sure)

    LoadReport report;
    // One write for all the lines: standard error is unbuffered.
    std::ostringstream lines;
    for (const Problem& p : result.problems) {
        lines << p << '\n';
        ++(p.is_error() ? report.errors : report.warnings);
    }
    write_to_stderr(lines.str());  // erases a progress line first
    report.problems = std::move(result.problems);

    if (report.errors == 0) {
        if (!result.corpus) throw std::logic_error("the reader gave neither a corpus nor an error for " + path);
        report.corpus = std::move(result.corpus);
        // Freeing a million documents' allocations at exit costs a tenth of a whole validate run,
        // and the process ends right after its one command: the corpus stays reachable until then.
        static auto* const kept = new std::vector<Corpus>();
        kept->push_back(*report.corpus);
    }
    return report;
}

std::optional<Corpus> load_corpus_or_report(const std::string& path) { return load_and_report(path).corpus; }

// SPEC §10: a document id, or a 发文字号 held by exactly one document; one held by several is a
// usage error listing them.
DocumentId require_document(const Corpus& corpus, std::string_view id, std::string_view option) {
    if (auto found = corpus.find_document(id)) return *found;
    const Span<DocumentId> holders = corpus.find_by_number(id);
    if (holders.size() == 1) return holders.front();
    if (holders.empty())
        throw UsageError(std::string(option) + ": no document '" + std::string(id) + "' in the corpus (neither an id nor a number)");
    std::string list;
    for (DocumentId d : holders) {
        const Document doc = corpus.document(d);
        list += "\n  " + std::string(doc.id()) + " 《" + std::string(doc.title()) + "》";
    }
    throw UsageError(std::string(option) + ": the number '" + std::string(id) + "' is held by " + std::to_string(holders.size()) +
                     " documents; name one by its id:" + list);
}

AuthorityId require_authority(const Corpus& corpus, std::string_view id, std::string_view option) {
    if (auto found = corpus.find_authority(id)) return *found;
    throw UsageError(std::string(option) + ": no authority '" + std::string(id) + "' in the corpus");
}

CleanupScope scope_of(const Args& args, const Corpus& corpus) {
    if (const auto s = args.value(opt::scope.name)) return CleanupScope::of(require_authority(corpus, *s, opt::scope.name));
    return CleanupScope::all();
}

}  // namespace normdoc::cli
