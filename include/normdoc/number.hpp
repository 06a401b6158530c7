// The document number 发文字号, e.g. 澄政发〔2018〕12号: agency code, 〔year〕, serial, 号.
// Numbers are free text (SPEC §7); this only reads what structure there is.
#pragma once

#include <optional>
#include <ostream>
#include <string_view>

namespace normdoc {

struct DocumentNumber {
    std::string_view agency;       // text before the year bracket (澄政发)
    std::optional<int> year;       // the year inside 〔〕, [] or （）
    std::optional<long> serial;    // the digits after the bracket (12)
};

namespace detail {
inline constexpr std::string_view k_year_brackets[][2] = {{"〔", "〕"}, {"[", "]"}, {"（", "）"}};
}

// SPEC §7: where the number holds a four-digit year in 〔〕, [] or （）, that year.
inline DocumentNumber parse_number(std::string_view text) noexcept {
    DocumentNumber out;
    for (const auto& pair : detail::k_year_brackets) {
        const std::string_view open = pair[0], close = pair[1];
        for (std::size_t at = text.find(open); at != std::string_view::npos; at = text.find(open, at + 1)) {
            const std::size_t digits = at + open.size();
            if (text.size() < digits + 4 + close.size()) break;
            int year = 0;
            bool ok = true;
            for (std::size_t i = 0; i < 4; ++i) {
                const char c = text[digits + i];
                if (c < '0' || c > '9') { ok = false; break; }
                year = year * 10 + (c - '0');
            }
            if (!ok || text.substr(digits + 4, close.size()) != close) continue;
            out.agency = text.substr(0, at);
            out.year = year;
            std::size_t pos = digits + 4 + close.size();
            long serial = 0;
            bool any = false;
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && serial < 100000000) {
                serial = serial * 10 + (text[pos] - '0');
                any = true;
                ++pos;
            }
            if (any) out.serial = serial;
            return out;
        }
    }
    return out;
}

inline std::ostream& operator<<(std::ostream& os, const DocumentNumber& n) {
    os << "DocumentNumber{" << n.agency;
    if (n.year) os << " year=" << *n.year;
    if (n.serial) os << " serial=" << *n.serial;
    return os << '}';
}

}  // namespace normdoc
