// The one writer of corpus XML format 1 (SPEC §7), element by element: the profile, each
// authority, each document, given as the draft types of normdoc/draft.hpp, into a buffer handed
// to an OutputSink in blocks of about 1 MiB, so that a million documents are never one string.
// write_corpus (io.hpp) and the generator write through it; a caller with a corpus of another
// shape converts one document at a time into a reused draft::Document and calls document().
//
//   CorpusWriter w(sink);
//   w.begin(profile);
//   for (…) w.authority(a);
//   for (…) w.document(d);
//   w.end();
//
// The form: the XML declaration, two-space indentation, one element a line, attributes in the
// order of SPEC §7's example, the profile always written with every figure, other defaults that
// the reader would restore (trial, effective, a relation's date) written only when the draft holds
// them, empty optional elements (<procedure>, <relations>, <events>) left out. Text is escaped
// (xml_support.hpp); nothing is checked: a draft that does not validate is written as it is.
#pragma once

#include "normdoc/draft.hpp"
#include "normdoc/io.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

namespace normdoc::detail::xml {

// Where a single <document> goes when it is written on its own (CorpusWriter::append_document),
// to be put into the bytes of an existing file at a place whose layout the caller has read.
struct FragmentLayout {
    std::string_view indent = "    ";  // before the start and end tags of <document>
    std::string_view step = "  ";      // added for each level inside it
    std::string_view newline = "\n";   // after each line, the last one included
};

// Where the text goes: a growing block of bytes whose small appends are inlined (std::string's
// are calls, and a document is some eighty of them).
// GCC and Clang inline these always: they are most of the writer's work.
#if defined(__GNUC__)
#define NORMDOC_BUFFER_INLINE inline __attribute__((always_inline))
#define NORMDOC_BUFFER_COLD __attribute__((noinline, cold))
#else
#define NORMDOC_BUFFER_INLINE inline
#define NORMDOC_BUFFER_COLD
#endif

class WriteBuffer {
public:
    void reserve(std::size_t n) {
        if (n > capacity_) grow(n - size_);
    }
    NORMDOC_BUFFER_INLINE void append(const char* p, std::size_t n) {
        if (n > capacity_ - size_) grow(n);
        std::memcpy(data_.get() + size_, p, n);
        size_ += n;
    }
    NORMDOC_BUFFER_INLINE void append(std::string_view s) { append(s.data(), s.size()); }
    NORMDOC_BUFFER_INLINE void push(char c) {
        if (size_ == capacity_) grow(1);
        data_[size_++] = c;
    }
    // Room for n bytes at the end, to be filled and then taken with commit(n).
    NORMDOC_BUFFER_INLINE char* room(std::size_t n) {
        if (n > capacity_ - size_) grow(n);
        return data_.get() + size_;
    }
    NORMDOC_BUFFER_INLINE void commit(std::size_t n) noexcept { size_ += n; }
    const char* data() const noexcept { return data_.get(); }
    std::size_t size() const noexcept { return size_; }
    void clear() noexcept { size_ = 0; }

private:
    NORMDOC_BUFFER_COLD void grow(std::size_t more) {
        const std::size_t capacity = std::max(size_ + more, std::max<std::size_t>(2 * capacity_, 4096));
        std::unique_ptr<char[]> bigger(new char[capacity]);
        if (size_ != 0) std::memcpy(bigger.get(), data_.get(), size_);
        data_ = std::move(bigger);
        capacity_ = capacity;
    }
    std::unique_ptr<char[]> data_;
    std::size_t size_ = 0, capacity_ = 0;
};

class CorpusWriter {
public:
    explicit CorpusWriter(OutputSink& sink);
    CorpusWriter(const CorpusWriter&) = delete;
    CorpusWriter& operator=(const CorpusWriter&) = delete;

    // The XML declaration, `comment` on a line of its own as <!-- comment --> when not empty,
    // the root's start tag and the profile. std::invalid_argument for a comment that holds "--"
    // or ends in "-" (XML 1.0 §2.5).
    void begin(const Profile& profile, std::string_view comment = {});
    // In this order: every authority, then every document (std::logic_error otherwise).
    void authority(const draft::Authority& a);
    void document(const draft::Document& d);
    // Closes what is open (an empty section as <authorities/>, <documents/>) and hands the rest
    // of the buffer to the sink.
    void end();

    // Bytes written so far (handed to the sink or still in the buffer).
    std::uint64_t bytes() const noexcept { return flushed_ + buf_.size(); }

    // One <document> element on its own, appended to `out` in the given layout.
    static void append_document(std::string& out, const draft::Document& d, const FragmentLayout& layout = {});

private:
    enum class Stage { start, head, authorities, documents, done };
    void to_stage(Stage s);
    void flush_if_full();
    void flush();

    OutputSink& sink_;
    WriteBuffer buf_;
    std::uint64_t flushed_ = 0;
    Stage stage_ = Stage::start;
};

}  // namespace normdoc::detail::xml
