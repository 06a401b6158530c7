// Reading corpus XML format 1 (SPEC §7) into a draft, reporting what only the reader can see
// (syntax, unknown elements and attributes, missing or malformed attributes, bad dates, repeated
// elements); everything about meaning is left to the one validator, build_corpus.
//
// The file is never held as one DOM: scan_layout cuts the children of each section (<documents>,
// <authorities>, …) into slices of about a mebibyte, and each slice is parsed on its own as a
// fragment in a reused buffer, walked into the draft and dropped. The source stays untouched,
// so line numbers come from it by a forward-moving cursor. A large section's slices are read on
// two threads, each walking its half (CorpusReader::read_slices), with the serial reader's result.
// This file is the driver: the encoding, the layout, the slices and the threads; the walk of the
// elements is corpus_walker.cpp's.
#include "encoding.hpp"
#include "normdoc/draft_reader.hpp"
#include "normdoc/io.hpp"
#include "xml/corpus_walker.hpp"
#include "xml/xml_support.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <future>
#include <iterator>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>

namespace normdoc {
namespace {

using namespace detail::xml;

constexpr std::size_t k_slice_bytes = 1 << 20;

// Reads a whole source: its encoding, its layout, then the root and each section, a large
// section's slices by several walkers at once.
class CorpusReader {
public:
    // `threads`: 0 takes a second core where it pays (a large file); n > 0 takes n wherever there
    // is work to share, for tests.
    CorpusReader(std::string_view source, std::string file, std::size_t slice_bytes, std::size_t threads)
        : source_(source), file_(std::move(file)), slice_bytes_(slice_bytes), threads_(threads),
          walker_(source_, file_) {}

    // Reads the whole source. False on a syntax error: then failure() is the result. Otherwise
    // take() gives the draft and the problems found, for build_corpus (after the caller has
    // let go of the source, which the draft no longer needs).
    bool run() {
        Layout layout;
        SyntaxError error;
        bool well_formed = false;
        if (!ensure_utf8([&] { well_formed = scan_layout(source_, slice_bytes_, layout, error); })) return false;
        if (!well_formed) {
            // The scan checks the skeleton only; pugixml, on a copy, checks everything and may
            // stop earlier. The earlier of the two is where the file stops being XML.
            SyntaxError precise;
            const bool parser_saw_it = find_syntax_error(source_, precise);
            return syntax_failure(parser_saw_it && precise.offset <= error.offset ? precise : error);
        }
        StartTag root;
        if (!root.parse(source_, layout.root_tag_begin, layout.root_tag_end, layout.root_self_closing, error))
            return syntax_failure(error);
        if (walker_.read_root(root.element(), layout.root_tag_begin) == SliceWalker::Root::not_corpus) return true;
        for (const Section& section : layout.sections)
            if (!read_section(section, error)) return syntax_failure(error);
        return true;
    }

    LoadResult failure() { return std::move(failure_); }
    std::pair<draft::Corpus, std::vector<Problem>> take() { return walker_.take(); }
    bool saw_profile() const noexcept { return walker_.saw_profile(); }

private:
    // SPEC §7: corpus files are UTF-8. A file that declares another encoding (GBK, as Chinese
    // registries often publish, or a UTF-16 byte-order mark) is converted first, keeping its lines;
    // bytes that are not UTF-8 in a file that claims to be are XML_SYNTAX, as XML has it.
    // Then calls scan(), on this thread while another checks the UTF-8 of a large file.
    template <class Scan>
    bool ensure_utf8(Scan&& scan) {
        const std::string declared = detail::declared_encoding(source_);
        if (!detail::is_utf8_name(declared)) {
            detail::Conversion c = detail::convert_to_utf8(source_, detail::iconv_name(declared));
            if (!c.ok) {
                return syntax_failure({c.error_offset, "the file declares the encoding \"" + declared +
                                                           "\" but cannot be read in it: " + c.error});
            }
            converted_ = std::move(c.text);
            source_ = converted_;
            walker_ = SliceWalker(source_, file_);
            scan();
            return true;
        }
        std::size_t bad = std::string_view::npos;
        std::future<std::size_t> checked;
        if (threads_for(source_.size(), k_parallel_bytes) > 1) {
            try {
                checked = std::async(std::launch::async, [this] { return detail::find_invalid_utf8(source_); });
            } catch (const std::system_error&) {
            }  // no thread to be had: checked here
        }
        if (checked.valid()) {
            scan();
            bad = checked.get();
        } else {
            bad = detail::find_invalid_utf8(source_);
            if (bad == std::string_view::npos) scan();
        }
        if (bad == std::string_view::npos) return true;
        return syntax_failure({bad, "a byte sequence that is not UTF-8 (corpus files are UTF-8, or declare "
                                    "their encoding in the XML declaration)"});
    }

    // SPEC §7: XML_SYNTAX where the parser stopped. Nothing else of a file that is not XML means
    // anything, so it is the only problem.
    bool syntax_failure(const SyntaxError& error) {
        failure_ = LoadResult{};
        failure_.problems.push_back({file_, LineCounter(source_).line_at(error.offset), Severity::error,
                                     ProblemCode::xml_syntax, "not well-formed XML: " + error.message, {}});
        return false;
    }

    // False on a syntax error (in `error`).
    bool read_section(const Section& section, SyntaxError& error) {
        StartTag start;
        if (!start.parse(source_, section.tag_begin, section.tag_end, section.self_closing, error)) return false;
        std::size_t declared = 0;
        const SectionKind kind = walker_.enter_section(start.element(), section, declared);
        // Every slice is parsed, even of an ignored section: it must still be well-formed.
        if (!read_slices(section.cuts, section.children, kind, error)) return false;
        walker_.leave_section(declared);
        return true;
    }

    // Threads for work of `size` (bytes, slices) that a second thread pays for from `worth_it` on.
    std::size_t threads_for(std::size_t size, std::size_t worth_it) const {
        if (threads_ != 0) return threads_;
        if (size < worth_it) return 1;
        return std::max<std::size_t>(1, std::min<std::size_t>(std::thread::hardware_concurrency(), k_max_threads));
    }

    std::size_t walkers_for(std::size_t slices, SectionKind kind) const {
        // The profile's "seen" flags span its slices; it is a few lines anyway.
        if (kind == SectionKind::profile || slices < 2) return 1;
        return std::min(threads_for(slices, k_parallel_slices), slices);
    }

    // Walker k of n reads the k-th contiguous run of slices, the first on this thread, and stops
    // once an earlier walker meets a syntax error. Then the earliest failure is the serial
    // reader's (it stops at the first slice that is not well-formed); else the later walkers'
    // output is appended in order (what a failing walker had completed no longer matters).
    bool read_slices(const std::vector<std::size_t>& cuts, std::size_t children, SectionKind kind, SyntaxError& error) {
        const std::size_t slices = cuts.empty() ? 0 : cuts.size() - 1;
        const std::size_t n = walkers_for(slices, kind);
        if (n <= 1) return walker_.read_slices(cuts, 0, slices, kind, error);
        const auto first_slice = [&](std::size_t k) { return k * slices / n; };
        std::vector<SliceWalker> later;
        later.reserve(n - 1);
        const std::size_t chunk_bytes = std::min(std::size_t(32) << 20, 32 * slice_bytes_);  // see Chunks
        for (std::size_t k = 1; k < n; ++k) later.push_back(walker_.continuation(kind, chunk_bytes, children / n + 16));
        std::vector<SyntaxError> errors(n);
        std::atomic<std::size_t> earliest_failure{n};
        const auto failed = [&earliest_failure](std::size_t k) {
            std::size_t seen = earliest_failure.load();
            while (k < seen && !earliest_failure.compare_exchange_weak(seen, k)) {}
        };
        const auto read = [&](SliceWalker& walker, std::size_t k) {
            try {
                const bool ok = walker.read_slices(cuts, first_slice(k), first_slice(k + 1), kind, errors[k],
                                                   &earliest_failure, k);
                if (!ok) failed(k);
                return ok;
            } catch (...) {
                failed(k);  // bad_alloc: the later walkers stop, the caller gets it
                throw;
            }
        };
        std::vector<std::future<bool>> done;  // its destructor waits for every walker
        done.reserve(n - 1);
        try {
            for (std::size_t k = 1; k < n; ++k)
                done.push_back(std::async(std::launch::async, read, std::ref(later[k - 1]), k));
        } catch (const std::system_error&) {
            // No thread to be had: this walker reads them all, the others stop at once.
            failed(0);
            for (auto& f : done) f.wait();
            return walker_.read_slices(cuts, 0, slices, kind, error);
        }
        if (!read(walker_, 0)) {
            error = std::move(errors[0]);
            return false;
        }
        try {
            for (std::size_t k = 1; k < n; ++k) {
                // This thread would wait: it appends what walker k has completed meanwhile.
                while (done[k - 1].wait_for(std::chrono::milliseconds(1)) != std::future_status::ready)
                    walker_.append_completed(later[k - 1]);
                if (!done[k - 1].get()) {
                    error = std::move(errors[k]);
                    return false;
                }
                walker_.append(std::move(later[k - 1]));
            }
        } catch (...) {
            failed(0);  // bad_alloc, here or in a walker: the others stop
            throw;
        }
        return true;
    }

    // Below this many slices (of a mebibyte) a section is read on one thread, and below this
    // many bytes the file checked on one: a thread's start and the append cost about what it saves.
    static constexpr std::size_t k_parallel_slices = 8;
    static constexpr std::size_t k_parallel_bytes = std::size_t(8) << 20;
    // Measured on two cores, as many as the rest of the load uses.
    static constexpr std::size_t k_max_threads = 2;

    std::string_view source_;
    std::string converted_;  // the source in UTF-8, when it was in another encoding
    std::string file_;
    std::size_t slice_bytes_;
    std::size_t threads_;
    LoadResult failure_;
    SliceWalker walker_;
};

}  // namespace

namespace detail {
LoadResult read_corpus_in_slices(std::string_view xml, const std::string& file_name, std::size_t slice_bytes,
                                 std::size_t threads) {
    CorpusReader reader(xml, file_name, slice_bytes, threads);
    if (!reader.run()) return reader.failure();
    auto [draft, problems] = reader.take();
    return build_corpus(std::move(draft), std::move(problems));
}
}  // namespace detail

DraftRead read_corpus_draft(std::string_view xml, const std::string& file_name) {
    CorpusReader reader(xml, file_name, k_slice_bytes, 1);
    DraftRead out;
    if (!reader.run()) {
        out.problems = reader.failure().problems;
        return out;
    }
    out.has_profile = reader.saw_profile();
    auto [draft, problems] = reader.take();
    draft.file = file_name;
    out.draft = std::move(draft);
    out.problems = std::move(problems);
    return out;
}

LoadResult read_corpus(std::string_view xml, const std::string& file_name) {
    return detail::read_corpus_in_slices(xml, file_name, k_slice_bytes);
}

LoadResult read_corpus_file(const std::string& path) {
    std::pair<draft::Corpus, std::vector<Problem>> read;
    {
        const FileBytes bytes = load_file(path);
        CorpusReader reader(bytes.view(), path, k_slice_bytes, 0);
        if (!reader.run()) return reader.failure();
        read = reader.take();
    }  // the file's bytes are freed before the corpus is built: peak memory
    return build_corpus(std::move(read.first), std::move(read.second));
}

}  // namespace normdoc
