// iCalendar (RFC 5545) for the deadlines (SPEC §13 `deadlines --format ics`): a calendar a legal
// office subscribes to. Lines end in CRLF and are folded at 75 octets (never inside a UTF-8
// character, RFC 5545 §3.1); TEXT values are escaped (§3.3.11); each deadline is one all-day event
// (DTSTART;VALUE=DATE, DTEND the next day) with a UID that stays the same from run to run.
#pragma once

#include "normdoc/corpus.hpp"
#include "normdoc/deadlines.hpp"

#include "report/messages.hpp"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::report {

// RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks escaped.
std::string ical_text(std::string_view text);
// RFC 5545 §3.1: the content line `line` (without its end) folded into lines of at most 75
// octets, each ending in CRLF, continuation lines starting with one space.
std::string ical_folded(std::string_view line);

// RFC 5545 §3.8.4.7: the event's UID: its event and document id, so that a term extended moves
// the same event in a subscribed calendar instead of adding one.
std::string deadline_uid(DeadlineEvent event, std::string_view document_id);

// The calendar of `deadlines`. DTSTAMP is `as_of` at midnight UTC, so the same corpus and day
// give the same bytes (a calendar that changes only when the deadlines do).
void write_deadlines_ics(std::ostream& out, const Corpus& corpus, const std::vector<Deadline>& deadlines, Date as_of,
                         const Messages& messages);

}  // namespace normdoc::report
