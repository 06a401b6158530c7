// One table per enumeration maps its values to the names SPEC uses in files and on the command
// line, so reading, writing and printing never disagree.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace normdoc::detail {

template <class Enum, std::size_t N>
constexpr std::string_view enum_name(const std::string_view (&names)[N], Enum value) noexcept {
    const auto i = static_cast<std::size_t>(value);
    return i < N ? names[i] : std::string_view("?");
}

template <class Enum, std::size_t N>
constexpr std::optional<Enum> enum_parse(const std::string_view (&names)[N], std::string_view text) noexcept {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == text) return static_cast<Enum>(i);
    return std::nullopt;
}

}  // namespace normdoc::detail
