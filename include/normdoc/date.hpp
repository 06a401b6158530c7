// The calendar rules of SPEC §4 on boost::gregorian::date.
//
// Boost's own years(n) / months(n) snap month ends (2019-02-28 + years(5) = 2024-02-29), which
// is not the legal anniversary, so every rule here works on year/month/day fields instead.
#pragma once

#include <boost/date_time/gregorian/greg_date.hpp>
#include <boost/date_time/gregorian/greg_duration.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace normdoc {

using Date = boost::gregorian::date;

// SPEC §7: years outside this range are BAD_DATE.
inline constexpr int k_min_year = 1900;
inline constexpr int k_max_year = 2199;

constexpr bool is_leap_year(int year) noexcept {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

constexpr int days_in_month(int year, int month) noexcept {
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

// Counts of years, months and days are distinct types, so that a term of 5 years cannot be passed
// where 6 months are meant (SPEC §3: validity years, review months, filing days).
struct Years {
    int count;
    constexpr explicit Years(int n) noexcept : count(n) {}
};
struct Months {
    int count;
    constexpr explicit Months(int n) noexcept : count(n) {}
};
struct Days {
    long count;
    constexpr explicit Days(long n) noexcept : count(n) {}
    friend constexpr bool operator==(Days a, Days b) noexcept { return a.count == b.count; }
    friend constexpr bool operator!=(Days a, Days b) noexcept { return a.count != b.count; }
    friend constexpr bool operator<(Days a, Days b) noexcept { return a.count < b.count; }
    friend constexpr bool operator<=(Days a, Days b) noexcept { return a.count <= b.count; }
    friend constexpr bool operator>(Days a, Days b) noexcept { return a.count > b.count; }
    friend constexpr bool operator>=(Days a, Days b) noexcept { return a.count >= b.count; }
};

namespace detail {
struct YearMonth {
    int year;
    int month;  // 1..12
};
constexpr YearMonth shift_months(int year, int month, int delta) noexcept {
    const int index = year * 12 + (month - 1) + delta;
    return {index / 12, index % 12 + 1};
}
// Callers have checked the fields; Boost takes them as unsigned short.
inline Date make_date(int year, int month, int day) {
    using boost::gregorian::greg_day;
    using boost::gregorian::greg_month;
    using boost::gregorian::greg_year;
    return Date(greg_year(static_cast<unsigned short>(year)), greg_month(static_cast<unsigned short>(month)),
                greg_day(static_cast<unsigned short>(day)));
}
}  // namespace detail

// SPEC §4: the same day n months later; if that day does not exist, the first day of the
// following month (31 January + 1 month = 1 March).
inline Date anniversary_months(Date start, Months months) {
    const auto ymd = start.year_month_day();
    const auto [y, m] = detail::shift_months(ymd.year, ymd.month, months.count);
    if (ymd.day <= days_in_month(y, m)) return detail::make_date(y, m, ymd.day);
    const auto next = detail::shift_months(y, m, 1);
    return detail::make_date(next.year, next.month, 1);
}

// SPEC §4: the same month and day n years later; 29 February → 1 March in a common year.
inline Date anniversary_years(Date start, Years years) { return anniversary_months(start, Months(years.count * 12)); }

// SPEC §4: the same day M months earlier, or the last day of that month if it does not exist
// (2020-08-30 back 6 months → 2020-02-29).
inline Date months_before(Date day, Months months) {
    const auto ymd = day.year_month_day();
    const auto [y, m] = detail::shift_months(ymd.year, ymd.month, -months.count);
    const int last = days_in_month(y, m);
    return detail::make_date(y, m, ymd.day <= last ? static_cast<int>(ymd.day) : last);
}

// SPEC §4: last day in force of a term of `years` from `effective`: anniv − 1 day.
inline Date term_last_day(Date effective, Years years) {
    return anniversary_years(effective, years) - boost::gregorian::days(1);
}

// SPEC §4: the review window opens `months` before the day after the last day, and closes on it.
inline Date review_window_opens(Date last_day, Months months) {
    return months_before(last_day + boost::gregorian::days(1), months);
}

// SPEC §4: a filing on the deadline is on time.
inline Date filing_deadline(Date published, Days within) {
    return published + boost::gregorian::days(within.count);
}

// SPEC §4: both ends count.
inline Days consultation_days(Date from, Date to) { return Days((to - from).days() + 1); }

// The result of parsing a date: a value, or the reason it is not one. Never throws.
struct DateParse {
    std::optional<Date> date;
    std::string error;  // empty when date is set
    explicit operator bool() const noexcept { return date.has_value(); }
};

// SPEC §4/§7: exactly YYYY-MM-DD, a real calendar day, year 1900–2199; nothing else.
inline DateParse parse_date(std::string_view text) noexcept {
    auto fail = [](const char* why) { return DateParse{std::nullopt, why}; };
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return fail("not a date in the form YYYY-MM-DD");
    int fields[3] = {0, 0, 0};
    const int starts[3] = {0, 5, 8};
    const int lengths[3] = {4, 2, 2};
    for (int f = 0; f < 3; ++f) {
        for (int i = 0; i < lengths[f]; ++i) {
            const char c = text[static_cast<std::size_t>(starts[f] + i)];
            if (c < '0' || c > '9') return fail("not a date in the form YYYY-MM-DD");
            fields[f] = fields[f] * 10 + (c - '0');
        }
    }
    const int year = fields[0], month = fields[1], day = fields[2];
    if (year < k_min_year || year > k_max_year) return fail("year outside 1900-2199");
    if (month < 1 || month > 12) return fail("no such month");
    if (day < 1 || day > days_in_month(year, month)) return fail("no such day in that month");
    return DateParse{detail::make_date(year, month, day), {}};
}

// YYYY-MM-DD.
inline std::string format_date(Date day) {
    const auto ymd = day.year_month_day();
    char buf[11];
    const unsigned y = ymd.year, m = ymd.month, d = ymd.day;
    buf[0] = static_cast<char>('0' + y / 1000 % 10);
    buf[1] = static_cast<char>('0' + y / 100 % 10);
    buf[2] = static_cast<char>('0' + y / 10 % 10);
    buf[3] = static_cast<char>('0' + y % 10);
    buf[4] = '-';
    buf[5] = static_cast<char>('0' + m / 10);
    buf[6] = static_cast<char>('0' + m % 10);
    buf[7] = '-';
    buf[8] = static_cast<char>('0' + d / 10);
    buf[9] = static_cast<char>('0' + d % 10);
    buf[10] = '\0';
    return std::string(buf, 10);
}

}  // namespace normdoc
