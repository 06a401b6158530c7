// Strong small-integer ids inside a corpus: a DocumentId cannot be passed where an AuthorityId
// is meant. String ids live only at the edges (files, command line).
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <ostream>

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

}  // namespace normdoc

template <class Tag>
struct std::hash<normdoc::Id<Tag>> {
    std::size_t operator()(normdoc::Id<Tag> id) const noexcept { return id.index(); }
};
