// Loading a corpus for a command. SPEC §10: a corpus that does not validate is never queried,
// so every command loads through here.
#pragma once

#include "normdoc/cleanup.hpp"
#include "normdoc/corpus.hpp"
#include "normdoc/io.hpp"
#include "normdoc/problem.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::cli {

class Args;

struct LoadReport {
    std::optional<Corpus> corpus;  // none when there was an error
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::vector<Problem> problems;  // every problem, as printed
};

// Reads and validates the corpus file at `path` and prints every problem to standard error,
// one per line in line order (SPEC §7). Throws IoError when the file cannot be read.
LoadReport load_and_report(const std::string& path);

// The same for a corpus already read (`result` of reading `path`).
LoadReport report_loaded(LoadResult result, const std::string& path);

// The bytes of the file at `path`, whole. Throws IoError naming the path and the reason.
std::string read_file_bytes(const std::string& path);

// The same, for commands: the corpus, or none after an error was printed (the command then
// returns k_exit_invalid). Warnings are printed and do not stop the command.
std::optional<Corpus> load_corpus_or_report(const std::string& path);

// SPEC §10: an id on the command line that the corpus does not hold is a usage error (exit 2).
// `option` names where the id came from ("--scope", "DOC") for the message.
DocumentId require_document(const Corpus& corpus, std::string_view id, std::string_view option);
AuthorityId require_authority(const Corpus& corpus, std::string_view id, std::string_view option);

// The clean-up scope a command's --scope names (SPEC §6), or all of the corpus without it.
CleanupScope scope_of(const Args& args, const Corpus& corpus);

}  // namespace normdoc::cli
