// The element walker of the corpus reader (SPEC §7): it walks the slices of a section that
// pugixml has parsed (corpus_reader.cpp cuts and parses them) into a draft, reporting what only
// the reader can see: unknown elements and attributes, missing or malformed attributes, bad dates,
// repeated elements. Meaning is left to the one validator, build_corpus.
#pragma once

#include "normdoc/draft.hpp"
#include "normdoc/problem.hpp"
#include "xml/vocabulary.hpp"
#include "xml/xml_support.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstddef>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace normdoc::detail::xml {

enum class SectionKind { profile, authorities, documents, ignored };

// The attributes an element may have, read in one pass: values[i] is the value of names[i], or
// nullptr when absent.
template <std::size_t N>
struct Attributes {
    const std::array<std::string_view, N>& names;
    std::array<const char*, N> values{};

    bool has(std::size_t i) const noexcept { return values[i] != nullptr; }
    std::string_view operator[](std::size_t i) const noexcept { return view(values[i]); }
};

// A continuation walker's output (SliceWalker::continuation) in chunks of at least 32 MiB, which
// glibc serves with mmap and gives back to the system when freed: appended one at a time (while
// the walker still runs), only one is ever held twice (peak memory). Smaller blocks, and those a
// growing vector leaves behind, would stay in the worker thread's malloc arena, and freeing the
// draft later is much slower next to such holes (glibc merges every small block freed there with
// its neighbours: +0.3 s on 1M documents). Tiny slices make small chunks, so that tests meet them.
template <class T>
class Chunks {
public:
    // Chunks of at least `bytes`; room for about `expected` elements in the first.
    void start(std::vector<T>& current, std::size_t bytes, std::size_t expected) {
        min_ = bytes / sizeof(T) + 1;
        current.reserve(std::min(expected, room()));
    }

    // After a slice that added `added` elements to `current`: a chunk when the next may not fit.
    void after_slice(std::vector<T>& current, std::size_t added) {
        if (current.size() < min_ || current.size() + added <= current.capacity()) return;
        std::vector<T> full = std::exchange(current, {});
        current.reserve(room());
        const std::lock_guard<std::mutex> lock(*mutex_);
        chunks_.push_back(std::move(full));
    }

    // Appends the chunks completed so far to `out`, freeing each as it goes; from another thread
    // while the walker runs.
    void move_completed_to(std::vector<T>& out) {
        for (;;) {
            std::vector<T> chunk;
            {
                const std::lock_guard<std::mutex> lock(*mutex_);
                if (moved_ == chunks_.size()) return;
                chunk = std::move(chunks_[moved_++]);
            }
            out.insert(out.end(), std::make_move_iterator(chunk.begin()), std::make_move_iterator(chunk.end()));
        }
    }

    // Once the walker is done: the rest of the chunks, then what `current` holds.
    void move_to(std::vector<T>& out, std::vector<T>& current) {
        move_completed_to(out);
        out.insert(out.end(), std::make_move_iterator(current.begin()), std::make_move_iterator(current.end()));
        std::vector<T>().swap(current);
    }

private:
    std::size_t room() const noexcept { return min_ + min_ / 4; }  // the slice that fills it still fits

    std::size_t min_ = 1;
    std::unique_ptr<std::mutex> mutex_ = std::make_unique<std::mutex>();  // walkers move
    std::vector<std::vector<T>> chunks_;
    std::size_t moved_ = 0;
};

// Walks parsed slices into a draft, reporting what it finds on the way. A large section is read
// by several walkers at once (CorpusReader::read_slices), each over its own contiguous run of
// slices, with its own DOM, line cursor and output; a later walker's output is appended after the
// earlier one's, so the draft and the problems are the serial reader's, in the same order.
class SliceWalker {
public:
    SliceWalker(std::string_view source, const std::string& file);

    // A walker for the later slices of the section this one has just entered: the same namespace
    // scope and line cursor, nothing read yet; its output is kept in Chunks.
    SliceWalker continuation(SectionKind kind, std::size_t chunk_bytes, std::size_t expected_children) const;

    // Appends what a continuation has completed so far after this walker's draft, while it runs.
    void append_completed(SliceWalker& later) {
        later.authority_chunks_.move_completed_to(draft_.authorities);
        later.document_chunks_.move_completed_to(draft_.documents);
    }

    // Appends a continuation's draft and problems after this walker's, once it is done.
    void append(SliceWalker&& later);

    std::pair<draft::Corpus, std::vector<Problem>> take() { return {std::move(draft_), std::move(problems_)}; }
    // Whether the root held a <profile> (SPEC §12: a fragment to add holds none).
    bool saw_profile() const noexcept { return seen_profile_; }

    // ---- the root and its sections ----

    enum class Root { corpus, not_corpus };

    Root read_root(pugi::xml_node e, std::size_t tag_begin);

    // Looks at a section's start tag `e` and brings its namespace declarations into scope, until
    // leave_section(declared).
    SectionKind enter_section(pugi::xml_node e, const Section& section, std::size_t& declared);

    void leave_section(std::size_t declared) { scope_.leave(declared); }

    // Reads the slices between cuts[first] and cuts[last] in order. False at the first that is
    // not well-formed, with `error`; true, having read less, once a walker of earlier slices
    // (below `index`) has failed, so that nothing of this one counts.
    bool read_slices(const std::vector<std::size_t>& cuts, std::size_t first, std::size_t last, SectionKind kind,
                     SyntaxError& error, const std::atomic<std::size_t>* earliest_failure = nullptr,
                     std::size_t index = 0);

private:
    // ---- problems ----

    void report(std::size_t line, ProblemCode code, std::string message, Severity severity = Severity::error);

    void reset_owner() noexcept {
        owner_kind_ = corpus_vocabulary::element::corpus;
        owner_id_ = {};
    }

    std::size_t line_of(pugi::xml_node n);

    // ---- generic element handling ----

    std::string owner() const {
        std::string out(owner_kind_);
        if (!owner_id_.empty()) {
            out += ' ';
            out += owner_id_;
        }
        return out;
    }

    static std::string tag(std::string_view local) { return "<" + std::string(local) + ">"; }

    // Reads the element's attributes into `out`; reports unknown ones (without a namespace, or
    // in ours) and repeated ones, ignores namespace declarations and other namespaces.
    template <std::size_t N>
    void read_attributes(pugi::xml_node e, std::string_view local, std::size_t line, Attributes<N>& out);

    // Calls fn(child, local name, line) for each child element in the corpus namespace; skips
    // other namespaces, reports undeclared prefixes. The scope holds the child's declarations
    // while fn runs.
    template <class Fn>
    void for_each_child(pugi::xml_node e, Fn&& fn);

    void unknown_element(std::string_view local, std::size_t line, std::string_view where);

    // An element that holds nothing of format 1: any child element of ours is unknown.
    void expect_empty(pugi::xml_node e, std::string_view local);

    // A text-only element (<title>, <subject>).
    std::string text(pugi::xml_node e, std::string_view local, std::size_t line);

    void missing(std::size_t line, std::string_view local, std::string_view attribute);

    void repeated(std::size_t line, std::string_view local, std::string_view where);

    // ---- values ----

    std::optional<Date> date(std::string_view value, std::string_view local, std::string_view attribute,
                             std::size_t line);

    // A required date attribute: MISSING when absent, BAD_DATE when malformed.
    template <std::size_t N>
    std::optional<Date> required_date(const Attributes<N>& a, std::size_t i, std::string_view local,
                                      std::size_t line);
    template <std::size_t N>
    std::optional<Date> optional_date(const Attributes<N>& a, std::size_t i, std::string_view local,
                                      std::size_t line);

    template <class Enum, std::size_t K>
    std::optional<Enum> enumerated(std::string_view value, const std::string_view (&names)[K], std::string_view local,
                                   std::string_view attribute, std::size_t line);

    template <std::size_t N>
    std::optional<draft::Ref> ref(const Attributes<N>& a, std::size_t i, std::size_t line);

    // ---- reading slices ----

    bool read_slice(std::size_t begin, std::size_t end, SectionKind kind, SyntaxError& error);

    // ---- profile ----

    // SPEC §3: whole numbers; a term of at least a year, the other figures may be 0.
    void profile_number(const char* value, std::string_view local, std::string_view attribute, std::size_t line,
                        int min, int max, int& out);

    void read_profile_item(pugi::xml_node e, std::string_view local, std::size_t line);

    // ---- authorities ----

    void read_authority(pugi::xml_node e, std::size_t line);

    // ---- documents ----

    void read_document(pugi::xml_node e, std::size_t line);

    void read_attributes_none(pugi::xml_node e, std::string_view local, std::size_t line) {
        Attributes<0> none{k_no_attributes};
        read_attributes(e, local, line, none);
    }

    void read_step(pugi::xml_node e, std::string_view local, std::size_t line, draft::Procedure& p);

    void read_relation(pugi::xml_node e, std::string_view local, std::size_t line, draft::Document& d);

    void read_event(pugi::xml_node e, std::size_t line, draft::Document& d);

    static inline const std::array<std::string_view, 0> k_no_attributes{};

    std::string_view source_;
    LineCounter lines_;
    std::size_t base_ = 0;  // source offset of the buffer pugixml parsed last
    std::size_t last_line_ = 1;
    NamespaceScope scope_;
    // What messages are about ("document jy-2018-12", "profile"), assembled only for a message.
    std::string_view owner_kind_ = corpus_vocabulary::element::corpus;
    std::string_view owner_id_;  // into the buffer being walked
    std::string scratch_;
    std::vector<char> slice_;
    bool seen_profile_ = false;
    std::array<bool, 4> profile_seen_{};
    std::array<bool, 5> step_seen_{};
    draft::Corpus draft_;
    std::vector<Problem> problems_;
    bool continuation_ = false;
    Chunks<draft::Authority> authority_chunks_;
    Chunks<draft::Document> document_chunks_;
};

}  // namespace normdoc::detail::xml
