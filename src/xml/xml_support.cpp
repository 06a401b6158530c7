#include "xml/xml_support.hpp"

#include "normdoc/io.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>
#include <thread>

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#endif

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace normdoc::detail::xml {

// ---- line numbers -------------------------------------------------------------------------------

namespace {
// The '\n' in [p, end), sixteen bytes at a time where SSE2 is at hand: std::count goes a byte at a
// time (4 GB/s against 25 here). The reader counts between every two elements, and a later
// reading thread first counts all the lines before its slices.
std::size_t count_newlines(const char* p, const char* end) noexcept {
    std::size_t n = 0;
#if defined(__SSE2__) && defined(__x86_64__)
    const __m128i newline = _mm_set1_epi8('\n');
    while (end - p >= 16) {
        __m128i lanes = _mm_setzero_si128();  // a count per byte lane: at most 255 blocks
        for (int k = 0; k < 255 && end - p >= 16; ++k, p += 16)
            lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), newline));
        const __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
        n += static_cast<std::size_t>(_mm_cvtsi128_si64(sums)) +
             static_cast<std::size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
    }
#endif
    return n + static_cast<std::size_t>(std::count(p, end, '\n'));
}
}  // namespace

std::size_t LineCounter::line_at(std::size_t offset) noexcept {
    offset = std::min(offset, source_.size());
    const char* base = source_.data();
    if (offset >= pos_) {
        line_ += count_newlines(base + pos_, base + offset);
    } else {
        line_ -= count_newlines(base + offset, base + pos_);
    }
    pos_ = offset;
    return line_;
}

// ---- names and namespaces -----------------------------------------------------------------------

QName split_name(std::string_view name) noexcept {
    const std::size_t colon = name.find(':');
    if (colon == std::string_view::npos) return {{}, name};
    return {name.substr(0, colon), name.substr(colon + 1)};
}

NamespaceScope::NamespaceScope() {
    bindings_.emplace_back("", "");  // no default namespace until one is declared
    bindings_.emplace_back("xml", "http://www.w3.org/XML/1998/namespace");
}

std::size_t NamespaceScope::enter(pugi::xml_node element) {
    std::size_t count = 0;
    for (pugi::xml_attribute a = element.first_attribute(); a; a = a.next_attribute()) {
        const char* raw = a.name();
        if (raw[0] != 'x' || std::strncmp(raw, "xmlns", 5) != 0) continue;  // nearly every attribute
        const std::string_view name(raw);
        if (name.size() == 5) {
            bindings_.emplace_back("", std::string(value_of(a)));
            ++count;
        } else if (name[5] == ':') {
            bindings_.emplace_back(std::string(name.substr(6)), std::string(value_of(a)));
            ++count;
        }
    }
    return count;
}

const std::string* NamespaceScope::resolve(std::string_view prefix) const noexcept {
    for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it)
        if (it->first == prefix) return &it->second;
    return nullptr;
}

ElementName classify(pugi::xml_node element, const NamespaceScope& scope, std::string_view our_namespace) {
    const QName q = split_name(name_of(element));
    const std::string* ns = scope.resolve(q.prefix);
    if (ns == nullptr) return {ElementName::Kind::unbound_prefix, q.local, q.prefix};
    return {*ns == our_namespace ? ElementName::Kind::ours : ElementName::Kind::other, q.local, q.prefix};
}

// ---- text ---------------------------------------------------------------------------------------

std::string_view text_of(pugi::xml_node element, std::string& scratch) {
    std::string_view single;
    int pieces = 0;
    for (pugi::xml_node c = element.first_child(); c; c = c.next_sibling()) {
        const auto type = c.type();
        if (type != pugi::node_pcdata && type != pugi::node_cdata) continue;
        const std::string_view v = view(c.value());
        if (pieces == 0) {
            single = v;
        } else {
            if (pieces == 1) scratch.assign(single);
            scratch.append(v);
        }
        ++pieces;
    }
    return pieces <= 1 ? single : std::string_view(scratch);
}

static bool is_xml_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool has_non_space_text(pugi::xml_node element) {
    for (pugi::xml_node c = element.first_child(); c; c = c.next_sibling()) {
        const auto type = c.type();
        if (type != pugi::node_pcdata && type != pugi::node_cdata) continue;
        for (const char* s = c.value(); *s; ++s)
            if (!is_xml_space(*s)) return true;
    }
    return false;
}

static void append_char_reference(std::string& out, unsigned char c) {
    out += "&#";
    if (c >= 10) out += static_cast<char>('0' + c / 10);
    out += static_cast<char>('0' + c % 10);
    out += ';';
}

void append_escaped_text(std::string& out, std::string_view text) {
    std::size_t run = 0;  // start of the pending run of plain bytes
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const char* rep = nullptr;
        switch (c) {
            case '&': rep = "&amp;"; break;
            case '<': rep = "&lt;"; break;
            case '>': rep = "&gt;"; break;
            default:
                if (c >= 0x20 || c == '\t' || c == '\n') continue;
        }
        out.append(text.data() + run, i - run);
        if (rep) out += rep; else append_char_reference(out, c);
        run = i + 1;
    }
    out.append(text.data() + run, text.size() - run);
}

void append_escaped_attribute(std::string& out, std::string_view value) {
    std::size_t run = 0;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const auto c = static_cast<unsigned char>(value[i]);
        const char* rep = nullptr;
        switch (c) {
            case '&': rep = "&amp;"; break;
            case '<': rep = "&lt;"; break;
            case '>': rep = "&gt;"; break;
            case '"': rep = "&quot;"; break;
            default:
                if (c >= 0x20) continue;
        }
        out.append(value.data() + run, i - run);
        if (rep) out += rep; else append_char_reference(out, c);
        run = i + 1;
    }
    out.append(value.data() + run, value.size() - run);
}

// ---- parsing ------------------------------------------------------------------------------------

std::string describe(pugi::xml_parse_status status) {
    switch (status) {
        case pugi::status_ok: return "no error";
        case pugi::status_file_not_found: return "file not found";
        case pugi::status_io_error: return "the file could not be read";
        case pugi::status_out_of_memory: return "out of memory";
        case pugi::status_internal_error: return "internal error of the XML parser";
        case pugi::status_unrecognized_tag: return "a '<' that starts no tag";
        case pugi::status_bad_pi: return "malformed XML declaration or processing instruction";
        case pugi::status_bad_comment: return "malformed comment";
        case pugi::status_bad_cdata: return "malformed CDATA section";
        case pugi::status_bad_doctype: return "malformed DOCTYPE";
        case pugi::status_bad_pcdata: return "malformed text";
        case pugi::status_bad_start_element: return "malformed start tag";
        case pugi::status_bad_attribute: return "malformed attribute";
        case pugi::status_bad_end_element: return "malformed end tag";
        case pugi::status_end_element_mismatch: return "end tag does not match the open element";
        case pugi::status_append_invalid_root: return "invalid root";
        case pugi::status_no_document_element: return "no root element: the file is empty or not XML";
    }
    return "not well-formed XML";
}

bool find_syntax_error(std::string_view source, SyntaxError& error) {
    pugi::xml_document doc;
    const pugi::xml_parse_result r =
        doc.load_buffer(source.data(), source.size(), k_parse_options, pugi::encoding_utf8);
    if (r) return false;
    error.offset = r.offset < 0 ? 0 : static_cast<std::size_t>(r.offset);
    error.message = describe(r.status);
    return true;
}

// ---- files --------------------------------------------------------------------------------------

namespace {
struct Fd {
    int fd = -1;
    ~Fd() { if (fd >= 0) ::close(fd); }
};

// Reads [offset, offset + n) of the file into p, or as much as there is: the bytes read, or -1
// (errno).
ssize_t read_at(int fd, char* p, std::size_t n, std::size_t offset) noexcept {
    std::size_t got = 0;
    while (got < n) {
        const ssize_t r = ::pread(fd, p + got, n - got, static_cast<off_t>(offset + got));
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) return -1;
        if (r == 0) break;
        got += static_cast<std::size_t>(r);
    }
    return static_cast<ssize_t>(got);
}

// Reading a file costs the copy from the page cache, which takes a core: a large one is read in
// two halves at once (838 MB: 0.40 s on one core, 0.20 s on two). Sets `read` to the bytes read
// (none when no second thread was to be had) and the file position after them.
void read_in_halves(int fd, const std::string& path, char* data, std::size_t size, std::size_t& read) {
    const std::size_t half = size / 2;
    ssize_t second = 0;
    int second_errno = 0;
    std::thread other;
    try {
        other = std::thread([&] {
            second = read_at(fd, data + half, size - half, half);
            if (second < 0) second_errno = errno;
        });
    } catch (const std::system_error&) {
        return;
    }
    const ssize_t first = read_at(fd, data, half, 0);
    const int first_errno = errno;
    other.join();
    if (first < 0) throw IoError(path, std::strerror(first_errno));
    if (second < 0) throw IoError(path, std::strerror(second_errno));
    // A file cut short meanwhile ends where the first short read stopped.
    read = static_cast<std::size_t>(first) < half ? static_cast<std::size_t>(first)
                                                  : half + static_cast<std::size_t>(second);
    if (::lseek(fd, static_cast<off_t>(read), SEEK_SET) < 0) throw IoError(path, std::strerror(errno));
}
}  // namespace

FileBytes load_file(const std::string& path) {
    Fd f;
    do f.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    while (f.fd < 0 && errno == EINTR);
    if (f.fd < 0) throw IoError(path, std::strerror(errno));
    struct stat st {};
    if (::fstat(f.fd, &st) != 0) throw IoError(path, std::strerror(errno));
    if (S_ISDIR(st.st_mode)) throw IoError(path, std::strerror(EISDIR));
    // A regular file is read in one go at its size; anything else (a pipe) grows as it comes.
    std::size_t capacity = S_ISREG(st.st_mode) ? static_cast<std::size_t>(st.st_size) + 1 : 1 << 16;
    FileBytes out;
    out.data.reset(new char[capacity]);
    if (S_ISREG(st.st_mode) && capacity > (std::size_t(64) << 20) && std::thread::hardware_concurrency() >= 2)
        read_in_halves(f.fd, path, out.data.get(), capacity - 1, out.size);
    for (;;) {  // the rest, to the end of the file even if it grew
        if (out.size == capacity) {
            std::unique_ptr<char[]> bigger(new char[capacity * 2]);
            std::memcpy(bigger.get(), out.data.get(), out.size);
            out.data = std::move(bigger);
            capacity *= 2;
        }
        const ssize_t got = ::read(f.fd, out.data.get() + out.size, capacity - out.size);
        if (got < 0) {
            if (errno == EINTR) continue;
            throw IoError(path, std::strerror(errno));
        }
        if (got == 0) break;
        out.size += static_cast<std::size_t>(got);
    }
    return out;
}

// ---- layout -------------------------------------------------------------------------------------

namespace {

class Scanner {
public:
    Scanner(std::string_view s, std::size_t slice_bytes, Layout& layout, SyntaxError& error)
        : b_(s.data()), n_(s.size()), slice_(slice_bytes == 0 ? 1 : slice_bytes), layout_(layout), error_(error) {}

    bool run() {
        if (n_ >= 3 && std::memcmp(b_, "\xEF\xBB\xBF", 3) == 0) p_ = 3;
        if (!misc(true)) return false;
        if (p_ >= n_) return fail(p_, "no root element: the file is empty or not XML");
        if (!element_tree()) return false;
        if (!misc(false)) return false;
        if (p_ < n_) return fail(p_, "content after the root element");
        return true;
    }

private:
    bool fail(std::size_t at, const char* message) {
        error_.offset = std::min(at, n_);
        error_.message = message;
        return false;
    }
    bool starts(std::size_t at, const char* text) const noexcept {
        const std::size_t len = std::strlen(text);
        return n_ - std::min(at, n_) >= len && std::memcmp(b_ + at, text, len) == 0;
    }
    // Moves past the next occurrence of `end`; false when there is none.
    bool skip_past(std::size_t from, const char* end) {
        const std::string_view hay(b_ + from, n_ - from);
        const std::size_t at = hay.find(end);
        if (at == std::string_view::npos) return false;
        p_ = from + at + std::strlen(end);
        return true;
    }
    static bool space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
    static bool name_start(char c) noexcept {
        const auto u = static_cast<unsigned char>(c);
        return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' || u == ':' || u >= 0x80;
    }

    // Comments, processing instructions, white space (and, in the prolog, a DOCTYPE); stops at
    // anything else.
    bool misc(bool prolog) {
        for (;;) {
            while (p_ < n_ && space(b_[p_])) ++p_;
            if (p_ >= n_) return true;
            if (b_[p_] != '<') return fail(p_, prolog ? "text before the root element" : "content after the root element");
            if (starts(p_, "<?")) {
                if (!skip_past(p_ + 2, "?>")) return fail(p_, "unterminated processing instruction");
            } else if (starts(p_, "<!--")) {
                if (!skip_past(p_ + 4, "-->")) return fail(p_, "unterminated comment");
            } else if (prolog && starts(p_, "<!DOCTYPE")) {
                if (!doctype()) return false;
            } else {
                return true;
            }
        }
    }

    bool doctype() {
        const std::size_t start = p_;
        std::size_t q = p_ + 9;
        bool subset = false;
        while (q < n_) {
            const char c = b_[q];
            if (c == '"' || c == '\'') {
                const void* close = std::memchr(b_ + q + 1, c, n_ - q - 1);
                if (!close) return fail(start, "unterminated DOCTYPE");
                q = static_cast<std::size_t>(static_cast<const char*>(close) - b_) + 1;
            } else if (subset && starts(q, "<!--")) {
                if (!skip_past(q + 4, "-->")) return fail(start, "unterminated DOCTYPE");
                q = p_;
            } else if (c == '[') {
                subset = true;
                ++q;
            } else if (c == ']') {
                subset = false;
                ++q;
            } else if (c == '>' && !subset) {
                p_ = q + 1;
                return true;
            } else {
                ++q;
            }
        }
        return fail(start, "unterminated DOCTYPE");
    }

    // A start tag at p_: its name, and where it ends.
    bool start_tag(std::string_view& name, std::size_t& end, bool& self_closing) {
        std::size_t q = p_ + 1;
        if (q >= n_ || !name_start(b_[q])) return fail(p_, "a '<' that starts no tag");
        const std::size_t name_begin = q;
        while (q < n_ && !space(b_[q]) && b_[q] != '/' && b_[q] != '>') ++q;
        name = std::string_view(b_ + name_begin, q - name_begin);
        while (q < n_) {
            const char c = b_[q];
            if (c == '"' || c == '\'') {
                const void* close = std::memchr(b_ + q + 1, c, n_ - q - 1);
                if (!close) return fail(p_, "unterminated attribute value");
                q = static_cast<std::size_t>(static_cast<const char*>(close) - b_) + 1;
            } else if (c == '>') {
                self_closing = b_[q - 1] == '/';
                end = q + 1;
                return true;
            } else if (c == '<') {
                return fail(p_, "malformed start tag");
            } else {
                ++q;
            }
        }
        return fail(p_, "unterminated start tag");
    }

    void maybe_cut(std::size_t at) {
        auto& cuts = layout_.sections.back().cuts;
        if (at - cuts.back() >= slice_) cuts.push_back(at);
    }

    bool element_tree() {
        std::vector<std::string_view> open;
        std::string_view name;
        std::size_t end = 0;
        bool self_closing = false;
        if (!start_tag(name, end, self_closing)) return false;
        layout_.root_tag_begin = p_;
        layout_.root_tag_end = end;
        layout_.root_self_closing = self_closing;
        p_ = end;
        if (self_closing) return true;
        open.push_back(name);
        while (!open.empty()) {
            const void* lt = std::memchr(b_ + p_, '<', n_ - p_);
            if (!lt) return fail(n_, "the file ends inside an element");
            p_ = static_cast<std::size_t>(static_cast<const char*>(lt) - b_);
            if (starts(p_, "<!--")) {
                if (!skip_past(p_ + 4, "-->")) return fail(p_, "unterminated comment");
            } else if (starts(p_, "<![CDATA[")) {
                if (!skip_past(p_ + 9, "]]>")) return fail(p_, "unterminated CDATA section");
            } else if (starts(p_, "<?")) {
                if (!skip_past(p_ + 2, "?>")) return fail(p_, "unterminated processing instruction");
            } else if (starts(p_, "<!")) {
                return fail(p_, "a '<!' that starts no comment or CDATA section");
            } else if (starts(p_, "</")) {
                const std::size_t tag = p_;
                std::size_t q = p_ + 2;
                while (q < n_ && !space(b_[q]) && b_[q] != '>') ++q;
                const std::string_view closing(b_ + p_ + 2, q - p_ - 2);
                while (q < n_ && space(b_[q])) ++q;
                if (q >= n_ || b_[q] != '>') return fail(tag, "malformed end tag");
                if (closing != open.back()) return fail(tag, "end tag does not match the open element");
                open.pop_back();
                p_ = q + 1;
                if (open.size() == 1) {  // a section closed
                    auto& cuts = layout_.sections.back().cuts;
                    if (cuts.back() != tag) cuts.push_back(tag);
                } else if (open.size() == 2) {
                    maybe_cut(p_);
                }
            } else {
                const std::size_t tag = p_;
                if (!start_tag(name, end, self_closing)) return false;
                p_ = end;
                if (open.size() == 1) {
                    Section s;
                    s.tag_begin = tag;
                    s.tag_end = end;
                    s.self_closing = self_closing;
                    if (!self_closing) s.cuts.push_back(end);
                    layout_.sections.push_back(std::move(s));
                }
                if (open.size() == 2) ++layout_.sections.back().children;
                if (!self_closing) {
                    open.push_back(name);
                } else if (open.size() == 2) {
                    maybe_cut(p_);
                }
            }
        }
        return true;
    }

    const char* b_;
    std::size_t n_;
    std::size_t p_ = 0;
    std::size_t slice_;
    Layout& layout_;
    SyntaxError& error_;
};

}  // namespace

bool scan_layout(std::string_view source, std::size_t slice_bytes, Layout& layout, SyntaxError& error) {
    layout = Layout{};
    // U+0000 is not an XML character, and pugixml takes a NUL byte for the end of its buffer: one
    // between two elements silently cut its slice short, dropping every document after it (found
    // by tests/fuzz/corpus_fuzz; tests/hostile_test.cpp NulByte*).
    if (const void* nul = std::memchr(source.data(), '\0', source.size())) {
        error.offset = static_cast<std::size_t>(static_cast<const char*>(nul) - source.data());
        error.message = "a NUL byte (U+0000 is not allowed in XML)";
        return false;
    }
    return Scanner(source, slice_bytes, layout, error).run();
}

bool StartTag::parse(std::string_view source, std::size_t tag_begin, std::size_t tag_end, bool self_closing,
                     SyntaxError& error) {
    text_.assign(source.substr(tag_begin, tag_end - tag_begin));
    if (!self_closing) text_.insert(text_.size() - 1, 1, '/');
    const pugi::xml_parse_result r =
        doc_.load_buffer_inplace(text_.data(), text_.size(), k_parse_options, pugi::encoding_utf8);
    if (r) return true;
    const std::size_t at = r.offset < 0 ? 0 : static_cast<std::size_t>(r.offset);
    error.offset = tag_begin + std::min(at, tag_end - tag_begin - 1);
    error.message = describe(r.status);
    return false;
}

}  // namespace normdoc::detail::xml
