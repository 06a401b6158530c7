// What falls due (SPEC §13 deadlines): for every document in scope in force or pending as of D,
// the days of D … D+DAYS on which its term ends, its review window opens (SPEC §4) or, for a
// normative or party-normative document with no filing on or before D, its filing is due.
//
//   for (const Deadline& d : deadlines(corpus, as_of, Days(180), CleanupScope::all())) …
#pragma once

#include "normdoc/cleanup.hpp"
#include "normdoc/corpus.hpp"
#include "normdoc/date.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace normdoc {

// In the order of their names (filing-due, review-opens, term-ends): CSV sorts by date, then event.
enum class DeadlineEvent : std::uint8_t { filing_due, review_opens, term_ends };

namespace detail {
inline constexpr std::string_view k_deadline_event_names[] = {"filing-due", "review-opens", "term-ends"};
}
constexpr std::string_view to_string(DeadlineEvent e) noexcept { return detail::enum_name(detail::k_deadline_event_names, e); }

struct Deadline {
    Date date;
    DeadlineEvent event = DeadlineEvent::term_ends;
    DocumentId document;
};

// The last day of the window D … D+DAYS. Nothing in a corpus falls due after 2299 (SPEC §7 dates end
// in 2199, terms are years): a larger window ends there, so D+DAYS never leaves the calendar.
inline Date deadlines_last_day(Date as_of, Days within) {
    const Date cap(2299, 12, 31);
    const long room = as_of < cap ? (cap - as_of).days() : 0;
    return as_of + boost::gregorian::days(within.count < room ? within.count : room);
}

// SPEC §13: sorted by date, then event, then document id (bytes). `within`: DAYS, the window's
// last day being as_of + within (both ends included).
std::vector<Deadline> deadlines(const Corpus& corpus, Date as_of, Days within, const CleanupScope& scope);

}  // namespace normdoc
