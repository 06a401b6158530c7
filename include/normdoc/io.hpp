// Reading and writing corpus files (SPEC §7). Implemented in src/xml/ with pugixml, which never
// reaches this header. Bad input is not exceptional: it comes back as problems in a LoadResult.
// A file that cannot be read or written is: IoError, naming the path and the reason.
#pragma once

#include "normdoc/corpus.hpp"

#include <cstddef>
#include <optional>
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

// Where writers put bytes (a file being written atomically, a string). Writers hand over large
// blocks; a sink may throw IoError.
class OutputSink {
public:
    virtual ~OutputSink() = default;
    virtual void write(const char* data, std::size_t size) = 0;
    void write(std::string_view text) { write(text.data(), text.size()); }
};

// A sink that appends to a string.
class StringSink final : public OutputSink {
public:
    explicit StringSink(std::string& out) noexcept : out_(out) {}
    void write(const char* data, std::size_t size) override { out_.append(data, size); }
    using OutputSink::write;

private:
    std::string& out_;
};

// Parses corpus XML held in memory; `file_name` is what problems carry.
LoadResult read_corpus(std::string_view xml, const std::string& file_name);

// Reads a corpus file. Throws IoError when the file cannot be read.
LoadResult read_corpus_file(const std::string& path);

// Corpus XML read into a draft, not validated: read_corpus_draft in normdoc/draft_reader.hpp.

// The corpus as XML format 1: deterministic, two-space indentation, the profile always written,
// defaults that the reader would restore left out. Reading it back gives an equal corpus.
std::string write_corpus(const Corpus& corpus);
std::string write_corpus(const draft::Corpus& corpus);
// The same, streamed to a sink in blocks (a million documents are never one string).
void write_corpus(const Corpus& corpus, OutputSink& out);
void write_corpus(const draft::Corpus& corpus, OutputSink& out);

// Saves atomically (SPEC §7, through write_file_atomically). Throws IoError.
void save_corpus(const Corpus& corpus, const std::string& path);

// `xml`, a corpus file's bytes, with `document` written after the last document of its
// <documents>, in the file's own indentation and line ends, and every other byte kept (comments,
// layout, the order of attributes): what `apply` writes, so that a corpus kept under version
// control shows a decision as its diff. None when the bytes cannot take it in place (not UTF-8,
// no <documents>, a namespace prefix on the elements): write the whole corpus then.
std::optional<std::string> insert_document(std::string_view xml, const draft::Document& document);

namespace detail {
// read_corpus with slices of about `slice_bytes` (the reader parses a large file a slice at a
// time); for tests, which cut small corpora into many slices. `threads`: 0 takes a second core
// for a large file, as read_corpus does; n > 0 takes n whatever the size (1: all on this thread).
LoadResult read_corpus_in_slices(std::string_view xml, const std::string& file_name, std::size_t slice_bytes,
                                 std::size_t threads = 0);
}  // namespace detail

}  // namespace normdoc
