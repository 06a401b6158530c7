// Authorities (制定机关): kinds, levels, hierarchy and succession after reforms (机构改革).
#pragma once

#include "normdoc/date.hpp"
#include "normdoc/enum_names.hpp"
#include "normdoc/id.hpp"

#include <optional>
#include <ostream>
#include <string_view>

namespace normdoc {

// SPEC §2.
enum class AuthorityKind : std::uint8_t { congress, party, government, general_office, department, township, other };
enum class Level : std::uint8_t { national, provincial, municipal, county, township };

namespace detail {
inline constexpr std::string_view k_authority_kind_names[] = {
    "congress", "party", "government", "general-office", "department", "township", "other"};
inline constexpr std::string_view k_level_names[] = {"national", "provincial", "municipal", "county", "township"};
}  // namespace detail

constexpr std::string_view to_string(AuthorityKind k) noexcept { return detail::enum_name(detail::k_authority_kind_names, k); }
constexpr std::string_view to_string(Level l) noexcept { return detail::enum_name(detail::k_level_names, l); }
constexpr std::optional<AuthorityKind> parse_authority_kind(std::string_view s) noexcept {
    return detail::enum_parse<AuthorityKind>(detail::k_authority_kind_names, s);
}
constexpr std::optional<Level> parse_level(std::string_view s) noexcept {
    return detail::enum_parse<Level>(detail::k_level_names, s);
}
inline std::ostream& operator<<(std::ostream& os, AuthorityKind k) { return os << to_string(k); }
inline std::ostream& operator<<(std::ostream& os, Level l) { return os << to_string(l); }

// An authority of a loaded corpus. Strings are views into the corpus that owns it.
struct Authority {
    std::string_view id;
    std::string_view name;
    AuthorityKind kind = AuthorityKind::other;
    std::optional<Level> level;
    AuthorityId parent;               // none when absent
    std::optional<Date> abolished;    // the first day it no longer exists
    AuthorityId successor;            // none when absent

    // SPEC §2: abolished on or before `day`.
    bool abolished_by(Date day) const noexcept { return abolished && *abolished <= day; }
};

inline std::ostream& operator<<(std::ostream& os, const Authority& a) {
    return os << "Authority{" << a.id << ", " << a.name << ", " << a.kind << '}';
}

}  // namespace normdoc
