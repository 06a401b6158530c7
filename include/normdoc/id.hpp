// Strong small-integer ids inside a corpus: a DocumentId cannot be passed where an AuthorityId
// is meant. String ids live only at the edges (files, command line).
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <ostream>
#include <string_view>

namespace normdoc {

template <class Tag>
class Id {
public:
    using value_type = std::uint32_t;
    static constexpr value_type k_none = std::numeric_limits<value_type>::max();

    constexpr Id() noexcept = default;  // no id
    constexpr explicit Id(value_type index) noexcept : index_(index) {}

    constexpr value_type index() const noexcept { return index_; }
    constexpr bool valid() const noexcept { return index_ != k_none; }
    constexpr explicit operator bool() const noexcept { return valid(); }

    friend constexpr bool operator==(Id a, Id b) noexcept { return a.index_ == b.index_; }
    friend constexpr bool operator!=(Id a, Id b) noexcept { return a.index_ != b.index_; }
    friend constexpr bool operator<(Id a, Id b) noexcept { return a.index_ < b.index_; }
    friend std::ostream& operator<<(std::ostream& os, Id id) {
        return id.valid() ? os << '#' << id.index_ : os << "#none";
    }

private:
    value_type index_ = k_none;
};

using DocumentId = Id<struct DocumentTag>;
using AuthorityId = Id<struct AuthorityTag>;

// SPEC §7's Unicode white space, as UTF-8 spells it: U+0085, U+00A0, U+1680, U+2000–U+200A,
// U+2028/2029, U+202F, U+205F and U+3000. The number of bytes of the one that starts at s[i], or 0.
// (ASCII white space is the caller's: ids refuse every ASCII control, titles fold XML's four.)
constexpr std::size_t unicode_space_at(std::string_view s, std::size_t i) noexcept {
    auto at = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
    const unsigned c = at(0);
    if (c == 0xc2 && (at(1) == 0x85 || at(1) == 0xa0)) return 2;
    if (i + 2 >= s.size()) return 0;
    if (c == 0xe1 && at(1) == 0x9a && at(2) == 0x80) return 3;  // U+1680
    if (c == 0xe2 && at(1) == 0x80 && (at(2) <= 0x8a || at(2) == 0xa8 || at(2) == 0xa9 || at(2) == 0xaf)) return 3;
    if (c == 0xe2 && at(1) == 0x81 && at(2) == 0x9f) return 3;  // U+205F
    if (c == 0xe3 && at(1) == 0x80 && at(2) == 0x80) return 3;  // U+3000
    return 0;
}

// SPEC §7: an id (of an authority or a document, in a file or on the command line) is a non-empty
// string without white space or control characters: ASCII ones, the C1 controls U+0080–U+009F,
// and the Unicode white space above.
constexpr bool is_valid_id(std::string_view id) noexcept {
    if (id.empty()) return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const auto c = static_cast<unsigned char>(id[i]);
        if (c <= 0x20 || c == 0x7f) return false;
        if (c == 0xc2 && i + 1 < id.size() && static_cast<unsigned char>(id[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(id[i + 1]) <= 0x9f)
            return false;  // C1 controls
        if (unicode_space_at(id, i) != 0) return false;
    }
    return true;
}

}  // namespace normdoc

template <class Tag>
struct std::hash<normdoc::Id<Tag>> {
    std::size_t operator()(normdoc::Id<Tag> id) const noexcept { return id.index(); }
};
