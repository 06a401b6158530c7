// libFuzzer harness: the document number parser (发文字号, include/normdoc/number.hpp).
//
// Oracles: parse_number never throws and never reads outside its input; the agency it returns
// is a prefix of the text; a year is four ASCII digits that stand in the text between one of the
// brackets 〔〕, [] or （）, right after the agency; a serial is the digits that follow.
#include "normdoc/number.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {
void check(bool ok) {
    if (!ok) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // A copy in a buffer of exactly `size` bytes, so ASan sees any read past the end.
    const std::string owned(reinterpret_cast<const char*>(data), size);
    const std::string_view text(owned);
    const normdoc::DocumentNumber n = normdoc::parse_number(text);

    if (!n.year) {
        check(n.agency.empty() && !n.serial);
        return 0;
    }
    // The agency is a view of the text's beginning.
    check(n.agency.data() == text.data() && n.agency.size() <= text.size());
    check(*n.year >= 0 && *n.year <= 9999);

    const std::string_view rest = text.substr(n.agency.size());
    bool bracketed = false;
    for (const auto& pair : normdoc::detail::k_year_brackets) {
        const std::string_view open = pair[0], close = pair[1];
        if (rest.substr(0, open.size()) != open) continue;
        const std::string_view digits = rest.substr(open.size(), 4);
        if (digits.size() != 4 || rest.substr(open.size() + 4, close.size()) != close) continue;
        int year = 0;
        for (char c : digits) year = year * 10 + (c - '0');
        if (year != *n.year) continue;
        bracketed = true;
        const std::string_view after = rest.substr(open.size() + 4 + close.size());
        if (n.serial) {
            check(!after.empty() && after[0] >= '0' && after[0] <= '9');
            check(*n.serial >= 0 && *n.serial < 1000000000L);
        } else {
            check(after.empty() || after[0] < '0' || after[0] > '9');
        }
    }
    check(bracketed);
    // Same text, same answer (a pure function).
    const normdoc::DocumentNumber again = normdoc::parse_number(text);
    check(again.agency == n.agency && again.year == n.year && again.serial == n.serial);
    return 0;
}
