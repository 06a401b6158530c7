// Reading and writing corpus files (SPEC §7). Implemented in src/xml/ with pugixml, which never
// reaches this header. Bad input is not exceptional: it comes back as problems in a LoadResult.
// A file that cannot be read or written is: IoError, naming the path and the reason.
#pragma once

#include "normdoc/corpus.hpp"

#include <stdexcept>
#include <string>
#include <string_view>

namespace normdoc {

// A file could not be read or written (SPEC §10 exit 3).
class IoError : public std::runtime_error {
public:
    IoError(std::string path, const std::string& reason)
        : std::runtime_error(path + ": " + reason), path_(std::move(path)) {}
    const std::string& path() const noexcept { return path_; }

private:
    std::string path_;
};

// Parses corpus XML held in memory; `file_name` is what problems carry.
LoadResult read_corpus(std::string_view xml, const std::string& file_name);

// Reads a corpus file. Throws IoError when the file cannot be read.
LoadResult read_corpus_file(const std::string& path);

// The corpus as XML format 1.
std::string write_corpus(const Corpus& corpus);
std::string write_corpus(const draft::Corpus& corpus);

// Saves atomically (SPEC §7, through write_file_atomically). Throws IoError.
void save_corpus(const Corpus& corpus, const std::string& path);

}  // namespace normdoc
