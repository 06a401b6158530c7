#include "encoding.hpp"

#include <iconv.h>

#include <cerrno>
#include <cstring>

namespace normdoc::detail {
namespace {

char ascii_upper(char c) noexcept { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

bool equals_ignoring_case(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_upper(a[i]) != ascii_upper(b[i])) return false;
    return true;
}

bool starts_with(std::string_view s, std::string_view prefix) noexcept { return s.substr(0, prefix.size()) == prefix; }

class Iconv {
public:
    Iconv(const char* to, const char* from) : cd_(::iconv_open(to, from)) {}
    ~Iconv() {
        if (ok()) ::iconv_close(cd_);
    }
    Iconv(const Iconv&) = delete;
    Iconv& operator=(const Iconv&) = delete;
    bool ok() const noexcept { return cd_ != reinterpret_cast<iconv_t>(-1); }
    iconv_t get() const noexcept { return cd_; }

private:
    iconv_t cd_;
};

}  // namespace

std::string declared_encoding(std::string_view s) {
    if (starts_with(s, "\xEF\xBB\xBF")) return "UTF-8";
    if (starts_with(s, "\xFF\xFE")) return "UTF-16LE";
    if (starts_with(s, "\xFE\xFF")) return "UTF-16BE";
    // The XML declaration, if any, is at the very start: <?xml version="1.0" encoding="GBK"?>
    if (!starts_with(s, "<?xml")) return {};
    const std::size_t end = s.find("?>");
    const std::string_view decl = s.substr(0, end == std::string_view::npos ? std::min<std::size_t>(s.size(), 200) : end);
    const std::size_t at = decl.find("encoding");
    if (at == std::string_view::npos) return {};
    std::size_t i = at + 8;
    while (i < decl.size() && (decl[i] == ' ' || decl[i] == '\t' || decl[i] == '\r' || decl[i] == '\n')) ++i;
    if (i >= decl.size() || decl[i] != '=') return {};
    ++i;
    while (i < decl.size() && (decl[i] == ' ' || decl[i] == '\t' || decl[i] == '\r' || decl[i] == '\n')) ++i;
    if (i >= decl.size() || (decl[i] != '"' && decl[i] != '\'')) return {};
    const char quote = decl[i++];
    const std::size_t close = decl.find(quote, i);
    if (close == std::string_view::npos) return {};
    return std::string(decl.substr(i, close - i));
}

bool is_utf8_name(std::string_view e) noexcept {
    return e.empty() || equals_ignoring_case(e, "UTF-8") || equals_ignoring_case(e, "UTF8") ||
           equals_ignoring_case(e, "US-ASCII") || equals_ignoring_case(e, "ASCII");
}

std::string iconv_name(std::string_view e) {
    // GB18030 is a superset of GBK and GB2312 (EUC-CN), so every file declared so reads as it.
    for (std::string_view gb : {"GBK", "GB2312", "GB18030", "CP936", "X-GBK", "EUC-CN", "GB_2312-80", "WINDOWS-936", "MS936"})
        if (equals_ignoring_case(e, gb)) return "GB18030";
    return std::string(e);
}

std::size_t find_invalid_utf8(std::string_view text) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        // ASCII runs are the common case: skip them eight bytes at a time.
        while (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, p + i, 8);
            if (word & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= n) break;
        const unsigned char c = p[i];
        if (c < 0x80) { ++i; continue; }
        std::size_t len;
        unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c == 0xE0) { len = 3; lo = 0xA0; }
        else if (c >= 0xE1 && c <= 0xEC) len = 3;
        else if (c == 0xED) { len = 3; hi = 0x9F; }  // no UTF-16 surrogates
        else if (c >= 0xEE && c <= 0xEF) len = 3;
        else if (c == 0xF0) { len = 4; lo = 0x90; }
        else if (c >= 0xF1 && c <= 0xF3) len = 4;
        else if (c == 0xF4) { len = 4; hi = 0x8F; }
        else return i;
        if (i + len > n) return i;
        if (p[i + 1] < lo || p[i + 1] > hi) return i;
        for (std::size_t k = 2; k < len; ++k)
            if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
        i += len;
    }
    return std::string_view::npos;
}

Conversion convert_to_utf8(std::string_view source, const std::string& from_encoding) {
    Conversion out;
    Iconv cd("UTF-8", from_encoding.c_str());
    if (!cd.ok()) {
        out.error = "the encoding '" + from_encoding + "' is not supported";
        return out;
    }
    // Drop a byte-order mark: what follows is parsed as UTF-8 without one.
    std::size_t skip = 0;
    if (starts_with(source, "\xFF\xFE") || starts_with(source, "\xFE\xFF")) skip = 2;
    if (starts_with(source, "\xEF\xBB\xBF")) skip = 3;

    out.text.resize(source.size() * 2 + 16);
    char* in = const_cast<char*>(source.data()) + skip;  // iconv's signature is not const-correct
    std::size_t in_left = source.size() - skip;
    std::size_t used = 0;
    while (in_left > 0) {
        char* dst = &out.text[used];
        std::size_t dst_left = out.text.size() - used;
        const std::size_t r = ::iconv(cd.get(), &in, &in_left, &dst, &dst_left);
        used = out.text.size() - dst_left;
        if (r != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) {
            out.text.resize(out.text.size() * 2);
            continue;
        }
        out.error_offset = static_cast<std::size_t>(in - source.data());
        out.error = errno == EINVAL ? "the file ends inside a character of encoding " + from_encoding
                                    : "a byte sequence that is not valid " + from_encoding;
        out.text.clear();
        return out;
    }
    out.text.resize(used);
    out.ok = true;
    return out;
}

}  // namespace normdoc::detail
