// The C ABI's machinery (include/normdoc/normdoc.h): handles with a magic number, the one guard
// that turns every C++ exception into a status and a message, and the conversions at the edge
// (UTF-8 strings, dates as text in and day numbers out, strings the caller owns).
#pragma once

#include "normdoc/normdoc.h"

#include "normdoc/corpus.hpp"
#include "normdoc/date.hpp"
#include "normdoc/io.hpp"
#include "normdoc/problem.hpp"

#include <cstdint>
#include <exception>
#include <filesystem>
#include <mutex>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::capi {

// A failure that the C caller gets as a status and a message.
struct Failure {
    nd_status code;
    std::string message;
};
[[noreturn]] void fail(nd_status code, std::string message);

void set_ok(nd_error* err) noexcept;
// Copies the message, cut at a UTF-8 character boundary to fit.
void set_error(nd_error* err, nd_status code, std::string_view message) noexcept;

// Runs `body`; every exception becomes a status: Failure its own, bad_alloc ND_E_NOMEM, IoError
// and filesystem errors ND_E_IO, anything else ND_E_INTERNAL. Nothing crosses the boundary.
template <class Body>
nd_status guard(nd_error* err, Body&& body) noexcept {
    try {
        body();
        set_ok(err);
        return ND_OK;
    } catch (const Failure& f) {
        set_error(err, f.code, f.message);
        return f.code;
    } catch (const std::bad_alloc&) {
        set_error(err, ND_E_NOMEM, "out of memory");
        return ND_E_NOMEM;
    } catch (const IoError& e) {
        set_error(err, ND_E_IO, e.what());
        return ND_E_IO;
    } catch (const std::filesystem::filesystem_error& e) {
        set_error(err, ND_E_IO, e.what());
        return ND_E_IO;
    } catch (const std::exception& e) {
        set_error(err, ND_E_INTERNAL, std::string("internal error: ") + e.what());
        return ND_E_INTERNAL;
    } catch (...) {
        set_error(err, ND_E_INTERNAL, "internal error: unknown exception");
        return ND_E_INTERNAL;
    }
}

// ---- handles -------------------------------------------------------------------------------------

// Every handle is a husk {magic, impl}. Freeing destroys impl, zeroes magic and keeps the husk in
// a quarantine of the last k_quarantine freed husks, so that a use after free finds magic 0
// (ND_E_INVALID_HANDLE) instead of reading freed memory; older husks are reused (best-effort).
inline constexpr std::size_t k_quarantine = 1 << 14;
void quarantine(void* husk, void (*destroy)(void*)) noexcept;

template <class Impl, std::uint64_t Magic>
struct Husk {
    static constexpr std::uint64_t k_magic = Magic;
    std::uint64_t magic = Magic;
    Impl* impl = nullptr;
};

// The impl of a live handle of type H, or a Failure naming `what`.
template <class H>
auto* live(const H* h, const char* what) {
    if (h == nullptr) fail(ND_E_INVALID_HANDLE, std::string(what) + " is NULL");
    if (h->magic != H::k_magic || h->impl == nullptr)
        fail(ND_E_INVALID_HANDLE, std::string(what) + " is not a live handle of its kind (freed, or another kind)");
    return h->impl;
}

template <class H, class Impl>
H* make_handle(Impl* impl) {
    H* h = new H;
    h->impl = impl;
    return h;
}

template <class H>
void free_handle(H* h) noexcept {
    if (h == nullptr || h->magic != H::k_magic) return;  // NULL, freed already, or not one: ignored
    h->magic = 0;
    delete h->impl;
    h->impl = nullptr;
    quarantine(h, [](void* p) { delete static_cast<H*>(p); });
}

// Writes *out = value after checking the pointer.
template <class T>
T& out_param(T* p, const char* what) {
    if (p == nullptr) fail(ND_E_INVALID_ARGUMENT, std::string(what) + " is NULL");
    return *p;
}

// ---- strings, dates, ids -------------------------------------------------------------------------

// `text` with every byte that is not part of well-formed UTF-8 replaced by U+FFFD: what goes out
// is UTF-8 even where the input quoted was not (a plan's bad attribute, quoted in its problem).
std::string to_valid_utf8(std::string_view text);
void make_valid_utf8(std::string& text);

// A required UTF-8 string argument (ND_E_INVALID_ARGUMENT for NULL, ND_E_BAD_UTF8).
std::string_view text_arg(const char* s, const char* what);
// An optional one: none for NULL.
std::optional<std::string_view> optional_text_arg(const char* s, const char* what);
// A byte buffer that must be UTF-8? No: corpus XML may declare another encoding; only checked for NULL.
std::string_view buffer_arg(const char* data, std::size_t size, const char* what);

// SPEC §4 `YYYY-MM-DD` (ND_E_BAD_DATE naming `what`).
Date date_arg(const char* s, const char* what);
std::int32_t day_number(Date d) noexcept;
std::int32_t day_number(const std::optional<Date>& d) noexcept;  // ND_NO_DAY for none
Date date_of_day(std::int32_t day);  // ND_E_BAD_DATE outside 1900-2199

// SPEC §10: a document by id, or by a 发文字号 held by exactly one document.
DocumentId resolve_document(const Corpus& corpus, std::string_view id_or_number, const char* what);

// Hands out bytes as a malloc'd, NUL-terminated string (nd_string_free).
void give_string(std::string_view text, char** out, std::size_t* size);

// A sink into a malloc'd buffer, handed to the caller without a copy.
class MallocSink final : public OutputSink {
public:
    MallocSink() = default;
    MallocSink(const MallocSink&) = delete;
    MallocSink& operator=(const MallocSink&) = delete;
    ~MallocSink() override;
    void write(const char* data, std::size_t size) override;
    using OutputSink::write;
    // Gives the buffer (NUL-terminated) to the caller.
    void give(char** out, std::size_t* size);

private:
    char* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
};

// Strings in one block, each NUL-terminated (nd_string_column).
class StringColumn {
public:
    StringColumn() { offsets_.push_back(0); }
    void reserve(std::size_t count, std::size_t bytes) {
        offsets_.reserve(count + 1);
        data_.reserve(bytes);
    }
    void add(std::string_view s) {
        data_.append(s.data(), s.size());
        data_.push_back('\0');
        offsets_.push_back(data_.size());
    }
    std::size_t size() const noexcept { return offsets_.size() - 1; }
    const char* at(std::size_t i) const noexcept { return data_.data() + offsets_[i]; }
    nd_string_column view() const noexcept { return {data_.data(), offsets_.data(), size(), data_.size()}; }

private:
    std::string data_;
    std::vector<std::uint64_t> offsets_;
};

// A list index check (ND_E_INVALID_ARGUMENT).
void check_index(std::size_t index, std::size_t count, const char* what);

}  // namespace normdoc::capi

// ---- the handle types the header declares ----------------------------------------------------------

namespace normdoc::capi {
struct CorpusImpl;
struct ProblemsImpl;
struct StatusListImpl;
struct CleanupImpl;
struct ImpactImpl;
struct PlanImpl;
struct BuilderImpl;
}  // namespace normdoc::capi

struct nd_corpus : normdoc::capi::Husk<normdoc::capi::CorpusImpl, 0x6e64636f72707573ull> {};       // "ndcorpus"
struct nd_problems : normdoc::capi::Husk<normdoc::capi::ProblemsImpl, 0x6e6470726f626c6dull> {};   // "ndproblm"
struct nd_status_list : normdoc::capi::Husk<normdoc::capi::StatusListImpl, 0x6e64737461747573ull> {};  // "ndstatus"
struct nd_cleanup : normdoc::capi::Husk<normdoc::capi::CleanupImpl, 0x6e64636c65616e75ull> {};    // "ndcleanu"
struct nd_impact : normdoc::capi::Husk<normdoc::capi::ImpactImpl, 0x6e64696d70616374ull> {};      // "ndimpact"
struct nd_plan : normdoc::capi::Husk<normdoc::capi::PlanImpl, 0x6e64706c616e2e2eull> {};          // "ndplan.."
struct nd_builder : normdoc::capi::Husk<normdoc::capi::BuilderImpl, 0x6e646275696c6472ull> {};    // "ndbuildr"

namespace normdoc::capi {

struct ProblemsImpl {
    std::vector<Problem> problems;
};

// Gives the problems to *out when the caller wants them (out may be NULL).
void give_problems(std::vector<Problem> problems, nd_problems** out);

struct CorpusImpl {
    explicit CorpusImpl(Corpus c) : corpus(std::move(c)) {}
    Corpus corpus;
    // The documents' ids and numbers by DocumentId index, the authorities' ids and names by
    // AuthorityId index, NUL-terminated: made on first use (nd_corpus_resolve, nd_corpus_*_ids).
    struct Strings {
        StringColumn ids, numbers, authority_ids, authority_names;
    };
    const Strings& strings() const;
    const StringColumn& ids() const { return strings().ids; }

private:
    mutable std::once_flag strings_once_;
    mutable Strings strings_;
};

// Turns a LoadResult into the C results: ND_OK with *corpus, or ND_E_INVALID_CORPUS.
void give_load_result(LoadResult result, const std::string& name, nd_corpus** corpus, nd_problems** problems);

}  // namespace normdoc::capi
