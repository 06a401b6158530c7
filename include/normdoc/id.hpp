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

// SPEC §7: an id (of an authority or a document, in a file or on the command line) is a non-empty
// string without white space or control characters: ASCII ones, and the Unicode white space and
// C1 controls that UTF-8 spells as U+0085, U+00A0, U+0080–U+009F, U+1680, U+2000–U+200A,
// U+2028/2029, U+202F, U+205F and U+3000.
constexpr bool is_valid_id(std::string_view id) noexcept {
    if (id.empty()) return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const auto c = static_cast<unsigned char>(id[i]);
        if (c <= 0x20 || c == 0x7f) return false;
        auto at = [&](std::size_t k) { return i + k < id.size() ? static_cast<unsigned char>(id[i + k]) : 0u; };
        if (c == 0xc2 && at(1) >= 0x80 && at(1) <= 0xa0) return false;  // C1 controls, U+00A0
        if (c == 0xe1 && at(1) == 0x9a && at(2) == 0x80) return false;  // U+1680
        if (c == 0xe2 && i + 2 < id.size() && at(1) == 0x80 && (at(2) <= 0x8a || at(2) == 0xa8 || at(2) == 0xa9 || at(2) == 0xaf))
            return false;  // U+2000–U+200A, U+2028, U+2029, U+202F
        if (c == 0xe2 && at(1) == 0x81 && at(2) == 0x9f) return false;  // U+205F
        if (c == 0xe3 && at(1) == 0x80 && at(2) == 0x80) return false;  // U+3000
    }
    return true;
}

}  // namespace normdoc

template <class Tag>
struct std::hash<normdoc::Id<Tag>> {
    std::size_t operator()(normdoc::Id<Tag> id) const noexcept { return id.index(); }
};
