// What a document's status is (SPEC §5): the status values and the answer to "as of day D".
// The rule that decides it is in status.hpp.
#pragma once

#include "normdoc/date.hpp"
#include "normdoc/enum_names.hpp"

#include <cstdint>
#include <optional>
#include <ostream>
#include <string_view>

namespace normdoc {

enum class Status : std::uint8_t { draft, pending, in_force, repealed, invalid, expired };

namespace detail {
inline constexpr std::string_view k_status_names[] = {"draft", "pending", "in-force", "repealed", "invalid", "expired"};
}
constexpr std::string_view to_string(Status s) noexcept { return detail::enum_name(detail::k_status_names, s); }
constexpr std::optional<Status> parse_status(std::string_view s) noexcept { return detail::enum_parse<Status>(detail::k_status_names, s); }
inline std::ostream& operator<<(std::ostream& os, Status s) { return os << to_string(s); }

// repealed, invalid or expired.
constexpr bool is_ended(Status s) noexcept {
    return s == Status::repealed || s == Status::invalid || s == Status::expired;
}

struct DocumentStatus {
    Status status = Status::draft;
    std::optional<Date> ended;     // the day the ending took effect (repealed/invalid/expired)
    std::optional<Date> last_day;  // SPEC §4 last day in force as of the day, extensions included
    bool amended = false;          // SPEC §5: an amendment is in effect

    friend bool operator==(const DocumentStatus& a, const DocumentStatus& b) noexcept {
        return a.status == b.status && a.ended == b.ended && a.last_day == b.last_day && a.amended == b.amended;
    }
    friend bool operator!=(const DocumentStatus& a, const DocumentStatus& b) noexcept { return !(a == b); }
    friend std::ostream& operator<<(std::ostream& os, const DocumentStatus& s) {
        os << s.status;
        if (s.ended) os << " since " << format_date(*s.ended);
        if (s.last_day) os << " last day " << format_date(*s.last_day);
        return os << (s.amended ? " amended" : "");
    }
};

}  // namespace normdoc
