// libFuzzer harness: the date parser and the calendar rules of SPEC §4 (include/normdoc/date.hpp).
//
// Oracles: parse_date never throws; it accepts exactly the 10-byte YYYY-MM-DD form of a real day
// in 1900–2199, and format_date gives the input back; the calendar functions keep their
// documented order (an anniversary is later, a review window opens before the last day …).
#include "normdoc/date.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

void check(bool ok) {
    if (!ok) std::abort();
}

using normdoc::Date;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // The first byte, when there are more than ten, steers the calendar arithmetic; the text
    // itself is also parsed whole, so seeds of plain dates are used as they are.
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const normdoc::DateParse whole = normdoc::parse_date(text);
    check(whole.date.has_value() == whole.error.empty());
    if (!whole && size < 11) return 0;

    const int steer = size > 0 ? data[0] : 0;
    const normdoc::DateParse parsed = whole ? whole : normdoc::parse_date(text.substr(1));
    if (!parsed) return 0;
    const Date day = *parsed.date;
    const std::string_view source = whole ? text : text.substr(1);

    // Round trip and range.
    check(normdoc::format_date(day) == source);
    const int year = day.year();
    check(year >= normdoc::k_min_year && year <= normdoc::k_max_year);

    // SPEC §4 rules on the parsed day; n and m from the steering byte (terms of 0–15 years,
    // windows of 0–15 months).
    const int years = steer & 0x0f;
    const int months = steer >> 4;
    const Date anniv = normdoc::anniversary_years(day, normdoc::Years(years));
    check(years == 0 ? anniv == day : anniv > day);
    // The same month and day, or 1 March after 29 February.
    const auto a = anniv.year_month_day();
    const auto s = day.year_month_day();
    check(a.year == s.year + years);
    check((a.month == s.month && a.day == s.day) || (s.month == 2 && s.day == 29 && a.month == 3 && a.day == 1));

    const Date later = normdoc::anniversary_months(day, normdoc::Months(months));
    check(months == 0 ? later == day : later > day);

    const Date before = normdoc::months_before(day, normdoc::Months(months));
    check(months == 0 ? before == day : before < day);
    check(before.day() <= day.day());

    if (years > 0) {
        const Date last = normdoc::term_last_day(day, normdoc::Years(years));
        check(last >= day && last + boost::gregorian::days(1) == anniv);
        const Date opens = normdoc::review_window_opens(last, normdoc::Months(months));
        check(opens <= last + boost::gregorian::days(1));
    }
    check(normdoc::filing_deadline(day, normdoc::Days(months)) >= day);
    check(normdoc::consultation_days(day, later).count == (later - day).days() + 1);
    return 0;
}
