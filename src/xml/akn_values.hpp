// The values the Akoma Ntoso import reads from attributes and text (SPEC §9): white space, quoting,
// %XX escapes, work URIs, author hrefs, dates. No XML here.
#pragma once

#include "normdoc/date.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace normdoc::detail::akn {

bool is_xml_space(char c) noexcept;
std::string_view trim(std::string_view s) noexcept;
// White space folded: runs of white space (XML's and SPEC §7's Unicode white space) become one
// space, none at the ends (SPEC §9 titles).
std::string fold_space(std::string_view s);
bool ends_with_ignoring_case(std::string_view s, std::string_view suffix) noexcept;
std::string_view strip_hash(std::string_view s) noexcept;
// A value as a message quotes it (cut at 200 bytes).
std::string in_quotes(std::string_view s);
// %XX escapes decoded (export-akn escapes '%', '#', spaces … in hrefs); none when there are none
// or one is malformed.
std::optional<std::string> percent_decoded(std::string_view s);
// A work URI as the key of the document it names: SPEC §9 "with or without a trailing /!main or
// /main".
std::string_view work_key(std::string_view uri) noexcept;
// SPEC §9: the authority id of an author href that names no organization: the last path segment
// or the fragment.
std::string href_authority_id(std::string_view href);

struct DateRead {
    std::optional<Date> date;
    bool bare_year = false;  // "2009": real files carry a year where a date belongs
    bool date_time = false;  // "2022-10-28T11:53:19": the date part is taken (a warning)
    std::string error;       // neither a date nor a date-time nor a year
};
DateRead read_date(std::string_view text);

}  // namespace normdoc::detail::akn
