// SPEC §4: the calendar rules (include/normdoc/date.hpp). Every worked example of §4 is a test
// of its own; then every day of 1996–2032 is checked against an independent computation.
#include "normdoc/date.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <boost/date_time/gregorian/gregorian.hpp>

namespace normdoc {
namespace {

using test::d;

// ---- SPEC §4 worked examples ---------------------------------------------------------------

TEST(LastDayInForce, EffectiveJune1FiveYearsEndsMay31) {
    EXPECT_EQ(term_last_day(d("2018-06-01"), Years(5)), d("2023-05-31"));
}

TEST(LastDayInForce, EffectiveFeb28EndsTheDayBeforeTheAnniversaryNotAtTheLeapDay) {
    EXPECT_EQ(term_last_day(d("2019-02-28"), Years(5)), d("2024-02-27"));
}

TEST(LastDayInForce, EffectiveLeapDayAnniversaryIsMarch1SoEndsFeb28) {
    EXPECT_EQ(term_last_day(d("2020-02-29"), Years(5)), d("2025-02-28"));
}

TEST(LastDayInForce, TrialFromMarch1TwoYearsEndsOnTheLeapDay) {
    EXPECT_EQ(term_last_day(d("2018-03-01"), Years(2)), d("2020-02-29"));
}

TEST(ReviewWindow, LastDayMay31OpensDecember1) {
    EXPECT_EQ(review_window_opens(d("2023-05-31"), Months(6)), d("2022-12-01"));
}

TEST(ReviewWindow, MissingDaySixMonthsBackIsTheLastDayOfThatMonth) {
    EXPECT_EQ(review_window_opens(d("2020-08-30"), Months(6)), d("2020-02-29"));
}

TEST(Anniversary, LeapDayInACommonYearIsMarch1) {
    EXPECT_EQ(anniversary_years(d("2020-02-29"), Years(1)), d("2021-03-01"));
    EXPECT_EQ(anniversary_years(d("2020-02-29"), Years(4)), d("2024-02-29"));
}

TEST(Anniversary, MissingDayOfMonthIsTheFirstOfTheFollowingMonth) {
    EXPECT_EQ(anniversary_months(d("2018-01-31"), Months(1)), d("2018-03-01"));
    EXPECT_EQ(anniversary_months(d("2018-03-31"), Months(1)), d("2018-05-01"));
    EXPECT_EQ(anniversary_months(d("2018-12-31"), Months(2)), d("2019-03-01"));
}

TEST(MonthsBefore, MissingDayIsTheLastDayOfThatMonth) {
    EXPECT_EQ(months_before(d("2019-03-31"), Months(1)), d("2019-02-28"));
    EXPECT_EQ(months_before(d("2018-05-31"), Months(6)), d("2017-11-30"));
    EXPECT_EQ(months_before(d("2019-01-15"), Months(1)), d("2018-12-15"));
}

TEST(FilingDeadline, IsPublishedPlusWithinDays) {
    EXPECT_EQ(filing_deadline(d("2018-05-10"), Days(30)), d("2018-06-09"));
}

TEST(FilingDeadline, AFilingOnTheDeadlineIsOnTime) {
    const Date deadline = filing_deadline(d("2018-05-10"), Days(30));
    const Date filed = d("2018-06-09");
    EXPECT_TRUE(filed <= deadline);
    EXPECT_FALSE(filed + boost::gregorian::days(1) <= deadline);
}

TEST(ConsultationLength, CountsBothEnds) {
    EXPECT_EQ(consultation_days(d("2018-03-01"), d("2018-03-30")).count, 30);
    EXPECT_EQ(consultation_days(d("2018-03-01"), d("2018-03-01")).count, 1);
    EXPECT_EQ(consultation_days(d("2020-02-01"), d("2020-03-01")).count, 30);  // leap February
}

// ---- strict parsing (SPEC §4, §7) ----------------------------------------------------------

void expect_rejected(std::string_view text) {
    const DateParse parsed = parse_date(text);
    EXPECT_FALSE(parsed) << text;
    EXPECT_FALSE(parsed.error.empty()) << text << " is rejected without a reason";
}

TEST(ParseDate, AcceptsExactlyYyyyMmDd) {
    const DateParse parsed = parse_date("2018-11-30");
    ASSERT_TRUE(parsed) << parsed.error;
    EXPECT_EQ(*parsed.date, Date(2018, 11, 30));
    EXPECT_TRUE(parsed.error.empty());
    EXPECT_TRUE(parse_date("2020-02-29"));
    EXPECT_TRUE(parse_date("1900-01-01"));
    EXPECT_TRUE(parse_date("2199-12-31"));
}

TEST(ParseDate, RejectsADayTheMonthDoesNotHave) {
    expect_rejected("2018-02-30");
    expect_rejected("2019-02-29");
    expect_rejected("2018-04-31");
    expect_rejected("2018-01-00");
    expect_rejected("2018-13-01");
    expect_rejected("2018-00-10");
    expect_rejected("1900-02-29");  // 1900 is not a leap year
}

TEST(ParseDate, RejectsMissingLeadingZeros) { expect_rejected("2018-2-3"); }

TEST(ParseDate, RejectsOtherNotations) {
    expect_rejected("30/11/2018");
    expect_rejected("2018/11/30");
    expect_rejected("20181130");
    expect_rejected("2018-11-30T00:00:00");
    expect_rejected("+018-11-30");
    expect_rejected("２０１８-11-30");  // full-width digits
}

TEST(ParseDate, RejectsTrailingText) {
    expect_rejected("2018-11-30 ");
    expect_rejected("2018-11-30x");
    expect_rejected("2018-11-300");
    expect_rejected(std::string_view("2018-11-30\0", 11));  // an embedded NUL is text too
}

TEST(ParseDate, RejectsLeadingSpace) {
    expect_rejected(" 2018-11-30");
    expect_rejected("\t2018-11-30");
}

TEST(ParseDate, RejectsEmpty) { expect_rejected(""); }

TEST(ParseDate, RejectsYearsOutside1900To2199WithTheReason) {
    const DateParse early = parse_date("1899-12-31");
    EXPECT_FALSE(early);
    EXPECT_NE(early.error.find("1900"), std::string::npos) << early.error;
    const DateParse late = parse_date("2200-01-01");
    EXPECT_FALSE(late);
    EXPECT_NE(late.error.find("2199"), std::string::npos) << late.error;
}

TEST(FormatDate, RoundTripsWithLeadingZeros) {
    EXPECT_EQ(format_date(d("1900-01-01")), "1900-01-01");
    EXPECT_EQ(format_date(d("2018-06-09")), "2018-06-09");
}

// ---- exhaustive checks against an independent calendar -------------------------------------
//
// The reference calendar is built by counting days one by one from 1990-01-01 with its own
// month lengths (checked once against Boost's day numbers). On it:
//   anniv(S, n months)  = the first day on or after (y', m', d)   (lexicographic order)
//   before(D, n months) = the last day on or before (y', m', d)
// where (y', m') is n months after / before (y, m), counted one month at a time. A day that
// does not exist, such as (2021, 2, 29), falls between the end of its month and the next
// month's first day, which is exactly SPEC §4's rule for each direction.

using Ymd = std::tuple<int, int, int>;

class ReferenceCalendar {
public:
    ReferenceCalendar() {
        int y = 1990, m = 1, day = 1;
        while (y <= 2080) {
            days_.emplace_back(y, m, day);
            const bool leap = y % 400 == 0 || (y % 4 == 0 && y % 100 != 0);
            const int month_length = m == 2 ? (leap ? 29 : 28) : (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31;
            if (++day > month_length) {
                day = 1;
                if (++m > 12) {
                    m = 1;
                    ++y;
                }
            }
        }
    }
    const std::vector<Ymd>& days() const { return days_; }
    Ymd first_on_or_after(Ymd target) const { return *std::lower_bound(days_.begin(), days_.end(), target); }
    Ymd last_on_or_before(Ymd target) const { return *std::prev(std::upper_bound(days_.begin(), days_.end(), target)); }

private:
    std::vector<Ymd> days_;
};

const ReferenceCalendar& reference() {
    static const ReferenceCalendar calendar;
    return calendar;
}

Ymd ymd(Date day) {
    const auto f = day.year_month_day();
    return {static_cast<int>(f.year), static_cast<int>(f.month), static_cast<int>(f.day)};
}

std::pair<int, int> step_months(int y, int m, int n) {
    for (; n > 0; --n)
        if (++m > 12) { m = 1; ++y; }
    for (; n < 0; ++n)
        if (--m < 1) { m = 12; --y; }
    return {y, m};
}

std::string show(Ymd t) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", std::get<0>(t), std::get<1>(t), std::get<2>(t));
    return buf;
}

// Every day of 1996–2032, as Boost dates.
std::vector<Date> every_day() {
    std::vector<Date> out;
    for (Date day(1996, 1, 1); day <= Date(2032, 12, 31); day += boost::gregorian::days(1)) out.push_back(day);
    return out;
}

TEST(ReferenceCalendarCheck, AgreesWithBoostDayByDay) {
    Date day(1990, 1, 1);
    for (const Ymd& t : reference().days()) {
        ASSERT_EQ(ymd(day), t) << show(t);
        day += boost::gregorian::days(1);
    }
}

TEST(AnniversaryExhaustive, ByYearsOneToTenEveryDay1996To2032) {
    for (const Date start : every_day()) {
        const auto [y, m, day] = ymd(start);
        for (int n = 1; n <= 10; ++n) {
            const Ymd expected = reference().first_on_or_after({y + n, m, day});
            ASSERT_EQ(ymd(anniversary_years(start, Years(n))), expected) << format_date(start) << " + " << n << " years";
        }
    }
}

TEST(AnniversaryExhaustive, ByMonthsOneToTwentyFourEveryDay1996To2032) {
    for (const Date start : every_day()) {
        const auto [y, m, day] = ymd(start);
        for (int n = 1; n <= 24; ++n) {
            const auto [ty, tm] = step_months(y, m, n);
            const Ymd expected = reference().first_on_or_after({ty, tm, day});
            ASSERT_EQ(ymd(anniversary_months(start, Months(n))), expected) << format_date(start) << " + " << n << " months";
        }
    }
}

TEST(MonthsBeforeExhaustive, OneToTwelveEveryDay1996To2032) {
    for (const Date start : every_day()) {
        const auto [y, m, day] = ymd(start);
        for (int n = 1; n <= 12; ++n) {
            const auto [ty, tm] = step_months(y, m, -n);
            const Ymd expected = reference().last_on_or_before({ty, tm, day});
            ASSERT_EQ(ymd(months_before(start, Months(n))), expected) << format_date(start) << " - " << n << " months";
        }
    }
}

TEST(LastDayInForceExhaustive, IsTheDayBeforeTheAnniversaryEveryDay1996To2032) {
    for (const Date start : every_day()) {
        const auto [y, m, day] = ymd(start);
        for (int n : {2, 5}) {
            const Ymd anniv = reference().first_on_or_after({y + n, m, day});
            const auto at = std::lower_bound(reference().days().begin(), reference().days().end(), anniv);
            ASSERT_EQ(ymd(term_last_day(start, Years(n))), *std::prev(at)) << format_date(start) << ", " << n << " years";
        }
    }
}

TEST(ParseDateExhaustive, AcceptsEveryRealDayAndFormatsItBack) {
    for (const Date day : every_day()) {
        const std::string text = format_date(day);
        const DateParse parsed = parse_date(text);
        ASSERT_TRUE(parsed) << text << ": " << parsed.error;
        ASSERT_EQ(*parsed.date, day);
    }
}

TEST(ParseDateExhaustive, RejectsEveryDayPastTheEndOfItsMonth) {
    for (int y = 1996; y <= 2032; ++y)
        for (int m = 1; m <= 12; ++m)
            for (int day = 28; day <= 31; ++day) {
                char text[16];
                std::snprintf(text, sizeof text, "%04d-%02d-%02d", y, m, day);
                const bool exists = reference().first_on_or_after({y, m, day}) == Ymd{y, m, day};
                ASSERT_EQ(static_cast<bool>(parse_date(text)), exists) << text;
            }
}

// ---- not Boost's snapping arithmetic (SPEC §4) ---------------------------------------------

TEST(NotBoostYears, Feb28PlusFiveYearsStaysOnThe28th) {
    const Date start = d("2019-02-28");
    EXPECT_EQ(start + boost::gregorian::years(5), d("2024-02-29"));  // Boost snaps to the month end
    EXPECT_EQ(anniversary_years(start, Years(5)), d("2024-02-28"));
    EXPECT_EQ(term_last_day(start, Years(5)), d("2024-02-27"));
}

// Boost's years(n) differs from the legal anniversary exactly on month ends of February: a
// 28 February of a common year (Boost goes to a leap year's 29th) and a 29 February (Boost goes
// to 28 February, SPEC §4 to 1 March).
TEST(NotBoostYears, DiffersExactlyOnFebruaryMonthEndsEveryDay1996To2032) {
    int differences = 0;
    for (const Date start : every_day()) {
        const auto [y, m, day] = ymd(start);
        for (int n = 1; n <= 10; ++n) {
            const bool target_leap = is_leap_year(y + n);
            const bool must_differ = m == 2 && ((day == 28 && !is_leap_year(y) && target_leap) || (day == 29 && !target_leap));
            const bool differs = anniversary_years(start, Years(n)) != start + boost::gregorian::years(n);
            ASSERT_EQ(differs, must_differ) << format_date(start) << " + " << n << " years";
            differences += differs;
        }
    }
    EXPECT_GT(differences, 0);
}

// Boost's months(n) snaps every month end; SPEC §4 keeps the day (30 April + 1 month = 30 May).
TEST(NotBoostMonths, MonthEndsAreNotSnapped) {
    EXPECT_EQ(d("2018-04-30") + boost::gregorian::months(1), d("2018-05-31"));
    EXPECT_EQ(anniversary_months(d("2018-04-30"), Months(1)), d("2018-05-30"));
    EXPECT_EQ(d("2018-01-31") + boost::gregorian::months(1), d("2018-02-28"));
    EXPECT_EQ(anniversary_months(d("2018-01-31"), Months(1)), d("2018-03-01"));
}

}  // namespace
}  // namespace normdoc
