// The order in which a legal officer reads a list of documents (SPEC §13): by first issuer, then
// by 发文字号 — agency prefix, then year and serial compared as numbers (澄政发〔2013〕6号 before
// 澄政发〔2013〕15号) — documents without a number last, by id. The text, HTML and workbook
// reports list documents in this order; CSV keeps SPEC §10's id order.
//
//   const std::vector<DocumentId> rows = in_document_order(corpus, ids);
#pragma once

#include "normdoc/corpus.hpp"
#include "normdoc/number.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace normdoc {

namespace detail {

// Text compared with each run of ASCII digits taken as a number ("第7号" before "第68号"):
// the tie-breaker for numbers whose structure parse_number does not find, and for two numbers of
// equal agency, year and serial that differ elsewhere.
inline int compare_natural(std::string_view a, std::string_view b) noexcept {
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            std::size_t ie = i, je = j;
            while (ie < a.size() && digit(a[ie])) ++ie;
            while (je < b.size() && digit(b[je])) ++je;
            std::size_t is = i, js = j;  // leading zeros do not make a number larger
            while (is + 1 < ie && a[is] == '0') ++is;
            while (js + 1 < je && b[js] == '0') ++js;
            if (ie - is != je - js) return ie - is < je - js ? -1 : 1;
            if (const int c = a.substr(is, ie - is).compare(b.substr(js, je - js)); c != 0) return c < 0 ? -1 : 1;
            i = ie;
            j = je;
            continue;
        }
        if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]) ? -1 : 1;
        ++i;
        ++j;
    }
    if (i == a.size() && j == b.size()) return 0;
    return i == a.size() ? -1 : 1;
}

// The agency prefix of a number without a recognised year: the text before its first digit.
inline std::string_view prefix_before_digits(std::string_view text) noexcept {
    std::size_t k = 0;
    while (k < text.size() && !(text[k] >= '0' && text[k] <= '9')) ++k;
    return text.substr(0, k);
}

}  // namespace detail

// SPEC §13: whether number `a` comes before number `b` (both non-empty): agency prefix (bytes),
// then year, then serial as numbers (a number without a year or serial after those with one of the
// same prefix), then the whole text with its digit runs as numbers, then bytes.
namespace detail {
inline bool number_before(std::string_view a, const DocumentNumber& na, std::string_view b, const DocumentNumber& nb) noexcept {
    const std::string_view pa = na.year ? na.agency : detail::prefix_before_digits(a);
    const std::string_view pb = nb.year ? nb.agency : detail::prefix_before_digits(b);
    if (const int c = pa.compare(pb); c != 0) return c < 0;
    if (na.year.has_value() != nb.year.has_value()) return na.year.has_value();
    if (na.year && *na.year != *nb.year) return *na.year < *nb.year;
    if (na.serial.has_value() != nb.serial.has_value()) return na.serial.has_value();
    if (na.serial && *na.serial != *nb.serial) return *na.serial < *nb.serial;
    if (const int c = detail::compare_natural(a, b); c != 0) return c < 0;
    return a < b;
}
}  // namespace detail

inline bool number_before(std::string_view a, std::string_view b) noexcept {
    return detail::number_before(a, parse_number(a), b, parse_number(b));
}

// SPEC §13: `documents` (any subset of the corpus, each once) in the reports' order: by first
// issuer (in the corpus's authority order, the order of the summary by issuer), then by number as
// number_before says, documents without a number after those with one, by id (bytes).
std::vector<DocumentId> in_document_order(const Corpus& corpus, std::vector<DocumentId> documents);

}  // namespace normdoc
