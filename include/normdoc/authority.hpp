// Authorities (制定机关): kinds, levels, hierarchy and succession after reforms (机构改革).
#pragma once

#include "normdoc/date.hpp"
#include "normdoc/detail/corpus_data.hpp"
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

// An authority of a loaded corpus: a small handle like Document, valid while a Corpus sharing
// its data lives. Strings are views into the corpus.
class Authority {
public:
    Authority(const detail::CorpusData* data, AuthorityId id) noexcept : data_(data), id_(id) {}

    AuthorityId authority_id() const noexcept { return id_; }
    std::string_view id() const noexcept { return data_->text(record().id); }
    std::string_view name() const noexcept { return data_->text(record().name); }
    AuthorityKind kind() const noexcept { return static_cast<AuthorityKind>(record().kind); }
    std::optional<Level> level() const noexcept {
        if (record().level == detail::k_no_level) return std::nullopt;
        return static_cast<Level>(record().level);
    }
    AuthorityId parent() const noexcept { return record().parent; }        // none when absent
    std::optional<Date> abolished() const noexcept { return detail::to_optional_date(record().abolished); }  // its first day gone
    AuthorityId successor() const noexcept { return record().successor; }  // none when absent

    // SPEC §2: abolished on or before `day`.
    bool abolished_by(Date day) const noexcept {
        const detail::Day a = record().abolished;
        return a != detail::k_no_day && a <= detail::to_day(day);
    }

private:
    const detail::AuthorityRecord& record() const noexcept { return data_->columns.authorities[id_.index()]; }
    const detail::CorpusData* data_;
    AuthorityId id_;
};

inline std::ostream& operator<<(std::ostream& os, const Authority& a) {
    return os << "Authority{" << a.id() << ", " << a.name() << ", " << a.kind() << '}';
}

}  // namespace normdoc
