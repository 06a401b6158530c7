// The values the Akoma Ntoso import reads (SPEC §9): text helpers, work keys, author hrefs, dates.
#include "xml/akn_values.hpp"

#include "normdoc/id.hpp"

#include <algorithm>

namespace normdoc::detail::akn {

bool is_xml_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && is_xml_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_xml_space(s.back())) s.remove_suffix(1);
    return s;
}

// White space folded (SPEC §9 titles): runs of white space become one space, none at the ends.
// White space is XML's four and SPEC §7's Unicode white space (legislation.gov.uk writes
// "Northern\u00a0Ireland" in its titles).
std::string fold_space(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (is_xml_space(c)) {
            pending = !out.empty();
            continue;
        }
        if (const std::size_t n = unicode_space_at(s, i); n != 0) {
            pending = !out.empty();
            i += n - 1;
            continue;
        }
        if (pending) out += ' ';
        pending = false;
        out += c;
    }
    return out;
}

bool ends_with_ignoring_case(std::string_view s, std::string_view suffix) noexcept {
    if (s.size() < suffix.size()) return false;
    s = s.substr(s.size() - suffix.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        char a = s[i], b = suffix[i];
        if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
        if (a != b) return false;
    }
    return true;
}

std::string_view strip_hash(std::string_view s) noexcept {
    if (!s.empty() && s.front() == '#') s.remove_prefix(1);
    return s;
}

std::string in_quotes(std::string_view s) {
    constexpr std::size_t k_shown = 200;
    if (s.size() > k_shown) return "'" + std::string(s.substr(0, k_shown)) + "…'";
    return "'" + std::string(s) + "'";
}

// %XX escapes decoded (export-akn escapes '%', '#', spaces … in hrefs); none when there are none
// or one is malformed.
std::optional<std::string> percent_decoded(std::string_view s) {
    if (s.find('%') == std::string_view::npos) return std::nullopt;
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    };
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i];
            continue;
        }
        if (i + 2 >= s.size() || hex(s[i + 1]) < 0 || hex(s[i + 2]) < 0) return std::nullopt;
        out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
        i += 2;
    }
    return out;
}

// A work URI as the key of the document it names: SPEC §9 "with or without a trailing /!main or
// /main".
std::string_view work_key(std::string_view uri) noexcept {
    uri = trim(uri);
    for (std::string_view k_main : {std::string_view("/!main"), std::string_view("/main")})
        if (uri.size() > k_main.size() && uri.substr(uri.size() - k_main.size()) == k_main) {
            uri.remove_suffix(k_main.size());
            break;
        }
    return uri;
}

// SPEC §9: an author href that names no organization (legislation.gov.uk writes URLs there) is an
// authority of its own, its id the last path segment or the fragment.
std::string href_authority_id(std::string_view href) {
    href = trim(href);
    if (const std::size_t hash = href.rfind('#'); hash != std::string_view::npos && hash + 1 < href.size())
        return std::string(href.substr(hash + 1));
    while (!href.empty() && href.back() == '/') href.remove_suffix(1);
    const std::size_t slash = href.rfind('/');
    std::string_view segment = slash == std::string_view::npos ? href : href.substr(slash + 1);
    return std::string(segment.empty() ? href : segment);
}

DateRead read_date(std::string_view text) {
    DateRead out;
    text = trim(text);
    if (text.size() == 4 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        out.bare_year = true;
        return out;
    }
    if (text.size() > 10) {
        const char sep = text[10];
        if (sep == 'T' || sep == 't' || sep == ' ' || sep == 'Z' || sep == '+' || sep == '-') {
            const DateParse p = parse_date(text.substr(0, 10));
            if (p) {
                out.date = p.date;
                out.date_time = true;
                return out;
            }
        }
    }
    const DateParse p = parse_date(text);
    if (p) out.date = p.date;
    else out.error = p.error;
    return out;
}

}  // namespace normdoc::detail::akn
