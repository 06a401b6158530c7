// The C ABI's edge: errors, the quarantine of freed handles, strings, dates, enumerations, version.
#include "capi/capi.hpp"

#include "encoding.hpp"

#include "normdoc/authority.hpp"
#include "normdoc/cleanup.hpp"
#include "normdoc/document.hpp"
#include "normdoc/document_status.hpp"
#include "normdoc/relation.hpp"
#include "normdoc/version.hpp"

#include <cstdlib>
#include <cstring>
#include <ctime>
#include <deque>
#include <mutex>
#include <utility>

namespace normdoc::capi {

void fail(nd_status code, std::string message) { throw Failure{code, std::move(message)}; }

void set_ok(nd_error* err) noexcept {
    if (err == nullptr) return;
    err->code = ND_OK;
    err->message[0] = '\0';
}

std::string to_valid_utf8(std::string_view text) {
    std::string out;
    for (;;) {
        const std::size_t bad = detail::find_invalid_utf8(text);
        if (bad == std::string_view::npos) break;
        out.append(text.data(), bad);
        out += "\xEF\xBF\xBD";  // U+FFFD
        text.remove_prefix(bad + 1);
    }
    out.append(text.data(), text.size());
    return out;
}

void make_valid_utf8(std::string& text) {
    if (detail::find_invalid_utf8(text) != std::string_view::npos) text = to_valid_utf8(text);
}

void set_error(nd_error* err, nd_status code, std::string_view message) noexcept {
    if (err == nullptr) return;
    err->code = code;
    std::string valid;
    if (detail::find_invalid_utf8(message) != std::string_view::npos) {
        try {
            valid = to_valid_utf8(message);
            message = valid;
        } catch (...) {
            message = "(a message that was not UTF-8)";
        }
    }
    std::size_t n = std::min(message.size(), static_cast<std::size_t>(ND_ERROR_MESSAGE_SIZE - 1));
    // Cut before a continuation byte, never inside a character.
    if (n < message.size())
        while (n > 0 && (static_cast<unsigned char>(message[n]) & 0xC0) == 0x80) --n;
    std::memcpy(err->message, message.data(), n);
    err->message[n] = '\0';
}

namespace {
struct Quarantine {
    std::mutex mutex;
    std::deque<std::pair<void*, void (*)(void*)>> husks;
};
// Never destroyed: husks stay reachable (LeakSanitizer counts them as in use, not lost).
Quarantine& the_quarantine() {
    static Quarantine* const q = new Quarantine();
    return *q;
}
}  // namespace

void quarantine(void* husk, void (*destroy)(void*)) noexcept {
    Quarantine& q = the_quarantine();
    std::pair<void*, void (*)(void*)> oldest{nullptr, nullptr};
    try {
        std::lock_guard<std::mutex> lock(q.mutex);
        q.husks.emplace_back(husk, destroy);
        if (q.husks.size() > k_quarantine) {
            oldest = q.husks.front();
            q.husks.pop_front();
        }
    } catch (...) {
        destroy(husk);  // no room to keep it: a later use is then undetected
        return;
    }
    if (oldest.first != nullptr) oldest.second(oldest.first);
}

std::string_view text_arg(const char* s, const char* what) {
    if (s == nullptr) fail(ND_E_INVALID_ARGUMENT, std::string(what) + " is NULL");
    const std::string_view text(s);
    const std::size_t bad = detail::find_invalid_utf8(text);
    if (bad != std::string_view::npos)
        fail(ND_E_BAD_UTF8, std::string(what) + ": not UTF-8 (byte " + std::to_string(bad) + ")");
    return text;
}

std::optional<std::string_view> optional_text_arg(const char* s, const char* what) {
    if (s == nullptr) return std::nullopt;
    return text_arg(s, what);
}

std::string_view buffer_arg(const char* data, std::size_t size, const char* what) {
    if (data == nullptr && size != 0) fail(ND_E_INVALID_ARGUMENT, std::string(what) + " is NULL");
    return data == nullptr ? std::string_view() : std::string_view(data, size);
}

namespace {
const Date k_epoch(1970, 1, 1);
}

Date date_arg(const char* s, const char* what) {
    const std::string_view text = text_arg(s, what);
    const DateParse parsed = parse_date(text);
    if (!parsed) fail(ND_E_BAD_DATE, std::string(what) + ": bad date '" + std::string(text) + "': " + parsed.error);
    return *parsed.date;
}

std::int32_t day_number(Date d) noexcept { return static_cast<std::int32_t>((d - k_epoch).days()); }
std::int32_t day_number(const std::optional<Date>& d) noexcept { return d ? day_number(*d) : ND_NO_DAY; }

Date date_of_day(std::int32_t day) {
    // 1900-01-01 is day -25567, 2199-12-31 day 83966.
    constexpr std::int32_t k_first = -25567, k_last = 83966;
    if (day < k_first || day > k_last)
        fail(ND_E_BAD_DATE, "day " + std::to_string(day) + " is outside 1900-01-01 … 2199-12-31");
    return k_epoch + boost::gregorian::days(day);
}

DocumentId resolve_document(const Corpus& corpus, std::string_view id, const char* what) {
    if (auto found = corpus.find_document(id)) return *found;
    const Span<DocumentId> by_number = corpus.find_by_number(id);
    if (by_number.size() == 1) return by_number[0];
    if (by_number.empty()) fail(ND_E_UNKNOWN_ID, std::string(what) + ": no document '" + std::string(id) + "' in the corpus");
    std::string ids;
    for (DocumentId d : by_number) {
        if (!ids.empty()) ids += ", ";
        ids += corpus.document(d).id();
    }
    fail(ND_E_AMBIGUOUS_ID, std::string(what) + ": the number '" + std::string(id) + "' is held by " +
                                std::to_string(by_number.size()) + " documents: " + ids);
}

MallocSink::~MallocSink() { std::free(data_); }

void MallocSink::write(const char* data, std::size_t size) {
    if (size_ + size + 1 > capacity_) {
        std::size_t capacity = capacity_ == 0 ? 4096 : capacity_;
        while (size_ + size + 1 > capacity) capacity *= 2;
        void* grown = std::realloc(data_, capacity);
        if (grown == nullptr) throw std::bad_alloc();
        data_ = static_cast<char*>(grown);
        capacity_ = capacity;
    }
    std::memcpy(data_ + size_, data, size);
    size_ += size;
}

void MallocSink::give(char** out, std::size_t* size) {
    if (out == nullptr) fail(ND_E_INVALID_ARGUMENT, "out is NULL");
    if (data_ == nullptr) write("", 0);  // room for the NUL
    data_[size_] = '\0';
    *out = data_;
    if (size != nullptr) *size = size_;
    data_ = nullptr;
    size_ = capacity_ = 0;
}

void give_string(std::string_view text, char** out, std::size_t* size) {
    MallocSink sink;
    sink.write(text.data(), text.size());
    sink.give(out, size);
}

void check_index(std::size_t index, std::size_t count, const char* what) {
    if (index >= count)
        fail(ND_E_INVALID_ARGUMENT, std::string(what) + ": index " + std::to_string(index) + " is out of range (count " +
                                        std::to_string(count) + ")");
}

void give_problems(std::vector<Problem> problems, nd_problems** out) {
    if (out == nullptr) return;
    for (Problem& p : problems) {
        make_valid_utf8(p.file);
        make_valid_utf8(p.message);
        make_valid_utf8(p.subject.id);
        make_valid_utf8(p.subject.target);
    }
    auto* impl = new ProblemsImpl{std::move(problems)};
    try {
        *out = make_handle<nd_problems>(impl);
    } catch (...) {
        delete impl;
        throw;
    }
}

void give_load_result(LoadResult result, const std::string& name, nd_corpus** corpus, nd_problems** problems) {
    sort_by_line(result.problems);  // SPEC §7: in line order
    std::size_t errors = 0;
    const Problem* first = nullptr;
    for (const Problem& p : result.problems)
        if (p.is_error() && errors++ == 0) first = &p;
    if (errors == 0 && !result.corpus) fail(ND_E_INTERNAL, "internal error: the reader gave neither a corpus nor an error");
    std::string message;
    if (errors != 0)
        message = name + ": " + std::to_string(errors) + (errors == 1 ? " error" : " errors") + ", the first: " + to_string(*first);
    give_problems(std::move(result.problems), problems);
    if (errors != 0) fail(ND_E_INVALID_CORPUS, message);
    auto* impl = new CorpusImpl(std::move(*result.corpus));
    try {
        *corpus = make_handle<nd_corpus>(impl);
    } catch (...) {
        delete impl;
        throw;
    }
}

}  // namespace normdoc::capi

using namespace normdoc;
using namespace normdoc::capi;

namespace {
template <std::size_t N>
const char* name_in(const std::string_view (&names)[N], std::int32_t value) noexcept {
    return value >= 0 && static_cast<std::size_t>(value) < N ? names[value].data() : nullptr;
}

const char* enum_name(std::int32_t enumeration, std::int32_t value) noexcept {
    switch (enumeration) {
        case ND_ENUM_DOC_STATUS: return name_in(detail::k_status_names, value);
        case ND_ENUM_ACTION: return name_in(detail::k_action_names, value);
        case ND_ENUM_FINDING: return name_in(detail::k_finding_code_names, value);
        case ND_ENUM_SEVERITY: return name_in(detail::k_severity_names, value);
        case ND_ENUM_PROBLEM: return name_in(detail::k_problem_code_names, value);
        case ND_ENUM_DOCUMENT_KIND: return name_in(detail::k_document_kind_names, value);
        case ND_ENUM_AUTHORITY_KIND: return name_in(detail::k_authority_kind_names, value);
        case ND_ENUM_LEVEL: return name_in(detail::k_level_names, value);
        case ND_ENUM_RELATION: return name_in(detail::k_relation_kind_names, value);
        case ND_ENUM_LEGALITY_OUTCOME: return name_in(detail::k_legality_outcome_names, value);
        case ND_ENUM_DECISION_OUTCOME: return name_in(detail::k_decision_outcome_names, value);
        case ND_ENUM_EVENT: return name_in(detail::k_event_type_names, value);
        default: return nullptr;
    }
}
}  // namespace

extern "C" {

const char* nd_status_name(nd_status code) {
    switch (code) {
        case ND_OK: return "ND_OK";
        case ND_E_INVALID_ARGUMENT: return "ND_E_INVALID_ARGUMENT";
        case ND_E_INVALID_HANDLE: return "ND_E_INVALID_HANDLE";
        case ND_E_NOMEM: return "ND_E_NOMEM";
        case ND_E_IO: return "ND_E_IO";
        case ND_E_INVALID_CORPUS: return "ND_E_INVALID_CORPUS";
        case ND_E_INVALID_PLAN: return "ND_E_INVALID_PLAN";
        case ND_E_BAD_DATE: return "ND_E_BAD_DATE";
        case ND_E_BAD_UTF8: return "ND_E_BAD_UTF8";
        case ND_E_UNKNOWN_ID: return "ND_E_UNKNOWN_ID";
        case ND_E_AMBIGUOUS_ID: return "ND_E_AMBIGUOUS_ID";
        case ND_E_UNKNOWN_SCOPE: return "ND_E_UNKNOWN_SCOPE";
        case ND_E_WRONG_CORPUS: return "ND_E_WRONG_CORPUS";
        case ND_E_INTERNAL: return "ND_E_INTERNAL";
        default: return "?";
    }
}

// SPEC §10's exit codes.
int nd_exit_code(nd_status code) {
    switch (code) {
        case ND_OK: return 0;
        case ND_E_INVALID_CORPUS:
        case ND_E_INVALID_PLAN: return 1;
        case ND_E_INVALID_ARGUMENT:
        case ND_E_BAD_DATE:
        case ND_E_BAD_UTF8:
        case ND_E_UNKNOWN_ID:
        case ND_E_AMBIGUOUS_ID:
        case ND_E_UNKNOWN_SCOPE:
        case ND_E_WRONG_CORPUS: return 2;
        case ND_E_IO: return 3;
        default: return 4;
    }
}

const char* nd_version(void) { return NORMDOC_VERSION_STRING; }
int nd_abi_version(void) { return ND_ABI_VERSION; }

const char* nd_enum_name(int32_t enumeration, int32_t value) { return enum_name(enumeration, value); }

nd_status nd_enum_parse(int32_t enumeration, const char* name, int32_t* value, nd_error* err) {
    return guard(err, [&] {
        const std::string_view text = text_arg(name, "name");
        int32_t& v = out_param(value, "value");
        if (enum_name(enumeration, 0) == nullptr)
            fail(ND_E_INVALID_ARGUMENT, "no enumeration " + std::to_string(enumeration));
        for (int32_t i = 0; const char* n = enum_name(enumeration, i); ++i)
            if (text == n) {
                v = i;
                return;
            }
        fail(ND_E_INVALID_ARGUMENT, "'" + std::string(text) + "' is not a value of enumeration " + std::to_string(enumeration));
    });
}

nd_status nd_date_parse(const char* text, int32_t* day, nd_error* err) {
    return guard(err, [&] {
        int32_t& d = out_param(day, "day");
        d = day_number(date_arg(text, "date"));
    });
}

nd_status nd_date_format(int32_t day, char out[11], nd_error* err) {
    return guard(err, [&] {
        if (out == nullptr) fail(ND_E_INVALID_ARGUMENT, "out is NULL");
        const std::string text = format_date(date_of_day(day));
        std::memcpy(out, text.c_str(), 11);
    });
}

int32_t nd_today(void) {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return day_number(Date(static_cast<unsigned short>(local.tm_year + 1900), static_cast<unsigned short>(local.tm_mon + 1),
                           static_cast<unsigned short>(local.tm_mday)));
}

void nd_string_free(char* s) { std::free(s); }

}  // extern "C"
